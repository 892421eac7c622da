//! Who a change came from, in words: this desktop, or the person another desktop's exchange
//! files named, or that desktop by the start of its id.

use std::collections::BTreeMap;

use icp_domain::{BestPractice, Id, Record};
use icp_store::{DeviceId, Hlc};
use serde_json::Value;

use crate::library::everywhere::{entry, RecordKind};
use crate::{ApiError, Desk};

pub(super) struct Who {
    me: DeviceId,
    people: BTreeMap<DeviceId, String>,
}

impl Who {
    pub fn of(desk: &Desk) -> Result<Who, ApiError> {
        Ok(Who {
            me: desk.store.device(),
            people: desk.store.people_of_devices()?,
        })
    }

    pub fn name(&self, device: DeviceId) -> String {
        if device == self.me {
            return "This desktop".into();
        }
        match self.people.get(&device) {
            Some(person) => person.clone(),
            None => format!("Desktop {}", &device.to_string()[..8]),
        }
    }
}

/// A clock reading as RFC 3339, for the window to show on the viewer's clock.
pub(super) fn when(hlc: Hlc) -> String {
    chrono::DateTime::from_timestamp_millis(hlc.physical_ms as i64)
        .map(|t| t.to_rfc3339())
        .unwrap_or_default()
}

/// A stored value as a person reads it: text as is, nothing as "—", the rest as compact JSON.
pub(super) fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "—".into(),
        other => other.to_string(),
    }
}

/// A record's name for a list of conflicts, whatever its kind.
pub(super) fn record_name(desk: &Desk, collection: &str, id: Id) -> Result<String, ApiError> {
    if collection == BestPractice::COLLECTION {
        if let Some(p) = desk.store.get::<BestPractice>(id)? {
            return Ok(p.name().to_string());
        }
    }
    if let Some(kind) = RecordKind::of_collection(collection) {
        if let Some(e) = entry(desk, kind, id)? {
            return Ok(e.name);
        }
    }
    Ok(format!("{} {id}", collection.replace('_', " ")))
}
