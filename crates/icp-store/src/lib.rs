//! ICP Desk's persistence on sled.
//!
//! Every change is a list of field-level operations stamped with a hybrid logical clock and the
//! device that made it. One sled transaction appends them to the log and updates the
//! materialised record, its history and its index entries (a large change writes its operations
//! to the log just ahead of it: `log_ahead.rs`); a save returns only once that is flushed to disk.
//! Reads use the materialised records. The store also carries the schema version and its
//! forward migrations, refuses data from a newer ICP Desk, and exports and imports JSON Lines
//! backups.

mod backup;
mod check;
mod clock;
mod error;
mod feed;
mod history;
mod ids;
mod keys;
mod local;
mod lock;
mod log_ahead;
mod marker;
mod merge;
mod migrate;
mod op;
mod schema;
mod store;
mod stored;
mod trees;
mod write;

pub use backup::{backup_dir, BackupSummary, BACKUP_FORMAT, MAX_FILE_BYTES, MAX_LINE_BYTES};
pub use clock::Hlc;
pub use error::StoreError;
pub use feed::{Changes, FEED_CAPACITY};
pub use merge::{
    keep_newest, read_exchange_header, Conflict, ExchangeHeader, ExchangeReport, MergeSummary,
    VersionVector, EXCHANGE_FORMAT, EXCHANGE_LAYOUT, MAX_EXCHANGE_BYTES, MAX_UNPACKED_BYTES,
};
pub use migrate::{CURRENT_VERSION, RECORDS_VERSION};
pub use op::{Change, DeviceId, Op, Stamp};
pub use schema::Schema;
pub use store::{Options, Store};
pub use write::Batch;
