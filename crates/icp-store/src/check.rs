//! Recomputing every index from the records, to prove (in tests, after an import, on request)
//! that the indexes say what the records say.

use std::collections::BTreeSet;

use crate::stored::Stored;
use crate::{keys, Store, StoreError};

impl Store {
    pub fn check_indexes(&self) -> Result<(), StoreError> {
        let mut expected = BTreeSet::new();
        for item in self.trees.records.iter() {
            let (k, v) = item.map_err(|e| self.sled(e))?;
            let (collection, id) = keys::parse_record_key(&k)
                .ok_or_else(|| self.corrupt("a record key cannot be read"))?;
            let stored = Stored::decode(&v).map_err(|e| self.corrupt(e))?;
            let terms = self
                .schema
                .terms(&collection, &stored.to_record_json(id))
                .map_err(|e| StoreError::IndexMismatch {
                    detail: format!("record {id} cannot be indexed: {e}"),
                    collection: collection.clone(),
                })?;
            for (index, term) in terms {
                expected.insert(keys::index_key(&collection, &index, &term, id));
            }
        }
        let mut actual = BTreeSet::new();
        for k in self.trees.index.iter().keys() {
            actual.insert(k.map_err(|e| self.sled(e))?.to_vec());
        }
        if let Some(k) = expected.difference(&actual).next() {
            return Err(mismatch(k, "is missing"));
        }
        if let Some(k) = actual.difference(&expected).next() {
            return Err(mismatch(k, "is stale (no record has it)"));
        }
        Ok(())
    }
}

fn mismatch(key: &[u8], what: &str) -> StoreError {
    match keys::parse_index_key(key) {
        Some(k) => StoreError::IndexMismatch {
            collection: k.collection,
            detail: format!(
                "the entry {}={:?} of record {} {what}",
                k.index, k.term, k.id
            ),
        },
        None => StoreError::IndexMismatch {
            collection: "?".into(),
            detail: format!("an unreadable entry {what}"),
        },
    }
}
