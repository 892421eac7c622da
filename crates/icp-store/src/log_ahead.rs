//! Large changes (a merge of a colleague's file, a backup, a candidatures import) write their
//! operations to the log ahead of the transaction that makes them part of their records.
//!
//! Why: a sled transaction reads every key before writing it. The log's keys are new by
//! construction (a stamp is never reused), so for the log that read is wasted, and the log is
//! most of what an import writes. Written as one atomic batch outside the transaction, an
//! import of 100,000 operations saves that read for each of them.
//!
//! What keeps it safe: until the transaction commits, the operations are in no record's history,
//! so no read of a record sees them, and the readers of the whole log (exports, backups) hold the
//! writer lock that the change holds. Before the batch, a note of its keys goes into `meta`; the
//! transaction removes it. A crash in between leaves the note, and the next open merges those
//! operations again, which completes the change (merging is idempotent).

use crate::keys::{self, LOG_KEY_LEN};
use crate::trees::{Plan, Write};
use crate::{Store, StoreError};

/// Plans with fewer operations (a person's save) go through the transaction alone: for them the
/// note and the batch would cost more than the reads they save.
const AHEAD_FROM: usize = 256;

impl Store {
    /// Takes a large plan's log writes out of it and writes them ahead, with the note the plan's
    /// transaction will remove. Returns what was written, for the caller's bookkeeping.
    pub(crate) fn write_log_ahead(&self, plan: &mut Plan) -> Result<Vec<Write>, StoreError> {
        if plan.log.len() < AHEAD_FROM {
            return Ok(Vec::new());
        }
        let log = std::mem::take(&mut plan.log);
        // A note still here is from a change whose transaction failed in this session: its
        // operations are in the log and must still be completed at the next open, so this
        // change adds to the note and its transaction puts back what was there.
        let earlier = self
            .trees
            .meta
            .get(keys::META_LOG_AHEAD)
            .map_err(|e| self.sled(e))?
            .map(|v| v.to_vec());
        let mut note = earlier.clone().unwrap_or_default();
        note.reserve(log.len() * LOG_KEY_LEN);
        let mut batch = sled::Batch::default();
        for (k, v) in &log {
            note.extend_from_slice(k);
            match v {
                Some(v) => batch.insert(k.as_slice(), v.as_slice()),
                None => batch.remove(k.as_slice()),
            }
        }
        // sled recovers writes in the order they were made, so the batch is never back after a
        // crash without the note.
        self.trees
            .meta
            .insert(keys::META_LOG_AHEAD, note)
            .map_err(|e| self.sled(e))?;
        self.trees
            .log
            .apply_batch(batch)
            .map_err(|e| self.sled(e))?;
        plan.meta.push((keys::META_LOG_AHEAD.to_vec(), earlier));
        Ok(log)
    }

    /// At open: merges again the operations a crash left written ahead of their transaction.
    pub(crate) fn finish_log_ahead(&self) -> Result<(), StoreError> {
        let Some(note) = self
            .trees
            .meta
            .get(keys::META_LOG_AHEAD)
            .map_err(|e| self.sled(e))?
        else {
            return Ok(());
        };
        if note.len() % LOG_KEY_LEN != 0 {
            return Err(self.corrupt("the note of an interrupted change cannot be read"));
        }
        let mut ops = Vec::with_capacity(note.len() / LOG_KEY_LEN);
        for k in note.chunks_exact(LOG_KEY_LEN) {
            // Absent if the crash came before the batch.
            if let Some(bytes) = self.trees.log.get(k).map_err(|e| self.sled(e))? {
                ops.push(self.decode_op(&bytes)?);
            }
        }
        self.merge(ops).map_err(|e| {
            self.corrupt(format!(
                "a change interrupted by a crash could not be completed: {e}"
            ))
        })?;
        // The merge removes the note when it writes; when every operation was known, it did not.
        self.trees
            .meta
            .remove(keys::META_LOG_AHEAD)
            .map_err(|e| self.sled(e))?;
        self.db.flush().map_err(|e| self.sled(e))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use icp_domain::{City, CityInput, Programme};

    use super::*;

    fn has_note(store: &Store) -> bool {
        store
            .trees
            .meta
            .get(keys::META_LOG_AHEAD)
            .unwrap()
            .is_some()
    }

    fn cities(store: &Store, n: usize) -> Vec<City> {
        let p = Programme::icp_agir();
        (0..n)
            .map(|i| {
                CityInput {
                    name: format!("City {i}"),
                    country: "KR".into(),
                    time_zone: "Asia/Seoul".into(),
                    ..Default::default()
                }
                .validate(&p, store.new_id())
                .unwrap()
            })
            .collect()
    }

    #[test]
    fn a_large_change_leaves_no_note() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let all = cities(&store, 100);
        store.save_many(&all).unwrap();
        assert!(!has_note(&store));
        assert_eq!(store.count::<City>().unwrap(), 100);
        for c in &all {
            assert_eq!(store.get::<City>(c.id).unwrap().as_ref(), Some(c));
        }
    }

    #[test]
    fn a_crash_after_the_log_is_completed_at_the_next_open() {
        let dir = tempfile::tempdir().unwrap();
        let all = {
            let store = Store::open(dir.path()).unwrap();
            let all = cities(&store, 100);
            let mut clock = store.lock_writer();
            let mut plan = Plan::default();
            for c in &all {
                store.plan_save(&mut clock, c, &mut plan).unwrap();
            }
            let written = store.write_log_ahead(&mut plan).unwrap();
            assert!(written.len() >= AHEAD_FROM);
            assert!(has_note(&store));
            store.db.flush().unwrap();
            // The app stops here: the transaction never runs.
            assert_eq!(store.count::<City>().unwrap(), 0);
            all
        };
        let store = Store::open(dir.path()).unwrap();
        assert!(!has_note(&store));
        for c in &all {
            assert_eq!(store.get::<City>(c.id).unwrap().as_ref(), Some(c));
            assert!(!store.history("city", c.id).unwrap().is_empty());
        }
        store.check_indexes().unwrap();
    }

    #[test]
    fn a_change_whose_transaction_failed_stays_noted_after_the_next_one() {
        let dir = tempfile::tempdir().unwrap();
        let (failed, later) = {
            let store = Store::open(dir.path()).unwrap();
            let failed = cities(&store, 40);
            let mut clock = store.lock_writer();
            let mut plan = Plan::default();
            for c in &failed {
                store.plan_save(&mut clock, c, &mut plan).unwrap();
            }
            // Its transaction never ran, as if it had failed; the session goes on.
            store.write_log_ahead(&mut plan).unwrap();
            drop(clock);
            let later = cities(&store, 40);
            store.save_many(&later).unwrap();
            assert!(
                has_note(&store),
                "the failed change is still to be completed"
            );
            assert_eq!(store.count::<City>().unwrap(), 40);
            (failed, later)
        };
        let store = Store::open(dir.path()).unwrap();
        assert!(!has_note(&store));
        for c in failed.iter().chain(&later) {
            assert_eq!(store.get::<City>(c.id).unwrap().as_ref(), Some(c));
        }
        store.check_indexes().unwrap();
    }

    #[test]
    fn a_crash_before_the_log_leaves_the_store_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            store
                .trees
                .meta
                .insert(keys::META_LOG_AHEAD, [7u8; LOG_KEY_LEN].to_vec())
                .unwrap();
            store.db.flush().unwrap();
        }
        let store = Store::open(dir.path()).unwrap();
        assert!(!has_note(&store));
        assert!(store.is_empty().unwrap());
    }
}
