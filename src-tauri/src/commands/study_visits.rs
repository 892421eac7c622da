use std::path::PathBuf;

use icp_api::{Changed, ExportedFile, IpcError, NewStudyVisit, Paper, StudyVisitView};
use icp_domain::{Id, Record, StudyVisit};
use tauri::{AppHandle, Runtime, State};

use super::announce;
use crate::DeskState;

/// Test-only: the end-to-end tests cannot click a native dialog, so they name the file here.
/// People always get the dialog.
const TEST_EXPORT_PATH_ENV: &str = "ICP_DESK_TEST_EXPORT_PATH";

fn changed(id: Option<Id>) -> Changed {
    Changed {
        collection: StudyVisit::COLLECTION.into(),
        id,
    }
}

#[tauri::command]
pub async fn list_study_visits(state: State<'_, DeskState>) -> Result<Vec<StudyVisit>, IpcError> {
    state.desk()?.list_study_visits().map_err(|e| e.to_ipc())
}

#[tauri::command]
pub async fn get_study_visit(
    state: State<'_, DeskState>,
    id: Id,
) -> Result<StudyVisitView, IpcError> {
    state.desk()?.get_study_visit(id).map_err(|e| e.to_ipc())
}

#[tauri::command]
pub async fn create_study_visit<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    input: NewStudyVisit,
) -> Result<StudyVisitView, IpcError> {
    let view = state
        .desk()?
        .create_study_visit(&input)
        .map_err(|e| e.to_ipc())?;
    announce(&app, changed(Some(view.visit.id)));
    Ok(view)
}

#[tauri::command]
pub async fn save_study_visit<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    visit: StudyVisit,
) -> Result<StudyVisitView, IpcError> {
    let view = state
        .desk()?
        .save_study_visit(&visit)
        .map_err(|e| e.to_ipc())?;
    announce(&app, changed(Some(view.visit.id)));
    Ok(view)
}

#[tauri::command]
pub async fn delete_study_visit<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: Id,
) -> Result<(), IpcError> {
    state
        .desk()?
        .delete_study_visit(id)
        .map_err(|e| e.to_ipc())?;
    announce(&app, changed(Some(id)));
    Ok(())
}

/// Asks where to save the itinerary (a native dialog), then writes it there.
#[tauri::command]
pub async fn export_itinerary<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: Id,
    paper: Paper,
) -> Result<ExportedFile, IpcError> {
    let desk = state.desk()?;
    let visit = desk.get_study_visit(id).map_err(|e| e.to_ipc())?.visit;
    let path = match std::env::var_os(TEST_EXPORT_PATH_ENV) {
        Some(p) => Some(PathBuf::from(p)),
        None => ask_where(&app, suggested_name(&visit.title)).await,
    };
    let Some(path) = path else {
        return Ok(ExportedFile { path: None });
    };
    desk.export_itinerary(id, paper, &path)
        .map_err(|e| e.to_ipc())?;
    Ok(ExportedFile {
        path: Some(path.display().to_string()),
    })
}

/// A file name from the visit's title, without characters file systems refuse.
fn suggested_name(title: &str) -> String {
    let clean: String = title
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    format!("{} - itinerary.pdf", clean.trim())
}

/// GTK dialogs belong to the main thread; the command waits for the answer off it.
async fn ask_where<R: Runtime>(app: &AppHandle<R>, name: String) -> Option<PathBuf> {
    let (tx, rx) = std::sync::mpsc::channel();
    let asked = app.run_on_main_thread(move || {
        let chosen = rfd::FileDialog::new()
            .set_title("Save the itinerary")
            .set_file_name(name)
            .add_filter("PDF document", &["pdf"])
            .save_file();
        let _ = tx.send(chosen);
    });
    if asked.is_err() {
        return None;
    }
    tauri::async_runtime::spawn_blocking(move || rx.recv().ok().flatten())
        .await
        .ok()
        .flatten()
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggested_names_are_safe_file_names() {
        assert_eq!(
            super::suggested_name("eThekwini → Porto: June"),
            "eThekwini → Porto- June - itinerary.pdf"
        );
    }
}
