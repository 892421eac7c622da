use icp_api::{Changed, IpcError, SeriesView};
use icp_domain::meeting::{Meeting, MeetingSeries};
use icp_domain::Id;
use tauri::{AppHandle, Runtime, State};

use super::announce;
use crate::DeskState;

#[tauri::command]
pub async fn list_series(state: State<'_, DeskState>) -> Result<Vec<MeetingSeries>, IpcError> {
    state.run(|desk| desk.list_series())
}

#[tauri::command]
pub async fn get_series(state: State<'_, DeskState>, id: Id) -> Result<SeriesView, IpcError> {
    state.run(|desk| desk.get_series(id))
}

#[tauri::command]
pub async fn preview_series(
    state: State<'_, DeskState>,
    series: MeetingSeries,
) -> Result<SeriesView, IpcError> {
    state.run(|desk| desk.preview_series(&series))
}

#[tauri::command]
pub async fn save_series<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    series: MeetingSeries,
) -> Result<SeriesView, IpcError> {
    let view = state.run(|desk| desk.save_series(&series))?;
    announce(&app, Changed::of::<MeetingSeries>(Some(view.series.id)));
    // Its meetings changed with it.
    announce(&app, Changed::of::<Meeting>(None));
    Ok(view)
}

/// Returns how many of its meetings were kept because something was written in them.
#[tauri::command]
pub async fn delete_series<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: Id,
) -> Result<u32, IpcError> {
    let kept = state.run(|desk| desk.delete_series(id))?;
    announce(&app, Changed::of::<MeetingSeries>(Some(id)));
    announce(&app, Changed::of::<Meeting>(None));
    Ok(kept)
}
