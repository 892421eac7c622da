//! Native open dialogs, each stood in for by a path an environment variable names in tests
//! (the end-to-end tests cannot type into every dialog). Like the save dialog (`export.rs`),
//! rfd's async API, so that the command does not hold the main thread GTK needs.

use std::path::PathBuf;

/// A file to open; None when the dialog was closed.
pub async fn pick_file(
    test_env: &str,
    title: &str,
    filter: &str,
    extensions: &[&str],
) -> Option<PathBuf> {
    if let Some(file) = std::env::var_os(test_env) {
        return Some(PathBuf::from(file));
    }
    rfd::AsyncFileDialog::new()
        .set_title(title)
        .add_filter(filter, extensions)
        .pick_file()
        .await
        .map(|file| file.path().to_path_buf())
}

/// A folder; None when the dialog was closed.
pub async fn pick_folder(test_env: &str, title: &str) -> Option<PathBuf> {
    if let Some(folder) = std::env::var_os(test_env) {
        return Some(PathBuf::from(folder));
    }
    rfd::AsyncFileDialog::new()
        .set_title(title)
        .pick_folder()
        .await
        .map(|folder| folder.path().to_path_buf())
}
