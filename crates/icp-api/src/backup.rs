use std::fs::{self, File};
use std::io::{BufReader, BufWriter};
use std::path::Path;

use serde::Serialize;

use crate::{ApiError, Desk};

/// What a backup export or import did, for the person who asked.
#[derive(Debug, Clone, Serialize)]
pub struct BackupReport {
    pub path: String,
    pub operations: u64,
    pub records: u64,
}

impl Desk {
    /// Writes a JSON Lines backup. It goes to a temporary file beside the target first and is
    /// renamed into place only once complete, so a failed export never leaves half a backup
    /// under the name the person chose.
    pub fn export_backup(&self, path: &Path) -> Result<BackupReport, ApiError> {
        let file_err = |action: &'static str| {
            move |e: std::io::Error| ApiError::File {
                path: path.display().to_string(),
                action,
                reason: e.to_string(),
            }
        };
        let name = path.file_name().ok_or_else(|| ApiError::File {
            path: path.display().to_string(),
            action: "write",
            reason: "that is a folder, not a file name".into(),
        })?;
        let tmp = path.with_file_name(format!(".{}.partial", name.to_string_lossy()));
        let result = (|| -> Result<icp_store::BackupSummary, ApiError> {
            let mut w = BufWriter::new(File::create(&tmp).map_err(file_err("create"))?);
            let summary = self.store.export_backup(&mut w)?;
            let file = w.into_inner().map_err(|e| file_err("write")(e.into_error()))?;
            file.sync_all().map_err(file_err("write"))?;
            fs::rename(&tmp, path).map_err(file_err("write"))?;
            Ok(summary)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        let summary = result?;
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

