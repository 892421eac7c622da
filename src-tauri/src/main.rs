// No console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// sled, the store's engine, copies and frees tree nodes on every write; this allocator roughly
/// halves the time a large import spends in allocation.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(icp_desk::cli::main(std::env::args_os().skip(1).collect()));
}
