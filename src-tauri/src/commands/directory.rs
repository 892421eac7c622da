use icp_api::{Changed, IpcError};
use icp_domain::{Id, Organisation, Person};
use tauri::{AppHandle, Runtime, State};

use super::announce;
use crate::DeskState;

#[tauri::command]
pub async fn list_people(state: State<'_, DeskState>) -> Result<Vec<Person>, IpcError> {
    state.run(|desk| desk.list_people())
}

#[tauri::command]
pub async fn add_person<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    person: Person,
) -> Result<Person, IpcError> {
    let saved = state.run(|desk| desk.add_person(&person))?;
    announce(&app, Changed::of::<Person>(Some(saved.id)));
    Ok(saved)
}

#[tauri::command]
pub async fn save_person<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    person: Person,
) -> Result<Person, IpcError> {
    let saved = state.run(|desk| desk.save_person(&person))?;
    announce(&app, Changed::of::<Person>(Some(saved.id)));
    Ok(saved)
}

#[tauri::command]
pub async fn delete_person<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: Id,
) -> Result<(), IpcError> {
    state.run(|desk| desk.delete_person(id))?;
    announce(&app, Changed::of::<Person>(Some(id)));
    Ok(())
}

#[tauri::command]
pub async fn list_organisations(
    state: State<'_, DeskState>,
) -> Result<Vec<Organisation>, IpcError> {
    state.run(|desk| desk.list_organisations())
}

#[tauri::command]
pub async fn add_organisation<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    organisation: Organisation,
) -> Result<Organisation, IpcError> {
    let saved = state.run(|desk| desk.add_organisation(&organisation))?;
    announce(&app, Changed::of::<Organisation>(Some(saved.id)));
    Ok(saved)
}

#[tauri::command]
pub async fn save_organisation<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    organisation: Organisation,
) -> Result<Organisation, IpcError> {
    let saved = state.run(|desk| desk.save_organisation(&organisation))?;
    announce(&app, Changed::of::<Organisation>(Some(saved.id)));
    Ok(saved)
}

#[tauri::command]
pub async fn delete_organisation<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: Id,
) -> Result<(), IpcError> {
    state.run(|desk| desk.delete_organisation(id))?;
    announce(&app, Changed::of::<Organisation>(Some(id)));
    Ok(())
}
