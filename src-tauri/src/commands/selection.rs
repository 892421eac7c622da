use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use icp_api::{CandidatureView, Changed, CsvPreview, IpcError, SelectionOutcome};
use icp_domain::selection::{GroupTally, SelectionDecision, SelectionSuggestion};
use icp_domain::{Candidature, City, ColumnMapping, Id, Review};
use tauri::{AppHandle, Runtime, State};

use super::announce;
use super::open::pick_file;
use crate::DeskState;

/// Test-only: the end-to-end tests cannot click a native dialog, so they name the file to
/// import here. People always get the dialog.
const TEST_IMPORT_FILE_ENV: &str = "ICP_DESK_TEST_IMPORT_FILE";

/// The CSV file the coordinator chose in the open dialog, kept by the shell: the window names
/// a mapping, never a path, so it can only import what the person picked.
#[derive(Default)]
pub struct ChosenImport(Mutex<Option<PathBuf>>);

impl ChosenImport {
    fn set(&self, path: Option<PathBuf>) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = path;
    }

    fn get(&self) -> Option<PathBuf> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

#[tauri::command]
pub async fn list_candidatures(
    state: State<'_, DeskState>,
) -> Result<Vec<CandidatureView>, IpcError> {
    state.run(|desk| desk.list_candidatures())
}

#[tauri::command]
pub async fn save_review<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: Id,
    review: Review,
) -> Result<CandidatureView, IpcError> {
    let view = state.run(|desk| desk.save_review(id, &review))?;
    announce(&app, Changed::of::<Candidature>(Some(id)));
    Ok(view)
}

/// Keeps the ticks as the coordinator makes them and returns the board's counters.
#[tauri::command]
pub async fn save_selection_draft(
    state: State<'_, DeskState>,
    chosen: Vec<Id>,
) -> Result<Vec<GroupTally>, IpcError> {
    state.run(|desk| desk.save_selection_draft(&chosen))
}

#[tauri::command]
pub async fn selection_draft(state: State<'_, DeskState>) -> Result<Vec<Id>, IpcError> {
    state.run(|desk| desk.selection_draft())
}

#[tauri::command]
pub async fn suggest_selection(
    state: State<'_, DeskState>,
) -> Result<SelectionSuggestion, IpcError> {
    state.run(|desk| desk.suggest_selection())
}

#[tauri::command]
pub async fn selection_decision(
    state: State<'_, DeskState>,
) -> Result<Option<SelectionDecision>, IpcError> {
    state.run(|desk| desk.selection_decision())
}

#[tauri::command]
pub async fn confirm_selection<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    chosen: Vec<Id>,
    note: String,
) -> Result<SelectionOutcome, IpcError> {
    let outcome = state.run(|desk| desk.confirm_selection(&chosen, &note))?;
    announce(
        &app,
        Changed::of::<SelectionDecision>(Some(outcome.decision.id)),
    );
    if outcome.cities_added > 0 {
        announce(&app, Changed::of::<City>(None));
    }
    Ok(outcome)
}

/// Asks which CSV export to import (a native open dialog), keeps the choice and shows its
/// columns with the mapping ICP Desk guesses; `None` when the person closed the dialog.
#[tauri::command]
pub async fn choose_candidatures_csv(
    state: State<'_, DeskState>,
    chosen: State<'_, ChosenImport>,
) -> Result<Option<CsvPreview>, IpcError> {
    let path = pick_file(
        TEST_IMPORT_FILE_ENV,
        "Import candidatures",
        "CSV file",
        &["csv", "CSV"],
    )
    .await;
    chosen.set(None);
    let Some(path) = path else { return Ok(None) };
    let preview = state.run(|desk| desk.preview_candidatures_csv(&path))?;
    chosen.set(Some(path));
    Ok(Some(preview))
}

/// Imports the chosen file with the mapping the coordinator confirmed: all of it, or, when a
/// line is bad, nothing (the error lists every bad line).
#[tauri::command]
pub async fn import_candidatures_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    chosen: State<'_, ChosenImport>,
    mapping: ColumnMapping,
) -> Result<u32, IpcError> {
    let Some(path) = chosen.get() else {
        return Err(IpcError {
            code: "no_file_chosen".into(),
            message: "Choose the CSV file to import first.".into(),
            field: None,
            issues: Vec::new(),
        });
    };
    let count = state.run(|desk| desk.import_candidatures_csv(&path, Some(&mapping)))?;
    chosen.set(None);
    announce(&app, Changed::of::<Candidature>(None));
    Ok(count)
}
