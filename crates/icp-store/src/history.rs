//! Each record's history: the log keys of its operations, kept in chunks under the record's key
//! (record key + chunk number) rather than one key an operation. Merging a colleague's exchange
//! file then writes each record's history once, not once an operation: with a key an operation,
//! an import of 100,000 operations spent most of its time inserting them one by one.
//!
//! A chunk's log keys are in the order they arrived, which is not clock order when a merge brings
//! older operations: readers sort them.

use icp_domain::{Id, Record};

use crate::keys::{self, LOG_KEY_LEN};
use crate::stored::Stored;
use crate::trees::Plan;
use crate::{Change, Op, Stamp, Store, StoreError};

/// Log keys a chunk holds before a new one is started: small enough that a save rewrites a few
/// kilobytes, large enough that a record's history is one or two reads.
pub(crate) const OPS_A_CHUNK: usize = 128;

pub(crate) type LogKey = [u8; LOG_KEY_LEN];

impl Store {
    /// Every op of one record, oldest first: who changed what, when.
    pub fn history(&self, collection: &str, id: Id) -> Result<Vec<Op>, StoreError> {
        self.history_log_keys(&keys::record_key(collection, id))?
            .iter()
            .map(|k| self.logged_op(k))
            .collect()
    }

    /// The stamp of the last change to one record (its newest op), if it ever had one: what a
    /// caller keeps to see the record again as it was then ([`Store::as_of`]).
    pub fn latest_stamp(&self, collection: &str, id: Id) -> Result<Option<Stamp>, StoreError> {
        match self
            .history_log_keys(&keys::record_key(collection, id))?
            .last()
        {
            Some(k) => self.stamp_of(k).map(Some),
            None => Ok(None),
        }
    }

    /// The record as it stood right after the change stamped `as_of`, replayed from its history:
    /// backwards from that stamp, each field's newest value, stopping at a deletion (older ops
    /// belong to an earlier life) or once every field the record has now is known. None if the
    /// record did not exist then.
    pub fn as_of<T: Record>(&self, id: Id, as_of: Stamp) -> Result<Option<T>, StoreError> {
        let key = keys::record_key(T::COLLECTION, id);
        let end = keys::log_key(as_of.hlc, as_of.device);
        let now: Option<Vec<String>> =
            match self.trees.records.get(&key).map_err(|e| self.sled(e))? {
                Some(bytes) => Some(
                    Stored::decode(&bytes)
                        .map_err(|e| self.corrupt(e))?
                        .fields
                        .keys()
                        .cloned()
                        .collect(),
                ),
                None => None,
            };
        let mut fields = serde_json::Map::new();
        for k in self
            .history_log_keys(&key)?
            .iter()
            .rev()
            .filter(|k| **k <= end)
        {
            match self.logged_op(k)?.change {
                Change::Delete => break,
                Change::Set { field, value } => {
                    fields.entry(field).or_insert(value);
                }
            }
            if now
                .as_ref()
                .is_some_and(|all| all.iter().all(|f| fields.contains_key(f)))
            {
                break;
            }
        }
        if fields.is_empty() {
            return Ok(None);
        }
        let stored = Stored {
            fields,
            ..Stored::default()
        };
        self.decode_record(&stored.encode(), id).map(Some)
    }

    /// The log keys of a record's ops, in clock order (a log key's bytes sort as its stamp).
    pub(crate) fn history_log_keys(&self, record_key: &[u8]) -> Result<Vec<LogKey>, StoreError> {
        let mut out = Vec::new();
        for item in self.trees.history.scan_prefix(record_key).values() {
            let chunk = item.map_err(|e| self.sled(e))?;
            if chunk.len() % LOG_KEY_LEN != 0 {
                return Err(self.corrupt("a record's history cannot be read"));
            }
            out.extend(
                chunk
                    .chunks_exact(LOG_KEY_LEN)
                    .map(|k| LogKey::try_from(k).expect("chunks_exact gives whole keys")),
            );
        }
        out.sort_unstable();
        out.dedup();
        Ok(out)
    }

    pub(crate) fn logged_op(&self, log_key: &LogKey) -> Result<Op, StoreError> {
        let bytes = self
            .trees
            .log
            .get(log_key)
            .map_err(|e| self.sled(e))?
            .ok_or_else(|| self.corrupt("an operation of the history is missing from the log"))?;
        self.decode_op(&bytes)
    }

    pub(crate) fn stamp_of(&self, log_key: &LogKey) -> Result<Stamp, StoreError> {
        keys::stamp_of_log_key(log_key)
            .map(|(hlc, device)| Stamp { hlc, device })
            .ok_or_else(|| self.corrupt("a log key cannot be read"))
    }

    /// Turns the plan's appends into writes: each record's last chunk filled up, then new chunks.
    /// Called by `commit`, under the writer lock, so no other commit reads the same last chunk.
    pub(crate) fn resolve_history(&self, plan: &mut Plan) -> Result<(), StoreError> {
        for (record_key, mut adding) in std::mem::take(&mut plan.history_appends) {
            let last = self
                .trees
                .history
                .scan_prefix(&record_key)
                .next_back()
                .transpose()
                .map_err(|e| self.sled(e))?;
            let (mut chunk_no, mut chunk) = match last {
                Some((k, v)) => (
                    keys::chunk_of_history_key(&record_key, &k)
                        .ok_or_else(|| self.corrupt("a history key cannot be read"))?,
                    v.to_vec(),
                ),
                None => (0, Vec::new()),
            };
            let full = OPS_A_CHUNK * LOG_KEY_LEN;
            if chunk.len() >= full {
                chunk_no += 1;
                chunk.clear();
            }
            let room = full - chunk.len();
            let rest = adding.split_off(room.min(adding.len()));
            chunk.extend_from_slice(&adding);
            plan.history
                .push((keys::history_key(&record_key, chunk_no), Some(chunk)));
            for more in rest.chunks(full) {
                chunk_no += 1;
                plan.history.push((
                    keys::history_key(&record_key, chunk_no),
                    Some(more.to_vec()),
                ));
            }
        }
        Ok(())
    }
}
