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
    state.run(|desk| desk.list_cities(&query))
}

#[tauri::command]
pub async fn get_city(state: State<'_, DeskState>, id: Id) -> Result<City, IpcError> {
    state.run(|desk| desk.get_city(id))
}

#[tauri::command]
pub async fn save_city<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    input: CityInput,
) -> Result<City, IpcError> {
    let city = state.run(|desk| desk.save_city(&input))?;
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
    state.run(|desk| desk.delete_city(id))?;
    announce(
        &app,
        Changed {
            collection: City::COLLECTION.into(),
            id: Some(id),
        },
    );
    Ok(())
}
