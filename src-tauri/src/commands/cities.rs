use icp_api::{Changed, IpcError};
use icp_domain::{City, CityInput, CityQuery, Id, Record};
use tauri::{AppHandle, Runtime, State};

use super::announce;
use crate::DeskState;

#[tauri::command]
pub async fn list_cities(
    state: State<'_, DeskState>,
    query: CityQuery,
) -> Result<Vec<City>, IpcError> {
    state.desk()?.list_cities(&query).map_err(|e| e.to_ipc())
}

#[tauri::command]
pub async fn get_city(state: State<'_, DeskState>, id: Id) -> Result<City, IpcError> {
    state.desk()?.get_city(id).map_err(|e| e.to_ipc())
}

#[tauri::command]
pub async fn save_city<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    input: CityInput,
) -> Result<City, IpcError> {
    let city = state.desk()?.save_city(&input).map_err(|e| e.to_ipc())?;
    announce(
        &app,
        Changed {
            collection: City::COLLECTION.into(),
            id: Some(city.id),
        },
    );
    Ok(city)
}

#[tauri::command]
pub async fn delete_city<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: Id,
) -> Result<(), IpcError> {
    state.desk()?.delete_city(id).map_err(|e| e.to_ipc())?;
    announce(
        &app,
        Changed {
            collection: City::COLLECTION.into(),
            id: Some(id),
        },
    );
    Ok(())
}
