use icp_api::{Changed, IpcError};
use icp_domain::Cluster;
use tauri::{AppHandle, Runtime, State};

use super::announce;
use crate::DeskState;

#[tauri::command]
pub async fn list_clusters(state: State<'_, DeskState>) -> Result<Vec<Cluster>, IpcError> {
    state.desk()?.list_clusters().map_err(|e| e.to_ipc())
}

#[tauri::command]
pub async fn save_cluster<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    cluster: Cluster,
) -> Result<Cluster, IpcError> {
    let saved = state
        .desk()?
        .save_cluster(&cluster)
        .map_err(|e| e.to_ipc())?;
    announce(&app, Changed::of::<Cluster>(Some(saved.id)));
    Ok(saved)
}
