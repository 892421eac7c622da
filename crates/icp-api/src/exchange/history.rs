//! Who changed what: a record's history, field by field, from its operations.

use std::collections::BTreeMap;

use icp_domain::Id;
use icp_store::Change;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::people::{shown, when, Who};
use crate::{ApiError, Desk};

/// One change to one field, or the record's deletion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldChange {
    /// RFC 3339.
    pub at: String,
    pub who: String,
    /// The field's name as stored; empty for a deletion.
    pub field: String,
    /// The value before, as text ("—" for none); empty for a deletion.
    pub old: String,
    pub new: String,
    pub deleted: bool,
}

impl Desk {
    /// Every change to a record, oldest first. `collection` is the kind of record as the store
    /// names it ("city", "best_practice", "cooperation_plan"…).
    pub fn record_history(&self, collection: &str, id: Id) -> Result<Vec<FieldChange>, ApiError> {
        let who = Who::of(self)?;
        // Oldest first, in the order the clock gives: the order the changes were made in.
        let ops = self.store.history(collection, id)?;
        let mut current: BTreeMap<String, Value> = BTreeMap::new();
        let mut out = Vec::with_capacity(ops.len());
        for op in ops {
            match op.change {
                Change::Set { field, value } => {
                    let old = current.insert(field.clone(), value.clone());
                    out.push(FieldChange {
                        at: when(op.hlc),
                        who: who.name(op.device),
                        old: old.as_ref().map_or_else(|| "—".into(), shown),
                        new: shown(&value),
                        field,
                        deleted: false,
                    });
                }
                Change::Delete => out.push(FieldChange {
                    at: when(op.hlc),
                    who: who.name(op.device),
                    field: String::new(),
                    old: String::new(),
                    new: String::new(),
                    deleted: true,
                }),
            }
        }
        Ok(out)
    }
}
