use icp_api::{Changed, Desk, ExportedFile, IpcError, NewStudyVisit, Paper, StudyVisitView};
use icp_domain::{Id, Record, StudyVisit};
use tauri::{AppHandle, Runtime, State};

use super::announce;
use super::export::{save_as, FileKind};
use crate::DeskState;

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
    let title = visit_title(&desk, id)?;
    save_as(&ITINERARY, &title, |path| {
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
    let title = visit_title(&desk, id)?;
    save_as(&CALENDAR, &title, |path| {
        desk.export_visit_calendar(id, path)
    })
    .await
}

fn visit_title(desk: &Desk, id: Id) -> Result<String, IpcError> {
    Ok(desk
        .get_study_visit(id)
        .map_err(|e| e.to_ipc())?
        .visit
        .title)
}
