//! How a materialised record sits in the `records` tree: a JSON object of its fields (adding a
//! field to a type never breaks stored data, and unknown fields are kept) plus, per field, the
//! stamp of the write that won, which field-level merge compares against.

use std::collections::BTreeMap;

use icp_domain::Id;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::op::Stamp;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Stored {
    #[serde(default)]
    pub fields: Map<String, Value>,
    #[serde(default)]
    pub stamps: BTreeMap<String, Stamp>,
    /// Per field, the values that lost to the one shown when devices wrote the field at the
    /// same time; kept until a person settles it by writing the field again.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub conflicts: BTreeMap<String, Vec<Losing>>,
}

/// A value of a field in conflict that is not the one shown, with who wrote it and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Losing {
    pub stamp: Stamp,
    pub value: Value,
}

impl Stored {
    pub fn decode(bytes: &[u8]) -> Result<Stored, String> {
        serde_json::from_slice(bytes).map_err(|e| format!("a stored record cannot be decoded: {e}"))
    }

    pub fn encode(&self) -> Vec<u8> {
        // A map of JSON values with string keys always serialises.
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// The record as its type reads it: the fields plus the `id` the key holds.
    pub fn to_record_json(&self, id: Id) -> Value {
        let mut fields = self.fields.clone();
        fields.insert("id".into(), Value::String(id.to_string()));
        Value::Object(fields)
    }

    pub fn set(&mut self, field: &str, value: Value, stamp: Stamp) {
        self.fields.insert(field.to_string(), value);
        self.stamps.insert(field.to_string(), stamp);
    }
}
