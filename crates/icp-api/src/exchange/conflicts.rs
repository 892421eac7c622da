//! Fields two desktops changed at the same time, side by side, and a person's decision, which
//! is itself a change that travels to the others.

use icp_domain::Id;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::people::{record_name, shown, when, Who};
use crate::{ApiError, Desk};

/// One value of a field in conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConflictValue {
    /// As a person reads it.
    pub text: String,
    /// As stored (JSON): what choosing it sends back.
    pub json: String,
    pub who: String,
    /// RFC 3339.
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConflictView {
    /// The kind of record as the store names it ("city", "cooperation_plan"…).
    pub collection: String,
    pub id: Id,
    /// The record's name ("Gwangju", the plan's title).
    pub record: String,
    pub field: String,
    /// The value the record shows until someone decides.
    pub shown: ConflictValue,
    pub others: Vec<ConflictValue>,
}

impl Desk {
    /// Every field in conflict, by record.
    pub fn list_conflicts(&self) -> Result<Vec<ConflictView>, ApiError> {
        let who = Who::of(self)?;
        let value = |(stamp, v): (icp_store::Stamp, serde_json::Value)| ConflictValue {
            text: shown(&v),
            json: v.to_string(),
            who: who.name(stamp.device),
            at: when(stamp.hlc),
        };
        let mut out = Vec::new();
        for c in self.store.conflicts()? {
            out.push(ConflictView {
                record: record_name(self, &c.collection, c.id)?,
                collection: c.collection,
                id: c.id,
                field: c.field,
                shown: value(c.shown),
                others: c.others.into_iter().map(value).collect(),
            });
        }
        Ok(out)
    }

    /// Settles a conflict with `json`: one of the values' `json`, or a merged text written as
    /// a JSON string. The value must be one the record can hold, or nothing is written.
    pub fn settle_conflict(
        &self,
        collection: &str,
        id: Id,
        field: &str,
        json: &str,
    ) -> Result<(), ApiError> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| ApiError::BadRequest {
                message: format!("The value to keep is not readable ({e}); nothing was changed."),
            })?;
        Ok(self.store.settle(collection, id, field, value)?)
    }
}
