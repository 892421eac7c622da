//! Exchange with colleagues' desktops: the operations written here, as a file to hand on,
//! and a colleague's file merged field by field (see `icp-store`'s `merge`).

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod conflicts;
mod history;
mod people;
mod sync_folder;
mod sync_settings;
mod sync_status;

pub use conflicts::{ConflictValue, ConflictView};
pub use history::FieldChange;
pub use sync_folder::SyncReport;
pub use sync_settings::SyncSettings;
pub(crate) use sync_status::SyncMemory;
pub use sync_status::{SyncStatus, SYNC_CHECK_EVERY, SYNC_WRITE_EVERY};

use crate::files::write_atomically;
use crate::{ApiError, Desk};

/// What importing an exchange file did, for the person who asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExchangeSummary {
    /// Who sent it, as their desk names them ("" when it does not).
    pub from_person: String,
    pub from_device: String,
    #[ts(type = "number")]
    pub new_operations: u64,
    /// Operations this desk had already: a file imported twice brings only these.
    #[ts(type = "number")]
    pub known_operations: u64,
    #[ts(type = "number")]
    pub new_records: u64,
    #[ts(type = "number")]
    pub changed_records: u64,
    /// Records with a field both sides changed, now waiting for someone to settle it.
    #[ts(type = "number")]
    pub conflicted_records: u64,
    /// The kinds of record the file changed ("city", "meeting"…), for the views to read again.
    pub collections: Vec<String>,
}

impl Desk {
    /// This desktop's device id: the name of its subfolder in a sync folder.
    pub fn device_name(&self) -> String {
        self.store.device().to_string()
    }

    /// Writes every operation of this desk to `path` as an exchange file, signed with
    /// `person`'s name; a failed export leaves nothing under that name. Returns how many.
    pub fn export_exchange(&self, path: &Path, person: &str) -> Result<u64, ApiError> {
        write_atomically(path, |w| {
            Ok(self
                .store
                .export_exchange(w, &icp_store::VersionVector::new(), person)?)
        })
    }

    /// Checks a colleague's exchange file whole, then merges it. A refused file (too large,
    /// cut short, altered, from a newer ICP Desk) changes nothing.
    pub fn import_exchange(&self, path: &Path) -> Result<ExchangeSummary, ApiError> {
        let file_error = |action: &'static str, reason: String| ApiError::File {
            path: path.display().to_string(),
            action,
            reason,
        };
        let file = File::open(path).map_err(|e| file_error("open", e.to_string()))?;
        let size = file
            .metadata()
            .map_err(|e| file_error("read", e.to_string()))?
            .len();
        if size > icp_store::MAX_EXCHANGE_BYTES {
            return Err(file_error(
                "import",
                format!(
                    "it is {} MiB, more than an exchange file can be ({} MiB); nothing was changed",
                    size >> 20,
                    icp_store::MAX_EXCHANGE_BYTES >> 20
                ),
            ));
        }
        let report = self.store.import_exchange(&mut BufReader::new(file))?;
        Ok(ExchangeSummary {
            from_person: report.from_person,
            from_device: report.from_device.to_string(),
            new_operations: report.merge.new_operations,
            known_operations: report.merge.known_operations,
            new_records: report.merge.new_records,
            changed_records: report.merge.changed_records,
            conflicted_records: report.merge.conflicted_records,
            collections: report.merge.collections.into_iter().collect(),
        })
    }
}
