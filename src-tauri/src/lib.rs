//! ICP Desk's desktop shell. It only adapts: command-line arguments and Tauri commands are
//! turned into calls on `icp_api::Desk`, whose answers go back as JSON or as text.

pub mod cli;
mod commands;
mod data_dir;
mod sync;
mod window;

pub use data_dir::resolve_data_dir;
pub use window::{build_app, run_window, DeskState};
