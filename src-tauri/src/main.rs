// Prevents an extra console window on Windows in release.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// mimalloc: opening a workspace allocates a string or list for every field of every row,
/// and with the system allocator that was a quarter of the time (`cargo bench -p
/// throughline-store`: open 196 ms beside 100 ms at 10,000 elements).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    throughline_app::run();
}
