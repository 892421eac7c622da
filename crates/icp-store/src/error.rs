use std::fmt;
use std::path::PathBuf;

/// Everything the store can refuse or fail at. Each variant has a stable `code` that crosses IPC
/// and a message written for the person using ICP Desk, not for a developer.
#[derive(Debug)]
pub enum StoreError {
    /// Another ICP Desk (or another store in this process) holds the data folder.
    AlreadyOpen { path: PathBuf },
    /// The data was written by a newer ICP Desk; it is left untouched.
    TooNew { found: u32, supported: u32 },
    /// The files cannot be read back as a store.
    Corrupt {
        path: PathBuf,
        backups: PathBuf,
        detail: String,
    },
    /// The record type is not registered in the store's schema.
    UnknownCollection { collection: String },
    /// A record could not be turned into JSON or back.
    Encoding { collection: String, detail: String },
    /// An index entry disagrees with the records it is computed from.
    IndexMismatch { collection: String, detail: String },
    /// A backup can only be restored into a store that has never held data.
    NotEmpty,
    /// A backup file was refused; nothing was written.
    BackupInvalid { line: u64, reason: String },
    /// An exchange file was refused before anything was merged.
    ExchangeRefused { reason: String },
    /// The disk or the operating system failed.
    Io { detail: String },
}

impl StoreError {
    /// Stable snake_case codes: the UI and scripts match on these, so never rename one.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::AlreadyOpen { .. } => "already_open",
            StoreError::TooNew { .. } => "store_too_new",
            StoreError::Corrupt { .. } => "store_corrupt",
            StoreError::UnknownCollection { .. } => "unknown_collection",
            StoreError::Encoding { .. } => "encoding",
            StoreError::IndexMismatch { .. } => "index_mismatch",
            StoreError::NotEmpty => "store_not_empty",
            StoreError::BackupInvalid { .. } => "backup_invalid",
            StoreError::ExchangeRefused { .. } => "exchange_refused",
            StoreError::Io { .. } => "io",
        }
    }

    pub(crate) fn io(e: impl fmt::Display) -> StoreError {
        StoreError::Io {
            detail: e.to_string(),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::AlreadyOpen { path } => {
                write!(
                    f,
                    "ICP Desk is already open (data folder {}).",
                    path.display()
                )
            }
            StoreError::TooNew { found, supported } => write!(
                f,
                "This data was written by a newer ICP Desk (data version {found}; this version \
                 reads up to {supported}). Open it with that newer version of ICP Desk; nothing \
                 was changed."
            ),
            // Automatic backups are not written yet, so the message points to the one a person
            // made; `backups` names where they will be kept.
            StoreError::Corrupt { path, detail, .. } => write!(
                f,
                "The data in {} is damaged and cannot be read ({detail}). Nothing was changed. \
                 Restore your latest backup into a new data folder: \
                 icp-desk --data-dir NEW_FOLDER backup import BACKUP_FILE.",
                path.display()
            ),
            StoreError::UnknownCollection { collection } => {
                write!(
                    f,
                    "The store does not know the kind of record \"{collection}\"."
                )
            }
            StoreError::Encoding { collection, detail } => {
                write!(
                    f,
                    "A {collection} record could not be read or written: {detail}."
                )
            }
            StoreError::IndexMismatch { collection, detail } => {
                write!(
                    f,
                    "The search index of {collection} records is out of step: {detail}."
                )
            }
            StoreError::NotEmpty => write!(
                f,
                "A backup can only be restored into an empty data folder, and this one already \
                 holds data."
            ),
            StoreError::BackupInvalid { line, reason } => {
                write!(
                    f,
                    "The backup file is not valid (line {line}: {reason}). Nothing was imported."
                )
            }
            StoreError::ExchangeRefused { reason } => {
                write!(
                    f,
                    "The exchange file was refused: {reason}. Nothing was changed."
                )
            }
            StoreError::Io { detail } => {
                write!(f, "The data could not be read or written: {detail}.")
            }
        }
    }
}

impl std::error::Error for StoreError {}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError::io(e)
    }
}

/// sled's errors carry no folder, and the person needs one to find their backups.
pub(crate) fn from_sled(e: sled::Error, path: &std::path::Path) -> StoreError {
    match e {
        sled::Error::Io(io) => StoreError::io(io),
        sled::Error::Corruption { at, .. } => corrupt(path, format!("damaged storage at {at:?}")),
        other => corrupt(path, other.to_string()),
    }
}

pub(crate) fn corrupt(path: &std::path::Path, detail: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        path: path.to_path_buf(),
        backups: crate::backup::backup_dir(path),
        detail: detail.into(),
    }
}
