//! The best-practice library and search everywhere.

use icp_api::{
    EverywhereHit, ExportedFile, IpcError, LibraryQuery, LibraryResults, Paper, PracticeView,
};
use icp_domain::Id;
use tauri::State;

use super::export::{save_as, FileKind};
use crate::DeskState;

const SPREADSHEET: FileKind = FileKind {
    dialog_title: "Save the practices as a spreadsheet",
    suffix: "practices.csv",
    filter: "CSV spreadsheet",
    extension: "csv",
};

const CATALOGUE: FileKind = FileKind {
    dialog_title: "Save the best-practice catalogue",
    suffix: "catalogue.pdf",
    filter: "PDF document",
    extension: "pdf",
};

#[tauri::command]
pub async fn search_library(
    state: State<'_, DeskState>,
    query: LibraryQuery,
) -> Result<LibraryResults, IpcError> {
    state.run(|desk| desk.search_library(&query))
}

#[tauri::command]
pub async fn open_best_practice(
    state: State<'_, DeskState>,
    id: Id,
) -> Result<PracticeView, IpcError> {
    state.run(|desk| desk.open_best_practice(id))
}

#[tauri::command]
pub async fn search_everywhere(
    state: State<'_, DeskState>,
    text: String,
    limit: u32,
) -> Result<Vec<EverywhereHit>, IpcError> {
    state.run(|desk| desk.search_everywhere(&text, limit))
}

/// Asks where to save the selected practices as CSV, then writes them there.
#[tauri::command]
pub async fn export_practices_csv(
    state: State<'_, DeskState>,
    query: LibraryQuery,
) -> Result<ExportedFile, IpcError> {
    let desk = state.desk()?;
    save_as(&SPREADSHEET, "Best practices", |path| {
        desk.export_practices_csv(&query, path)
    })
    .await
}

/// Asks where to save the selected practices' catalogue PDF, then writes it there.
#[tauri::command]
pub async fn export_catalogue(
    state: State<'_, DeskState>,
    query: LibraryQuery,
    paper: Paper,
) -> Result<ExportedFile, IpcError> {
    let desk = state.desk()?;
    save_as(&CATALOGUE, "Best practices", |path| {
        desk.export_catalogue(&query, paper, path)
    })
    .await
}
