//! Saving and deleting: diff against the materialised record, stamp each changed field with the
//! clock, and commit ops, record and index entries together.

use std::collections::BTreeSet;

use icp_domain::{Id, Record};
use serde_json::Value;

use crate::clock::now_ms;
use crate::op::Stamp;
use crate::stored::Stored;
use crate::trees::Plan;
use crate::{keys, Change, Hlc, Op, Store, StoreError};

type Terms = BTreeSet<(String, String)>;

/// Records to be written together by [`Store::save_together`].
pub struct Batch<'s> {
    store: &'s Store,
    clock: &'s mut Hlc,
    plan: Plan,
}

impl Batch<'_> {
    pub fn save<T: Record>(&mut self, record: &T) -> Result<(), StoreError> {
        self.store.plan_save(self.clock, record, &mut self.plan)
    }

    /// Deletes in the same transaction; false if there was no such record.
    pub fn delete<T: Record>(&mut self, id: Id) -> Result<bool, StoreError> {
        self.store.plan_delete::<T>(self.clock, id, &mut self.plan)
    }
}

impl Store {
    /// Records the fields that changed; returns once the change is on disk.
    pub fn save<T: Record>(&self, record: &T) -> Result<(), StoreError> {
        let mut clock = self.lock_writer();
        let mut plan = Plan::default();
        self.plan_save(&mut clock, record, &mut plan)?;
        self.finish(&clock, &mut plan)
    }

    /// Saves many records in one transaction and one flush: all of them or none, so a set that
    /// belongs together (the sample programme, an import) is never half there. Every record in
    /// `records` must have a distinct id.
    pub fn save_many<T: Record>(&self, records: &[T]) -> Result<(), StoreError> {
        let mut clock = self.lock_writer();
        let mut plan = Plan::default();
        for r in records {
            self.plan_save(&mut clock, r, &mut plan)?;
        }
        self.finish(&clock, &mut plan)
    }

    /// Saves records of several kinds in one transaction and one flush: `fill` adds them to the
    /// batch; if it fails, nothing is written. For a decision that creates records of its own
    /// (a confirmed selection and the cities it brings in).
    pub fn save_together(
        &self,
        fill: impl FnOnce(&mut Batch<'_>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut clock = self.lock_writer();
        let mut batch = Batch {
            store: self,
            clock: &mut clock,
            plan: Plan::default(),
        };
        fill(&mut batch)?;
        let mut plan = batch.plan;
        self.finish(&clock, &mut plan)
    }

    /// Deletes with a tombstone op; false if there was no such record. Durable on return.
    pub fn delete<T: Record>(&self, id: Id) -> Result<bool, StoreError> {
        let mut clock = self.lock_writer();
        let mut plan = Plan::default();
        if !self.plan_delete::<T>(&mut clock, id, &mut plan)? {
            return Ok(false);
        }
        self.finish(&clock, &mut plan)?;
        Ok(true)
    }

    fn plan_delete<T: Record>(
        &self,
        clock: &mut Hlc,
        id: Id,
        plan: &mut Plan,
    ) -> Result<bool, StoreError> {
        self.require(T::COLLECTION)?;
        let key = keys::record_key(T::COLLECTION, id);
        let Some(old) = self.read_stored(&key)? else {
            return Ok(false);
        };
        let old_terms = self.stored_terms(T::COLLECTION, id, &old)?;
        let stamp = self.tick(clock, now_ms());
        self.push_op(
            plan,
            Op {
                hlc: stamp.hlc,
                device: stamp.device,
                collection: T::COLLECTION.to_string(),
                id,
                change: Change::Delete,
                seen: Vec::new(),
            },
        );
        plan.records.push((key.clone(), None));
        plan.tombstones.push((key, Some(encode_stamp(&stamp))));
        for (index, term) in old_terms {
            plan.index
                .push((keys::index_key(T::COLLECTION, &index, &term, id), None));
        }
        Ok(true)
    }

    pub(crate) fn plan_save<T: Record>(
        &self,
        clock: &mut Hlc,
        record: &T,
        plan: &mut Plan,
    ) -> Result<(), StoreError> {
        let collection = T::COLLECTION;
        self.require(collection)?;
        let encoding = |detail: String| StoreError::Encoding {
            collection: collection.to_string(),
            detail,
        };
        let id = record.id();
        let mut fields = match serde_json::to_value(record).map_err(|e| encoding(e.to_string()))? {
            Value::Object(fields) => fields,
            _ => return Err(encoding("a record must be a JSON object".into())),
        };
        // The id is the key; as a field it could only drift from it.
        fields.remove("id");

        let key = keys::record_key(collection, id);
        let old = self.read_stored(&key)?;
        let old_terms = match &old {
            Some(stored) => self.stored_terms(collection, id, stored)?,
            None => Terms::new(),
        };
        // A record deleted and saved again starts from what it held: every field is written
        // anew, replacing those values, so that a device that merges the change sees the
        // record come back as it is here (see `merge::materialise`).
        let (mut stored, reviving) = match old {
            Some(stored) => (stored, false),
            None => match self.before_delete(collection, id, &key)? {
                Some(stored) => (stored, true),
                None => (Stored::default(), false),
            },
        };
        let now = now_ms();
        let mut changed = false;
        // A field the type no longer has is left as stored: an older copy of the app may still
        // read it, and dropping it would be a change nobody asked for.
        for (field, value) in fields {
            if !reviving && stored.fields.get(&field) == Some(&value) {
                continue;
            }
            let stamp = self.tick(clock, now);
            // The new value replaces every value the field holds here: typing into a field in
            // conflict settles it. Fields left as they were keep their conflicts.
            let seen: Vec<Stamp> = stored
                .stamps
                .get(&field)
                .copied()
                .into_iter()
                .chain(
                    stored
                        .conflicts
                        .remove(&field)
                        .into_iter()
                        .flatten()
                        .map(|l| l.stamp),
                )
                .collect();
            stored.set(&field, value.clone(), stamp);
            self.push_op(
                plan,
                Op {
                    hlc: stamp.hlc,
                    device: stamp.device,
                    collection: collection.to_string(),
                    id,
                    change: Change::Set { field, value },
                    seen,
                },
            );
            changed = true;
        }
        if !changed {
            return Ok(());
        }
        plan.records.push((key.clone(), Some(stored.encode())));
        plan.tombstones.push((key, None));

        let new_terms: Terms = record
            .index_terms()
            .into_iter()
            .map(|(i, t)| (i.to_string(), t))
            .collect();
        for (index, term) in old_terms.difference(&new_terms) {
            plan.index
                .push((keys::index_key(collection, index, term, id), None));
        }
        for (index, term) in new_terms.difference(&old_terms) {
            plan.index.push((
                keys::index_key(collection, index, term, id),
                Some(Vec::new()),
            ));
        }
        Ok(())
    }

    fn finish(&self, clock: &Hlc, plan: &mut Plan) -> Result<(), StoreError> {
        if plan.is_empty() {
            return Ok(());
        }
        // Saved with the change, so that the clock never goes back across restarts.
        plan.meta
            .push((keys::META_HLC.to_vec(), Some(clock.to_bytes().to_vec())));
        self.commit(plan)
    }

    pub(crate) fn tick(&self, clock: &mut Hlc, now: u64) -> Stamp {
        *clock = clock.next(now);
        Stamp {
            hlc: *clock,
            device: self.device,
        }
    }

    pub(crate) fn push_op(&self, plan: &mut Plan, op: Op) {
        let log_key = keys::log_key(op.hlc, op.device);
        plan.history_appends
            .entry(keys::record_key(&op.collection, op.id))
            .or_default()
            .extend_from_slice(&log_key);
        // An op is plain strings, ids and JSON values: it always serialises.
        plan.log.push((
            log_key.to_vec(),
            Some(serde_json::to_vec(&op).unwrap_or_default()),
        ));
    }

    pub(crate) fn require(&self, collection: &str) -> Result<(), StoreError> {
        if self.schema.knows(collection) {
            Ok(())
        } else {
            Err(StoreError::UnknownCollection {
                collection: collection.to_string(),
            })
        }
    }

    /// A deleted record as it stood before its deletion; None if it was never deleted.
    fn before_delete(
        &self,
        collection: &str,
        id: Id,
        key: &[u8],
    ) -> Result<Option<Stored>, StoreError> {
        if !self
            .trees
            .tombstones
            .contains_key(key)
            .map_err(|e| self.sled(e))?
        {
            return Ok(None);
        }
        let history = self.history(collection, id)?;
        let sets = history
            .iter()
            .filter(|op| !matches!(op.change, Change::Delete));
        Ok(crate::merge::materialise(sets).stored)
    }

    pub(crate) fn read_stored(&self, key: &[u8]) -> Result<Option<Stored>, StoreError> {
        match self.trees.records.get(key).map_err(|e| self.sled(e))? {
            Some(bytes) => Stored::decode(&bytes)
                .map(Some)
                .map_err(|e| self.corrupt(e)),
            None => Ok(None),
        }
    }

    fn stored_terms(&self, collection: &str, id: Id, stored: &Stored) -> Result<Terms, StoreError> {
        let terms = self
            .schema
            .terms(collection, &stored.to_record_json(id))
            .map_err(|e| {
                self.corrupt(format!(
                    "the stored {collection} record {id} is not valid: {e}"
                ))
            })?;
        Ok(terms.into_iter().collect())
    }
}

pub(crate) fn encode_stamp(stamp: &Stamp) -> Vec<u8> {
    serde_json::to_vec(stamp).unwrap_or_default()
}
