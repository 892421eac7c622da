use icp_api::{Changed, IpcError, PairingBoard};
use icp_domain::pairing::{Pairing, PairingConstraints};
use icp_domain::Id;
use tauri::{AppHandle, Runtime, State};

use super::announce;
use crate::DeskState;

#[tauri::command]
pub async fn list_pairings(state: State<'_, DeskState>) -> Result<Vec<Pairing>, IpcError> {
    state.desk()?.list_pairings().map_err(|e| e.to_ipc())
}

#[tauri::command]
pub async fn suggest_pairings(
    state: State<'_, DeskState>,
    constraints: PairingConstraints,
) -> Result<PairingBoard, IpcError> {
    state
        .desk()?
        .suggest_pairings(&constraints)
        .map_err(|e| e.to_ipc())
}

/// Accepts `(EU city, non-EU city)` pairs, all or none.
#[tauri::command]
pub async fn accept_pairings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    pairs: Vec<(Id, Id)>,
) -> Result<Vec<Pairing>, IpcError> {
    let accepted = state
        .desk()?
        .accept_pairings(&pairs)
        .map_err(|e| e.to_ipc())?;
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
    let saved = state
        .desk()?
        .set_pairing_manager(id, manager)
        .map_err(|e| e.to_ipc())?;
    announce(&app, Changed::of::<Pairing>(Some(id)));
    Ok(saved)
}

#[tauri::command]
pub async fn delete_pairing<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: Id,
) -> Result<(), IpcError> {
    state.desk()?.delete_pairing(id).map_err(|e| e.to_ipc())?;
    announce(&app, Changed::of::<Pairing>(Some(id)));
    Ok(())
}

/// Keeps the board's locks and exclusions as the coordinator changes them.
#[tauri::command]
pub async fn save_pairing_constraints(
    state: State<'_, DeskState>,
    constraints: PairingConstraints,
) -> Result<(), IpcError> {
    state
        .desk()?
        .save_pairing_constraints(&constraints)
        .map_err(|e| e.to_ipc())
}

#[tauri::command]
pub async fn pairing_constraints(
    state: State<'_, DeskState>,
) -> Result<PairingConstraints, IpcError> {
    state.desk()?.pairing_constraints().map_err(|e| e.to_ipc())
}
