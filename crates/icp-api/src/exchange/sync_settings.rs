//! Where this desktop syncs and under which name: settings of this desktop alone, kept in its
//! store so that syncing resumes after a restart.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Desk};

const FOLDER: &str = "sync_folder";
const PERSON: &str = "sync_person";
const MAX_PERSON_CHARS: usize = 200;

/// The sync folder this desktop shares with the others, and the name its files carry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncSettings {
    /// The whole path of the shared folder; None when this desktop does not sync.
    pub folder: Option<String>,
    pub person: String,
}

impl Desk {
    pub fn sync_settings(&self) -> Result<SyncSettings, ApiError> {
        Ok(SyncSettings {
            folder: self.store.local_setting(FOLDER)?,
            person: self.store.local_setting(PERSON)?.unwrap_or_default(),
        })
    }

    /// Checks and keeps the settings; a folder that cannot serve is refused with the reason,
    /// and the settings stay as they were. Returns them as kept (trimmed).
    pub fn set_sync_settings(&self, settings: &SyncSettings) -> Result<SyncSettings, ApiError> {
        let person = settings.person.trim().to_string();
        if person.chars().count() > MAX_PERSON_CHARS {
            return Err(ApiError::BadRequest {
                message: format!("Your name is too long: at most {MAX_PERSON_CHARS} characters."),
            });
        }
        let folder = match settings.folder.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(f) => Some(self.usable_sync_folder(Path::new(f))?),
        };
        let kept = SyncSettings {
            folder: folder.map(|f| f.display().to_string()),
            person,
        };
        self.store.set_local_setting(PERSON, Some(&kept.person))?;
        self.store
            .set_local_setting(FOLDER, kept.folder.as_deref())?;
        self.forget_sync_passes();
        Ok(kept)
    }

    /// The folder, made whole, if it can serve as a sync folder. It must not hold this desk's
    /// data nor lie inside it: the sync service would then copy a store while it is written.
    fn usable_sync_folder(&self, folder: &Path) -> Result<PathBuf, ApiError> {
        let refuse = |reason: &str| ApiError::File {
            path: folder.display().to_string(),
            action: "use as the sync folder",
            reason: reason.to_string(),
        };
        if !folder.is_absolute() {
            return Err(refuse("give the whole path, from the top of the disk"));
        }
        if !folder.is_dir() {
            return Err(refuse("there is no folder there"));
        }
        let whole = folder.canonicalize().map_err(|e| refuse(&e.to_string()))?;
        if let Ok(data) = self.data_dir().canonicalize() {
            if whole.starts_with(&data) {
                return Err(refuse("it is inside ICP Desk's own data folder"));
            }
            if data.starts_with(&whole) {
                return Err(refuse("it holds ICP Desk's own data folder"));
            }
        }
        Ok(whole)
    }
}
