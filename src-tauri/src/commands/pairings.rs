use icp_api::{Changed, IpcError, PairingBoard};
use icp_domain::pairing::{Pairing, PairingConstraints};
use icp_domain::Id;
use tauri::{AppHandle, Runtime, State};

use super::announce;
use crate::DeskState;

#[tauri::command]
pub async fn list_pairings(state: State<'_, DeskState>) -> Result<Vec<Pairing>, IpcError> {
    state.run(|desk| desk.list_pairings())
}

#[tauri::command]
pub async fn suggest_pairings(
    state: State<'_, DeskState>,
    constraints: PairingConstraints,
) -> Result<PairingBoard, IpcError> {
    state.run(|desk| desk.suggest_pairings(&constraints))
}

/// Accepts `(EU city, non-EU city)` pairs, all or none.
#[tauri::command]
pub async fn accept_pairings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    pairs: Vec<(Id, Id)>,
) -> Result<Vec<Pairing>, IpcError> {
    let accepted = state.run(|desk| desk.accept_pairings(&pairs))?;
    announce(&app, Changed::of::<Pairing>(None));
    Ok(accepted)
}

#[tauri::command]
pub async fn set_pairing_manager<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: Id,
    manager: Option<Id>,
) -> Result<Pairing, IpcError> {
    let saved = state.run(|desk| desk.set_pairing_manager(id, manager))?;
    announce(&app, Changed::of::<Pairing>(Some(id)));
    Ok(saved)
}

#[tauri::command]
pub async fn delete_pairing<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: Id,
) -> Result<(), IpcError> {
    state.run(|desk| desk.delete_pairing(id))?;
    announce(&app, Changed::of::<Pairing>(Some(id)));
    Ok(())
}

/// Keeps the board's locks and exclusions as the coordinator changes them.
#[tauri::command]
pub async fn save_pairing_constraints(
    state: State<'_, DeskState>,
    constraints: PairingConstraints,
) -> Result<(), IpcError> {
    state.run(|desk| desk.save_pairing_constraints(&constraints))
}

#[tauri::command]
pub async fn pairing_constraints(
    state: State<'_, DeskState>,
) -> Result<PairingConstraints, IpcError> {
    state.run(|desk| desk.pairing_constraints())
}
