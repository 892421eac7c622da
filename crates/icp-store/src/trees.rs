//! The sled trees of a store and the one way every change reaches them: a `Plan` applied in a
//! single multi-tree transaction, so a crash leaves either all of a change or none of it (a large
//! change's operations go to the log just before, and a crash between is completed at the next
//! open: `log_ahead.rs`).

use std::collections::BTreeMap;

use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::Transactional;

/// A key and the value to put there, or None to remove it.
pub(crate) type Write = (Vec<u8>, Option<Vec<u8>>);

#[derive(Default)]
pub(crate) struct Plan {
    pub meta: Vec<Write>,
    pub log: Vec<Write>,
    pub history: Vec<Write>,
    /// Record key → log keys to add to its history. `Store::commit` turns them into `history`
    /// writes, since where they go depends on the record's last chunk at commit time.
    pub history_appends: BTreeMap<Vec<u8>, Vec<u8>>,
    pub records: Vec<Write>,
    pub tombstones: Vec<Write>,
    pub index: Vec<Write>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.meta.is_empty()
            && self.log.is_empty()
            && self.history.is_empty()
            && self.history_appends.is_empty()
            && self.records.is_empty()
            && self.tombstones.is_empty()
            && self.index.is_empty()
    }
}

#[derive(Clone)]
pub(crate) struct Trees {
    pub meta: sled::Tree,
    /// Every op, keyed by hlc then device: clock order.
    pub log: sled::Tree,
    /// Record key + chunk number → the log keys of the record's ops (`history.rs`), so one
    /// record's ops are found without reading the log.
    pub history: sled::Tree,
    /// Live materialised records only, so lists and counts need not skip the deleted.
    pub records: sled::Tree,
    /// Record key → stamp of the delete.
    pub tombstones: sled::Tree,
    /// collection, index, term, id → nothing.
    pub index: sled::Tree,
}

impl Trees {
    pub fn open(db: &sled::Db) -> sled::Result<Trees> {
        Ok(Trees {
            meta: db.open_tree("meta")?,
            log: db.open_tree("log")?,
            history: db.open_tree("history")?,
            records: db.open_tree("records")?,
            tombstones: db.open_tree("tombstones")?,
            index: db.open_tree("index")?,
        })
    }

    pub fn apply(&self, plan: &Plan) -> sled::Result<()> {
        debug_assert!(
            plan.history_appends.is_empty(),
            "appends are resolved by Store::commit"
        );
        if plan.is_empty() {
            return Ok(());
        }
        let all = (
            &self.meta,
            &self.log,
            &self.history,
            &self.records,
            &self.tombstones,
            &self.index,
        );
        let result = all.transaction(|(meta, log, history, records, tombstones, index)| {
            for (tree, writes) in [
                (meta, &plan.meta),
                (log, &plan.log),
                (history, &plan.history),
                (records, &plan.records),
                (tombstones, &plan.tombstones),
                (index, &plan.index),
            ] {
                for (k, v) in writes {
                    match v {
                        Some(v) => tree.insert(k.as_slice(), v.as_slice())?,
                        None => tree.remove(k.as_slice())?,
                    };
                }
            }
            Ok::<(), ConflictableTransactionError<()>>(())
        });
        match result {
            Ok(()) => Ok(()),
            Err(TransactionError::Storage(e)) => Err(e),
            Err(TransactionError::Abort(())) => Ok(()),
        }
    }
}
