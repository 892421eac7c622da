use icp_api::{AppStatus, IpcError, SampleSummary};
use icp_domain::Programme;
use tauri::{AppHandle, Runtime, State};

use super::announce;
use crate::DeskState;

#[tauri::command]
pub async fn app_status(state: State<'_, DeskState>) -> Result<AppStatus, IpcError> {
    state.run(|desk| desk.status())
}

#[tauri::command]
pub async fn programme(state: State<'_, DeskState>) -> Result<Programme, IpcError> {
    Ok(state.desk()?.programme().clone())
}

#[tauri::command]
pub async fn load_sample_data<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
) -> Result<SampleSummary, IpcError> {
    let summary = state.run(|desk| desk.load_sample_data())?;
    announce(
        &app,
        icp_api::Changed {
            collection: "city".into(),
            id: None,
        },
    );
    Ok(summary)
}
