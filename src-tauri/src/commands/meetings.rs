use icp_api::{Changed, ExportedFile, IpcError, MeetingView, MeetingsToExport, Paper};
use icp_domain::meeting::{Meeting, MeetingInput};
use icp_domain::slots::{SlotRanking, SlotRequest};
use icp_domain::Id;
use tauri::{AppHandle, Runtime, State};

use super::announce;
use super::export::{save_as, FileKind};
use crate::DeskState;

#[tauri::command]
pub async fn list_meetings(state: State<'_, DeskState>) -> Result<Vec<Meeting>, IpcError> {
    state.run(|desk| desk.list_meetings())
}

#[tauri::command]
pub async fn get_meeting(state: State<'_, DeskState>, id: Id) -> Result<MeetingView, IpcError> {
    state.run(|desk| desk.get_meeting(id))
}

#[tauri::command]
pub async fn save_meeting<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    input: MeetingInput,
) -> Result<MeetingView, IpcError> {
    let view = state.run(|desk| desk.save_meeting(&input))?;
    announce(&app, Changed::of::<Meeting>(Some(view.meeting.id)));
    Ok(view)
}

#[tauri::command]
pub async fn delete_meeting<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: Id,
) -> Result<(), IpcError> {
    state.run(|desk| desk.delete_meeting(id))?;
    announce(&app, Changed::of::<Meeting>(Some(id)));
    Ok(())
}

#[tauri::command]
pub async fn find_slots(
    state: State<'_, DeskState>,
    request: SlotRequest,
) -> Result<SlotRanking, IpcError> {
    state.run(|desk| desk.find_slots(&request))
}

const MINUTES: FileKind = FileKind {
    dialog_title: "Save the minutes",
    suffix: "minutes.pdf",
    filter: "PDF document",
    extension: "pdf",
};

const CALENDAR: FileKind = FileKind {
    dialog_title: "Save the meetings' calendar",
    suffix: "calendar.ics",
    filter: "iCalendar file",
    extension: "ics",
};

/// Asks where to save the minutes (a native dialog), then writes them there.
#[tauri::command]
pub async fn export_minutes(
    state: State<'_, DeskState>,
    id: Id,
    paper: Paper,
) -> Result<ExportedFile, IpcError> {
    let desk = state.desk()?;
    let title = desk.get_meeting(id).map_err(|e| e.to_ipc())?.meeting.title;
    save_as(&MINUTES, &title, |path| {
        desk.export_minutes(id, paper, path)
    })
    .await
}

/// Asks where to save a meeting's, a series' or the upcoming meetings' calendar (.ics), then
/// writes it there.
#[tauri::command]
pub async fn export_meetings_calendar(
    state: State<'_, DeskState>,
    which: MeetingsToExport,
) -> Result<ExportedFile, IpcError> {
    let desk = state.desk()?;
    let title = match which {
        MeetingsToExport::Meeting { id } => {
            desk.get_meeting(id).map_err(|e| e.to_ipc())?.meeting.title
        }
        MeetingsToExport::Series { id } => {
            desk.get_series(id).map_err(|e| e.to_ipc())?.series.title
        }
        MeetingsToExport::Upcoming => "Upcoming meetings".to_string(),
        MeetingsToExport::All => "Meetings".to_string(),
    };
    save_as(&CALENDAR, &title, |path| {
        desk.export_meetings_calendar(&which, path)
    })
    .await
}
