//! Saving an export where the person chooses: the native save dialog, then the file written
//! there by the desk. Every export (itinerary, calendars, minutes) goes through here.

use std::path::{Path, PathBuf};

use icp_api::{ApiError, ExportedFile, IpcError};

/// Test-only: the end-to-end tests cannot click a native dialog, so they name a folder here
/// and each export goes into it under the name the dialog would have suggested. People always
/// get the dialog.
const TEST_EXPORT_DIR_ENV: &str = "ICP_DESK_TEST_EXPORT_DIR";

/// What an export writes: how the dialog names and filters it.
pub struct FileKind {
    pub dialog_title: &'static str,
    /// Put after the title in the suggested name: "… - minutes.pdf".
    pub suffix: &'static str,
    pub filter: &'static str,
    pub extension: &'static str,
}

/// Asks where to save (suggesting "`title` - `suffix`"), then has `write` write there. A
/// cancelled dialog is no error: the path comes back empty.
pub async fn save_as(
    kind: &FileKind,
    title: &str,
    write: impl FnOnce(&Path) -> Result<u64, ApiError>,
) -> Result<ExportedFile, IpcError> {
    let name = suggested_name(title, kind.suffix);
    let path = match std::env::var_os(TEST_EXPORT_DIR_ENV) {
        Some(dir) => Some(PathBuf::from(dir).join(name)),
        None => ask_where(kind, name).await,
    };
    let Some(path) = path else {
        return Ok(ExportedFile { path: None });
    };
    write(&path).map_err(|e| e.to_ipc())?;
    Ok(ExportedFile {
        path: Some(path.display().to_string()),
    })
}

/// A file name from a title, without characters file systems refuse.
fn suggested_name(title: &str, suffix: &str) -> String {
    let clean: String = title
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    format!("{} - {suffix}", clean.trim())
}

/// The native save dialog. rfd runs GTK work as idle callbacks on the default main context,
/// which Tauri's main loop dispatches, so the command must not hold the main thread while it
/// waits: the blocking API called from the main thread froze the window for good.
async fn ask_where(kind: &FileKind, name: String) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_title(kind.dialog_title)
        .set_file_name(name)
        .add_filter(kind.filter, &[kind.extension])
        .save_file()
        .await
        .map(|file| file.path().to_path_buf())
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggested_names_are_safe_file_names() {
        assert_eq!(
            super::suggested_name("eThekwini → Porto: June", "itinerary.pdf"),
            "eThekwini → Porto- June - itinerary.pdf"
        );
    }
}
