//! The sync folder from the window: choosing it, the name its files carry, a pass on demand.

use icp_api::{IpcError, SyncSettings, SyncStatus};
use tauri::{AppHandle, Runtime, State};

use super::open::pick_folder;
use crate::sync::after_pass;
use crate::DeskState;

/// Test-only, as for the other dialogs: the folder the dialog would have given.
const TEST_SYNC_FOLDER_ENV: &str = "ICP_DESK_TEST_SYNC_FOLDER";

#[tauri::command]
pub async fn sync_status(state: State<'_, DeskState>) -> Result<SyncStatus, IpcError> {
    state.run(|desk| desk.sync_status())
}

/// Asks for the shared folder, keeps it with `person`, and syncs at once; None when the
/// dialog was closed.
#[tauri::command]
pub async fn choose_sync_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    person: String,
) -> Result<Option<SyncStatus>, IpcError> {
    let folder = pick_folder(
        TEST_SYNC_FOLDER_ENV,
        "Choose the folder your sync service shares",
    )
    .await;
    let Some(folder) = folder else {
        return Ok(None);
    };
    let settings = SyncSettings {
        folder: Some(folder.display().to_string()),
        person,
    };
    let status = state.run(|desk| {
        desk.set_sync_settings(&settings)?;
        desk.sync_now(true)
    })?;
    after_pass(&app, status.clone());
    Ok(Some(status))
}

/// Keeps new settings (another name; no folder to stop syncing).
#[tauri::command]
pub async fn save_sync_settings(
    state: State<'_, DeskState>,
    settings: SyncSettings,
) -> Result<SyncStatus, IpcError> {
    state.run(|desk| {
        desk.set_sync_settings(&settings)?;
        desk.sync_status()
    })
}

/// A pass now, writing this desktop's waiting changes too.
#[tauri::command]
pub async fn sync_now<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
) -> Result<SyncStatus, IpcError> {
    let status = state.run(|desk| desk.sync_now(true))?;
    after_pass(&app, status.clone());
    Ok(status)
}
