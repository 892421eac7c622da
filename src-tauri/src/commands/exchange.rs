//! Exchange with colleagues' desktops: files out and in, the conflicts they leave, and each
//! record's history.

use icp_api::{Changed, ConflictView, ExchangeSummary, ExportedFile, FieldChange, IpcError};
use icp_domain::Id;
use tauri::{AppHandle, Runtime, State};

use super::export::{save_as, FileKind};
use super::open::pick_file;
use super::{announce, announce_merged};
use crate::DeskState;

/// Test-only, as for the candidatures' import: the file the open dialog would have given.
const TEST_EXCHANGE_FILE_ENV: &str = "ICP_DESK_TEST_EXCHANGE_FILE";

const EXCHANGE_FILE: FileKind = FileKind {
    dialog_title: "Save the changes for a colleague",
    suffix: "changes.icpx",
    filter: "ICP Desk exchange file",
    extension: "icpx",
};

/// Asks where to save every change made here as an exchange file, then writes it.
#[tauri::command]
pub async fn export_exchange(
    state: State<'_, DeskState>,
    person: String,
) -> Result<ExportedFile, IpcError> {
    let desk = state.desk()?;
    let title = if person.trim().is_empty() {
        "ICP Desk".to_string()
    } else {
        person.clone()
    };
    save_as(&EXCHANGE_FILE, &title, |path| {
        desk.export_exchange(path, &person)
    })
    .await
}

/// Asks for a colleague's exchange file and merges it; None when the dialog was closed.
#[tauri::command]
pub async fn import_exchange<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
) -> Result<Option<ExchangeSummary>, IpcError> {
    let path = pick_file(
        TEST_EXCHANGE_FILE_ENV,
        "Merge a colleague's changes",
        "ICP Desk exchange file",
        &["icpx"],
    )
    .await;
    let Some(path) = path else { return Ok(None) };
    let summary = state.run(|desk| desk.import_exchange(&path))?;
    announce_merged(&app, &summary.collections);
    Ok(Some(summary))
}

#[tauri::command]
pub async fn list_conflicts(state: State<'_, DeskState>) -> Result<Vec<ConflictView>, IpcError> {
    state.run(|desk| desk.list_conflicts())
}

/// Settles a field in conflict with `json` (one of the values, or a merged text).
#[tauri::command]
pub async fn settle_conflict<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    collection: String,
    id: Id,
    field: String,
    json: String,
) -> Result<(), IpcError> {
    state.run(|desk| desk.settle_conflict(&collection, id, &field, &json))?;
    announce(
        &app,
        Changed {
            collection,
            id: Some(id),
        },
    );
    Ok(())
}

#[tauri::command]
pub async fn record_history(
    state: State<'_, DeskState>,
    collection: String,
    id: Id,
) -> Result<Vec<FieldChange>, IpcError> {
    state.run(|desk| desk.record_history(&collection, id))
}
