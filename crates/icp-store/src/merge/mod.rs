//! Operations from other devices merged into this store, and the conflicts that leave for a
//! person to settle. Each record a merge touches is materialised again from all of its
//! operations (`materialise.rs`), so a merge is idempotent and the order in which operations
//! arrive does not change the outcome.

mod exchange;
mod materialise;

pub use exchange::{
    keep_newest, read_exchange_header, ExchangeHeader, ExchangeReport, VersionVector,
    EXCHANGE_FORMAT, EXCHANGE_LAYOUT, MAX_EXCHANGE_BYTES, MAX_UNPACKED_BYTES,
};

use std::collections::{BTreeMap, BTreeSet};

use icp_domain::Id;
use serde_json::Value;

pub(crate) use materialise::materialise;

use crate::op::Stamp;
use crate::stored::Stored;
use crate::trees::Plan;
use crate::write::encode_stamp;
use crate::{keys, Change, Op, Store, StoreError};

/// How many records a merge writes in one transaction, each with all of its operations.
pub const RECORDS_A_TRANSACTION: usize = 1_000;

/// What a merge did, record by record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// Operations this store did not have.
    pub new_operations: u64,
    /// Operations it had already (a file imported twice brings only these).
    pub known_operations: u64,
    /// Records that did not exist here before.
    pub new_records: u64,
    /// Records that existed and changed (including deleted).
    pub changed_records: u64,
    /// Records that, after the merge, hold a field in conflict they did not hold before.
    pub conflicted_records: u64,
    /// The kinds of record that took new operations: what the views showing them must read again.
    pub collections: BTreeSet<String>,
}

/// A field two devices wrote at the same time: the value shown and the others.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub collection: String,
    pub id: Id,
    pub field: String,
    pub shown: (Stamp, Value),
    pub others: Vec<(Stamp, Value)>,
}

impl Store {
    /// Merges operations written elsewhere. Every record they touch is worked out and checked
    /// before anything is written, so an operation that is not acceptable (an unknown kind of
    /// record, a value the record's type cannot read) leaves the store as it was. The writes
    /// then go in transactions of [`RECORDS_A_TRANSACTION`] records, each record with its
    /// operations: a crash part-way leaves whole records, and importing again completes it.
    pub fn merge(&self, ops: Vec<Op>) -> Result<MergeSummary, StoreError> {
        let mut clock = self.lock_writer();
        let mut summary = MergeSummary::default();
        let mut by_record: BTreeMap<(String, Id), Vec<Op>> = BTreeMap::new();
        for op in ops {
            self.require(&op.collection)?;
            if matches!(&op.change, Change::Set { field, .. } if field == "id") {
                return Err(StoreError::Encoding {
                    collection: op.collection,
                    detail: "an operation sets the id field".into(),
                });
            }
            by_record
                .entry((op.collection.clone(), op.id))
                .or_default()
                .push(op);
        }

        let mut plans: Vec<Plan> = Vec::new();
        let mut in_plan = 0;
        let mut latest = *clock;
        for ((collection, id), ops) in by_record {
            // What this store has of the record: its history, read once; the operations
            // themselves only if something is new.
            let key = keys::record_key(&collection, id);
            let logged = self.history_log_keys(&key)?;
            let mut known = logged
                .iter()
                .map(|k| self.stamp_of(k))
                .collect::<Result<BTreeSet<Stamp>, _>>()?;
            let mut new_ops: Vec<Op> = Vec::new();
            for op in ops {
                if known.insert(op.stamp()) {
                    new_ops.push(op);
                } else {
                    summary.known_operations += 1;
                }
            }
            if new_ops.is_empty() {
                continue;
            }
            let before = self.read_stored(&key)?;
            let mut all = logged
                .iter()
                .map(|k| self.logged_op(k))
                .collect::<Result<Vec<Op>, _>>()?;
            all.extend(new_ops.iter().cloned());
            let after = materialise(&all);
            summary.new_operations += new_ops.len() as u64;
            summary.collections.insert(collection.clone());
            match (&before, &after.stored) {
                (None, Some(_)) => summary.new_records += 1,
                (Some(b), a) if a.as_ref() != Some(b) => summary.changed_records += 1,
                _ => {}
            }
            let conflicts_of = |s: Option<&Stored>| {
                s.map(|s| s.conflicts.keys().cloned().collect::<BTreeSet<_>>())
                    .unwrap_or_default()
            };
            if !conflicts_of(after.stored.as_ref()).is_subset(&conflicts_of(before.as_ref())) {
                summary.conflicted_records += 1;
            }
            if in_plan == 0 {
                plans.push(Plan::default());
            }
            let plan = plans.last_mut().expect("a plan was just pushed");
            self.plan_materialised(plan, &collection, id, before.as_ref(), &after)?;
            for op in new_ops {
                latest = latest.max(op.hlc);
                self.push_op(plan, op);
            }
            in_plan = (in_plan + 1) % RECORDS_A_TRANSACTION;
        }
        // Local changes must come after every operation this store has seen.
        if latest > *clock {
            *clock = latest;
        }
        for mut plan in plans {
            plan.meta
                .push((keys::META_HLC.to_vec(), Some(clock.to_bytes().to_vec())));
            self.commit(&mut plan)?;
        }
        Ok(summary)
    }

    /// Every field in conflict, record by record.
    pub fn conflicts(&self) -> Result<Vec<Conflict>, StoreError> {
        let mut out = Vec::new();
        for item in self.trees.records.iter() {
            let (k, v) = item.map_err(|e| self.sled(e))?;
            let stored = Stored::decode(&v).map_err(|e| self.corrupt(e))?;
            if stored.conflicts.is_empty() {
                continue;
            }
            let (collection, id) = keys::parse_record_key(&k)
                .ok_or_else(|| self.corrupt("a record key cannot be read"))?;
            for (field, losing) in stored.conflicts {
                let (Some(stamp), Some(value)) =
                    (stored.stamps.get(&field), stored.fields.get(&field))
                else {
                    continue;
                };
                out.push(Conflict {
                    collection: collection.clone(),
                    id,
                    field,
                    shown: (*stamp, value.clone()),
                    others: losing.into_iter().map(|l| (l.stamp, l.value)).collect(),
                });
            }
        }
        Ok(out)
    }

    /// Settles a field in conflict with `value` (one of the values, or a merged text): a write
    /// that replaces every value the field holds, which travels like any other.
    pub fn settle(
        &self,
        collection: &str,
        id: Id,
        field: &str,
        value: Value,
    ) -> Result<(), StoreError> {
        self.require(collection)?;
        let mut clock = self.lock_writer();
        let key = keys::record_key(collection, id);
        let Some(before) = self.read_stored(&key)? else {
            return Ok(());
        };
        let seen: Vec<Stamp> = before
            .stamps
            .get(field)
            .copied()
            .into_iter()
            .chain(
                before
                    .conflicts
                    .get(field)
                    .into_iter()
                    .flatten()
                    .map(|l| l.stamp),
            )
            .collect();
        let stamp = self.tick(&mut clock, crate::clock::now_ms());
        let op = Op {
            hlc: stamp.hlc,
            device: stamp.device,
            collection: collection.to_string(),
            id,
            change: Change::Set {
                field: field.to_string(),
                value,
            },
            seen,
        };
        let mut all = self.history(collection, id)?;
        all.push(op.clone());
        let after = materialise(&all);
        let mut plan = Plan::default();
        self.plan_materialised(&mut plan, collection, id, Some(&before), &after)?;
        self.push_op(&mut plan, op);
        plan.meta
            .push((keys::META_HLC.to_vec(), Some(clock.to_bytes().to_vec())));
        self.commit(&mut plan)
    }

    /// The writes that make a record's stored state, tombstone and index entries `after`.
    fn plan_materialised(
        &self,
        plan: &mut Plan,
        collection: &str,
        id: Id,
        before: Option<&Stored>,
        after: &materialise::Materialised,
    ) -> Result<(), StoreError> {
        let key = keys::record_key(collection, id);
        let terms = |s: Option<&Stored>| -> Result<BTreeSet<(String, String)>, StoreError> {
            match s {
                Some(s) => Ok(self
                    .schema
                    .terms(collection, &s.to_record_json(id))
                    .map_err(|e| StoreError::Encoding {
                        collection: collection.to_string(),
                        detail: format!("the record {id} is not valid: {e}"),
                    })?
                    .into_iter()
                    .collect()),
                None => Ok(BTreeSet::new()),
            }
        };
        let (old, new) = (terms(before)?, terms(after.stored.as_ref())?);
        for (index, term) in old.difference(&new) {
            plan.index
                .push((keys::index_key(collection, index, term, id), None));
        }
        for (index, term) in new.difference(&old) {
            plan.index.push((
                keys::index_key(collection, index, term, id),
                Some(Vec::new()),
            ));
        }
        // Only the writes that change something: each costs sled a read and a write, and an
        // import of a colleague's whole desk is mostly new records.
        match &after.stored {
            Some(stored) => {
                let revived = before.is_none()
                    && self
                        .trees
                        .tombstones
                        .contains_key(&key)
                        .map_err(|e| self.sled(e))?;
                plan.records.push((key.clone(), Some(stored.encode())));
                if revived {
                    plan.tombstones.push((key, None));
                }
            }
            None => {
                if before.is_some() {
                    plan.records.push((key.clone(), None));
                }
                plan.tombstones
                    .push((key, after.tombstone.as_ref().map(encode_stamp)));
            }
        }
        Ok(())
    }
}
