//! Syncing while the window runs: a pass over the sync folder at start (catching up on what
//! came in while the app was closed), then every few seconds, and a last one at exit so that
//! the latest changes go out. Polling rather than watching: network drives and sync services
//! do not reliably report changes to the folder, but a listing every few seconds is cheap.

use icp_api::{SyncStatus, SYNC_CHECK_EVERY};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::commands::announce_merged;
use crate::DeskState;

/// Starts the passes on a thread of their own; they run until the app ends.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    let spawned = std::thread::Builder::new()
        .name("sync".into())
        .spawn(move || loop {
            // A desk that could not be opened is the window's to report; passes wait for it.
            if let Some(desk) = app.state::<DeskState>().if_open() {
                match desk.sync_now(false) {
                    Ok(status) => after_pass(&app, status),
                    Err(e) => eprintln!("icp-desk: sync: {e}"),
                }
            }
            std::thread::sleep(SYNC_CHECK_EVERY);
        });
    if let Err(e) = spawned {
        eprintln!("icp-desk: syncing could not start: {e}");
    }
}

/// The last pass at exit, writing whatever changes are still waiting.
pub fn finish<R: Runtime>(app: &AppHandle<R>) {
    if let Some(desk) = app.state::<DeskState>().if_open() {
        if let Err(e) = desk.sync_now(true) {
            eprintln!("icp-desk: sync: {e}");
        }
    }
}

/// Tells the window where syncing stands and, when colleagues' changes came in, lets the open
/// views of what they changed look again.
pub fn after_pass<R: Runtime>(app: &AppHandle<R>, status: SyncStatus) {
    if let Some(pass) = &status.last_pass {
        announce_merged(app, &pass.collections);
    }
    let _ = app.emit("sync", status);
}
