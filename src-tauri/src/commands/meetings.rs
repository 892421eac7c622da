use icp_api::{Changed, IpcError, MeetingView};
use icp_domain::meeting::{Meeting, MeetingInput};
use icp_domain::slots::{SlotRanking, SlotRequest};
use icp_domain::Id;
use tauri::{AppHandle, Runtime, State};

use super::announce;
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
