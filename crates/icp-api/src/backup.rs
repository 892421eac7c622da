use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use serde::Serialize;

use crate::files::write_atomically;
use crate::{ApiError, Desk};

/// What a backup export or import did, for the person who asked.
#[derive(Debug, Clone, Serialize)]
pub struct BackupReport {
    pub path: String,
    pub operations: u64,
    pub records: u64,
}

impl Desk {
    /// Writes a JSON Lines backup; a failed export leaves nothing under the chosen name.
    pub fn export_backup(&self, path: &Path) -> Result<BackupReport, ApiError> {
        let summary = write_atomically(path, |w| Ok(self.store.export_backup(w)?))?;
        Ok(BackupReport {
            path: path.display().to_string(),
            operations: summary.operations,
            records: summary.records,
        })
    }

    /// Restores a backup into this (empty) store. The store checks every line before it writes
    /// anything, so a refused file changes nothing.
    pub fn import_backup(&self, path: &Path) -> Result<BackupReport, ApiError> {
        let file = File::open(path).map_err(|e| ApiError::File {
            path: path.display().to_string(),
            action: "open",
            reason: e.to_string(),
        })?;
        let summary = self.store.import_backup(&mut BufReader::new(file))?;
        Ok(BackupReport {
            path: path.display().to_string(),
            operations: summary.operations,
            records: summary.records,
        })
    }
}
