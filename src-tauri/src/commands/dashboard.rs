use icp_api::{Dashboard, IpcError};
use tauri::State;

use crate::DeskState;

/// `today` is the viewer's date (`YYYY-MM-DD`), which only the window knows.
#[tauri::command]
pub async fn dashboard(state: State<'_, DeskState>, today: String) -> Result<Dashboard, IpcError> {
    state.run(|desk| desk.dashboard(&today))
}
