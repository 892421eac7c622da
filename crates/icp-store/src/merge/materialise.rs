//! A record as its operations make it, whatever order they arrived in: the one rule that lets
//! devices exchange operations and end in the same state.
//!
//! - The record is deleted when its latest operation is a delete. A set stamped after a delete
//!   brings the whole record back, each field as its sets make it: a delete never leaves half
//!   a record, and an edit made elsewhere after it is not lost. (An edit stamped before a
//!   delete it did not know of is overruled by the delete.)
//! - Within a field, a set *replaces* the values it names in `seen` (what the field held on its
//!   device when it was written) and every earlier set of its own device (a device always saw
//!   its own writes; operations written before `seen` existed rely on this). The sets nothing
//!   replaces are the field's heads: one head is the value; several are a conflict, the head
//!   with the greatest stamp showing and the others kept beside it for a person to settle.
//!
//! The result depends only on the set of operations, so any order of arrival, and any number
//! of repeats, gives the same record.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::op::{Change, Op, Stamp};
use crate::stored::{Losing, Stored};

/// A record's state from its operations.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Materialised {
    /// None when it has no life: never set, or deleted since its last set.
    pub stored: Option<Stored>,
    /// The stamp of its latest delete, if it was ever deleted.
    pub tombstone: Option<Stamp>,
}

pub(crate) fn materialise<'a>(ops: impl IntoIterator<Item = &'a Op>) -> Materialised {
    let ops: Vec<&Op> = ops.into_iter().collect();
    let tombstone = ops
        .iter()
        .filter(|o| matches!(o.change, Change::Delete))
        .map(|o| o.stamp())
        .max();
    let latest = ops.iter().map(|o| o.stamp()).max();
    // Each set of a field: its stamp, its value, and the stamps it replaces.
    type Set<'o> = (Stamp, &'o Value, &'o [Stamp]);
    let mut by_field: BTreeMap<&str, Vec<Set<'_>>> = BTreeMap::new();
    for op in &ops {
        if let Change::Set { field, value } = &op.change {
            by_field
                .entry(field.as_str())
                .or_default()
                .push((op.stamp(), value, &op.seen));
        }
    }
    if by_field.is_empty() || (tombstone.is_some() && tombstone == latest) {
        return Materialised {
            stored: None,
            tombstone,
        };
    }
    let mut stored = Stored::default();
    for (field, mut sets) in by_field {
        sets.sort_by_key(|s| std::cmp::Reverse(s.0));
        sets.dedup_by(|a, b| a.0 == b.0);
        let replaced = |s: &Stamp| {
            sets.iter().any(|(other, _, seen)| {
                seen.contains(s) || (other.device == s.device && other.hlc > s.hlc)
            })
        };
        // Greatest stamp first: the first head is the value shown.
        let mut heads = sets.iter().filter(|(s, ..)| !replaced(s));
        if let Some((stamp, value, _)) = heads.next() {
            stored.set(field, (*value).clone(), *stamp);
        }
        let losing: Vec<Losing> = heads
            .map(|(stamp, value, _)| Losing {
                stamp: *stamp,
                value: (*value).clone(),
            })
            .collect();
        if !losing.is_empty() {
            stored.conflicts.insert(field.to_string(), losing);
        }
    }
    Materialised {
        stored: Some(stored),
        tombstone,
    }
}

#[cfg(test)]
mod tests {
    use icp_domain::Id;

    use super::*;
    use crate::op::DeviceId;
    use crate::Hlc;

    fn stamp(ms: u64, device: u8) -> Stamp {
        Stamp {
            hlc: Hlc {
                physical_ms: ms,
                logical: 0,
            },
            device: DeviceId([device; 16]),
        }
    }

    fn set(at: Stamp, field: &str, value: &str, seen: &[Stamp]) -> Op {
        Op {
            hlc: at.hlc,
            device: at.device,
            collection: "city".into(),
            id: Id::from_parts(1, 1),
            change: Change::Set {
                field: field.into(),
                value: value.into(),
            },
            seen: seen.to_vec(),
        }
    }

    fn delete(at: Stamp) -> Op {
        Op {
            change: Change::Delete,
            seen: Vec::new(),
            ..set(at, "", "", &[])
        }
    }

    fn field(m: &Materialised, f: &str) -> Option<Value> {
        m.stored.as_ref().and_then(|s| s.fields.get(f).cloned())
    }

    #[test]
    fn a_devices_own_later_write_replaces_its_earlier_one_without_conflict() {
        let ops = [
            set(stamp(1, 1), "name", "Lodz", &[]),
            set(stamp(2, 1), "name", "Łódź", &[]),
        ];
        let m = materialise(&ops);
        assert_eq!(field(&m, "name"), Some("Łódź".into()));
        assert!(m.stored.unwrap().conflicts.is_empty());
    }

    #[test]
    fn concurrent_writes_of_one_field_keep_the_later_and_record_the_other() {
        let base = stamp(1, 1);
        let a = set(stamp(5, 1), "name", "A", &[base]);
        let b = set(stamp(4, 2), "name", "B", &[base]);
        let ops = [set(base, "name", "0", &[]), a.clone(), b.clone()];
        let m = materialise(&ops);
        assert_eq!(field(&m, "name"), Some("A".into()));
        let stored = m.stored.unwrap();
        assert_eq!(stored.conflicts["name"][0].value, Value::from("B"));
        // A write that saw both settles it.
        let settle = set(stamp(6, 2), "name", "B", &[a.stamp(), b.stamp()]);
        let all = [ops.to_vec(), vec![settle]].concat();
        let m = materialise(&all);
        assert_eq!(field(&m, "name"), Some("B".into()));
        assert!(m.stored.unwrap().conflicts.is_empty());
    }

    #[test]
    fn different_fields_both_survive_and_order_does_not_matter() {
        let ops = vec![
            set(stamp(1, 1), "name", "Porto", &[]),
            set(stamp(3, 2), "population", "232000", &[]),
            set(stamp(2, 1), "country", "PT", &[]),
        ];
        let forward = materialise(&ops);
        let backward = materialise(ops.iter().rev());
        assert_eq!(forward, backward);
        assert_eq!(field(&forward, "population"), Some("232000".into()));
        assert_eq!(field(&forward, "country"), Some("PT".into()));
    }

    #[test]
    fn a_later_delete_wins_and_a_later_edit_brings_the_whole_record_back() {
        let name = set(stamp(1, 1), "name", "Porto", &[]);
        let ops = vec![
            name.clone(),
            set(stamp(2, 1), "country", "PT", &[]),
            delete(stamp(3, 2)),
        ];
        let m = materialise(&ops);
        assert_eq!((m.stored, m.tombstone), (None, Some(stamp(3, 2))));
        // Device 1 renamed it without knowing of the delete, and later by its clock.
        let again = [
            ops,
            vec![set(stamp(4, 1), "name", "Braga", &[name.stamp()])],
        ]
        .concat();
        let m = materialise(&again);
        assert_eq!(field(&m, "name"), Some("Braga".into()));
        assert_eq!(field(&m, "country"), Some("PT".into()), "not half a record");
        assert!(m.stored.unwrap().conflicts.is_empty());
    }
}
