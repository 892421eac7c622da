use std::path::{Path, PathBuf};

use icp_api::{
    ApiError, Changed, Desk, ExportedFile, IpcError, NewStudyVisit, Paper, StudyVisitView,
};
use icp_domain::{Id, Record, StudyVisit};
use tauri::{AppHandle, Runtime, State};

use super::announce;
use crate::DeskState;

/// Test-only: the end-to-end tests cannot click a native dialog, so they name a folder here
/// and each export goes into it under the name the dialog would have suggested. People always
/// get the dialog.
const TEST_EXPORT_DIR_ENV: &str = "ICP_DESK_TEST_EXPORT_DIR";

fn changed(id: Option<Id>) -> Changed {
    Changed {
        collection: StudyVisit::COLLECTION.into(),
        id,
    }
}

#[tauri::command]
pub async fn list_study_visits(state: State<'_, DeskState>) -> Result<Vec<StudyVisit>, IpcError> {
    state.run(|desk| desk.list_study_visits())
}

#[tauri::command]
pub async fn get_study_visit(
    state: State<'_, DeskState>,
    id: Id,
) -> Result<StudyVisitView, IpcError> {
    state.run(|desk| desk.get_study_visit(id))
}

#[tauri::command]
pub async fn create_study_visit<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    input: NewStudyVisit,
) -> Result<StudyVisitView, IpcError> {
    let view = state.run(|desk| desk.create_study_visit(&input))?;
    announce(&app, changed(Some(view.visit.id)));
    Ok(view)
}

#[tauri::command]
pub async fn save_study_visit<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    visit: StudyVisit,
) -> Result<StudyVisitView, IpcError> {
    let view = state.run(|desk| desk.save_study_visit(&visit))?;
    announce(&app, changed(Some(view.visit.id)));
    Ok(view)
}

#[tauri::command]
pub async fn delete_study_visit<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: Id,
) -> Result<(), IpcError> {
    state.run(|desk| desk.delete_study_visit(id))?;
    announce(&app, changed(Some(id)));
    Ok(())
}

/// What an export writes: how the dialog names and filters it.
struct FileKind {
    dialog_title: &'static str,
    suffix: &'static str,
    filter: &'static str,
    extension: &'static str,
}

const ITINERARY: FileKind = FileKind {
    dialog_title: "Save the itinerary",
    suffix: "itinerary.pdf",
    filter: "PDF document",
    extension: "pdf",
};

const CALENDAR: FileKind = FileKind {
    dialog_title: "Save the visit's calendar",
    suffix: "calendar.ics",
    filter: "iCalendar file",
    extension: "ics",
};

/// Asks where to save the itinerary (a native dialog), then writes it there.
#[tauri::command]
pub async fn export_itinerary(
    state: State<'_, DeskState>,
    id: Id,
    paper: Paper,
) -> Result<ExportedFile, IpcError> {
    let desk = state.desk()?;
    export(&desk, id, &ITINERARY, |path| {
        desk.export_itinerary(id, paper, path)
    })
    .await
}

/// Asks where to save the visit's calendar (.ics), then writes it there.
#[tauri::command]
pub async fn export_visit_calendar(
    state: State<'_, DeskState>,
    id: Id,
) -> Result<ExportedFile, IpcError> {
    let desk = state.desk()?;
    export(&desk, id, &CALENDAR, |path| {
        desk.export_visit_calendar(id, path)
    })
    .await
}

async fn export(
    desk: &Desk,
    id: Id,
    kind: &FileKind,
    write: impl FnOnce(&Path) -> Result<u64, ApiError>,
) -> Result<ExportedFile, IpcError> {
    let visit = desk.get_study_visit(id).map_err(|e| e.to_ipc())?.visit;
    let name = suggested_name(&visit.title, kind.suffix);
    let path = match std::env::var_os(TEST_EXPORT_DIR_ENV) {
        Some(dir) => Some(PathBuf::from(dir).join(name)),
        None => ask_where(kind, name).await,
    };
    let Some(path) = path else {
        return Ok(ExportedFile { path: None });
    };
    write(&path).map_err(|e| e.to_ipc())?;
    Ok(ExportedFile {
        path: Some(path.display().to_string()),
    })
}

/// A file name from the visit's title, without characters file systems refuse.
fn suggested_name(title: &str, suffix: &str) -> String {
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
    format!("{} - {suffix}", clean.trim())
}

/// The native save dialog. rfd runs GTK work as idle callbacks on the default main context,
/// which Tauri's main loop dispatches, so the command must not hold the main thread while it
/// waits: the blocking API called from the main thread froze the window for good.
async fn ask_where(kind: &FileKind, name: String) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_title(kind.dialog_title)
        .set_file_name(name)
        .add_filter(kind.filter, &[kind.extension])
        .save_file()
        .await
        .map(|file| file.path().to_path_buf())
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggested_names_are_safe_file_names() {
        assert_eq!(
            super::suggested_name("eThekwini → Porto: June", "itinerary.pdf"),
            "eThekwini → Porto- June - itinerary.pdf"
        );
    }
}
