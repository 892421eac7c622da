use icp_api::{Changed, IpcError};
use icp_domain::Cluster;
use tauri::{AppHandle, Runtime, State};

use super::announce;
use crate::DeskState;

#[tauri::command]
pub async fn list_clusters(state: State<'_, DeskState>) -> Result<Vec<Cluster>, IpcError> {
    state.run(|desk| desk.list_clusters())
}

#[tauri::command]
pub async fn save_cluster<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    cluster: Cluster,
) -> Result<Cluster, IpcError> {
    let saved = state.run(|desk| desk.save_cluster(&cluster))?;
    announce(&app, Changed::of::<Cluster>(Some(saved.id)));
    Ok(saved)
}
