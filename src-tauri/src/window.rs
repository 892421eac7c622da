use std::path::Path;

use icp_api::{Desk, IpcError};
use tauri::{Runtime, Wry};

use crate::commands;

/// The open data folder, or why it could not be opened: the window still starts and shows the
/// reason (another ICP Desk has it open, a newer version wrote it, it is damaged).
pub struct DeskState(pub Result<Desk, IpcError>);

impl DeskState {
    pub fn open(dir: &Path) -> DeskState {
        DeskState(Desk::open(dir).map_err(|e| e.to_ipc()))
    }

    pub fn desk(&self) -> Result<&Desk, IpcError> {
        self.0.as_ref().map_err(Clone::clone)
    }
}

/// The app with its state and commands, on any runtime (the mock runtime in tests).
pub fn build_app<R: Runtime>(builder: tauri::Builder<R>, state: DeskState) -> tauri::Builder<R> {
    builder.manage(state).invoke_handler(tauri::generate_handler![
        commands::status::app_status,
        commands::status::programme,
        commands::status::load_sample_data,
        commands::cities::list_cities,
        commands::cities::get_city,
        commands::cities::save_city,
        commands::cities::delete_city,
    ])
}

/// Opens the window on the given data folder and runs until it is closed.
pub fn run_window(dir: &Path) -> Result<(), String> {
    let state = DeskState::open(dir);
    if let Err(e) = &state.0 {
        eprintln!("icp-desk: {}", e.message);
    }
    build_app(tauri::Builder::<Wry>::default(), state)
        .run(tauri::generate_context!())
        .map_err(|e| format!("The window could not start: {e}"))
}
