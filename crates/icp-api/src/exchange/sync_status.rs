//! Syncing while the window runs: a pass every few seconds over the chosen folder, and what
//! the last passes did, for the window to show. Reading is frequent, so a colleague's change
//! shows soon; writing is bundled, so that a morning of typing leaves a few files in the
//! shared folder rather than thousands.

use std::path::Path;
use std::sync::PoisonError;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::sync_folder::{KnownHeaders, SyncReport};
use crate::{ApiError, Desk};

/// How often the window looks at the sync folder.
pub const SYNC_CHECK_EVERY: Duration = Duration::from_secs(2);
/// How long changes made here wait to be bundled into one file, unless asked to go now.
pub const SYNC_WRITE_EVERY: Duration = Duration::from_secs(10);

/// Where syncing stands, for the window.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncStatus {
    /// The shared folder; None when this desktop does not sync.
    pub folder: Option<String>,
    pub person: String,
    /// When the last pass ended, in milliseconds since 1970 (UTC).
    #[ts(type = "number | null")]
    pub checked_at: Option<i64>,
    /// Why syncing is paused (the folder cannot be reached); None while it works.
    pub paused: Option<String>,
    /// What the last pass did.
    pub last_pass: Option<SyncReport>,
    /// When a pass last brought colleagues' changes in, and what they were.
    #[ts(type = "number | null")]
    pub received_at: Option<i64>,
    pub received: Option<SyncReport>,
}

/// What passes remember between them; one pass runs at a time.
#[derive(Default)]
pub(crate) struct SyncMemory {
    known: KnownHeaders,
    last_write: Option<Instant>,
    status: SyncStatus,
}

impl Desk {
    /// Where syncing stands, without a pass.
    pub fn sync_status(&self) -> Result<SyncStatus, ApiError> {
        let settings = self.sync_settings()?;
        let memory = self.sync_memory();
        Ok(SyncStatus {
            folder: settings.folder,
            person: settings.person,
            ..memory.status.clone()
        })
    }

    /// One pass over the sync folder, if one is set. Changes made here are written when
    /// `write_now` or when the last file is older than [`SYNC_WRITE_EVERY`]. A folder out of
    /// reach pauses syncing, which the status says; the next pass resumes by itself.
    pub fn sync_now(&self, write_now: bool) -> Result<SyncStatus, ApiError> {
        let settings = self.sync_settings()?;
        let mut memory = self.sync_memory();
        let Some(folder) = settings.folder.as_deref() else {
            memory.status = SyncStatus::default();
            return Ok(SyncStatus {
                person: settings.person,
                ..SyncStatus::default()
            });
        };
        let write = write_now
            || memory
                .last_write
                .is_none_or(|t| t.elapsed() >= SYNC_WRITE_EVERY);
        let SyncMemory { known, .. } = &mut *memory;
        let pass = self.sync_pass_over(Path::new(folder), &settings.person, write, known);
        let now = chrono::Utc::now().timestamp_millis();
        let status = &mut memory.status;
        status.checked_at = Some(now);
        match pass {
            Ok(report) => {
                status.paused = None;
                if report.merged_files > 0 {
                    status.received_at = Some(now);
                    status.received = Some(report.clone());
                }
                if report.written.is_some() {
                    memory.last_write = Some(Instant::now());
                }
                memory.status.last_pass = Some(report);
            }
            // The folder (or a write in it) out of reach: the message says which and why.
            Err(e @ ApiError::File { .. }) => {
                status.paused = Some(e.to_string());
                status.last_pass = None;
            }
            Err(e) => return Err(e),
        }
        Ok(SyncStatus {
            folder: settings.folder,
            person: settings.person,
            ..memory.status.clone()
        })
    }

    /// A new folder starts with nothing remembered.
    pub(crate) fn forget_sync_passes(&self) {
        *self.sync_memory() = SyncMemory::default();
    }

    fn sync_memory(&self) -> std::sync::MutexGuard<'_, SyncMemory> {
        // A pass that panicked leaves at worst headers to read again.
        self.sync.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
