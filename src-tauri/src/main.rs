// No console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    std::process::exit(icp_desk::cli::main(std::env::args_os().skip(1).collect()));
}
