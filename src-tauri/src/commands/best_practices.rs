use icp_api::{Changed, IpcError};
use icp_domain::{BestPractice, Id};
use tauri::{AppHandle, Runtime, State};

use super::announce;
use crate::DeskState;

#[tauri::command]
pub async fn list_best_practices(
    state: State<'_, DeskState>,
    meeting: Option<Id>,
) -> Result<Vec<BestPractice>, IpcError> {
    state.run(|desk| desk.list_best_practices(meeting))
}

/// Saves a practice as it is typed; it is durable (flushed) when this returns.
#[tauri::command]
pub async fn save_best_practice<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    practice: BestPractice,
) -> Result<BestPractice, IpcError> {
    let saved = state.run(|desk| desk.save_best_practice(&practice))?;
    announce(&app, Changed::of::<BestPractice>(Some(saved.id)));
    Ok(saved)
}

#[tauri::command]
pub async fn delete_best_practice<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: Id,
) -> Result<(), IpcError> {
    state.run(|desk| desk.delete_best_practice(id))?;
    announce(&app, Changed::of::<BestPractice>(Some(id)));
    Ok(())
}
