//! Two states of a plan compared field by field: exactly the fields that differ, each with its
//! path (to jump to) and its text before and after. Objectives and actions are matched by key,
//! so an entry added, removed or reordered does not make every entry after it look changed;
//! other lists (indicators, risks, partners…) are compared place by place. A mere reordering of
//! objectives or actions is not a change of content and is not listed.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::record::CooperationPlan;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanChange {
    pub kind: ChangeKind,
    /// `actions.2.title`: the index is the entry's place in the later state (in the earlier
    /// one for an entry removed).
    pub field: String,
    /// The text before (empty for an entry added).
    pub before: String,
    /// The text after (empty for an entry removed).
    pub after: String,
}

/// The plan's content, in the order of the form (the struct's order; a JSON map keeps its own).
/// `id`, `pairing` and `sample` are not content. A test keeps this in step with the struct.
pub(crate) const CONTENT: [&str; 8] = [
    "title",
    "context",
    "challenge",
    "objectives",
    "actions",
    "stakeholders",
    "risks",
    "practices",
];
/// The fields of the plan's entries in the order of the form (a JSON map sorts its own);
/// others follow.
const FORM_ORDER: [&str; 18] = [
    "key",
    "title",
    "text",
    "description",
    "lead",
    "partners",
    "start",
    "end",
    "resources",
    "indicators",
    "name",
    "baseline",
    "target",
    "unit",
    "status",
    "objectives",
    "risk",
    "mitigation",
];
/// Lists whose entries are matched by their `key`.
const KEYED: [&str; 2] = ["objectives", "actions"];

/// What changed from `before` to `after`, in the order of the form.
pub fn compare(before: &CooperationPlan, after: &CooperationPlan) -> Vec<PlanChange> {
    let (Ok(Value::Object(a)), Ok(Value::Object(b))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for field in CONTENT {
        let (x, y) = (
            a.get(field).unwrap_or(&Value::Null),
            b.get(field).unwrap_or(&Value::Null),
        );
        if KEYED.contains(&field) {
            keyed(field, x, y, &mut out);
        } else {
            walk(field.to_string(), x, y, &mut out);
        }
    }
    out
}

fn keyed(list: &str, a: &Value, b: &Value, out: &mut Vec<PlanChange>) {
    let empty = Vec::new();
    let a = a.as_array().unwrap_or(&empty);
    let b = b.as_array().unwrap_or(&empty);
    let key = |v: &Value| v.get("key").and_then(Value::as_str).map(str::to_string);
    for (j, y) in b.iter().enumerate() {
        match a.iter().find(|x| key(x).is_some() && key(x) == key(y)) {
            Some(x) => walk(format!("{list}.{j}"), x, y, out),
            None => out.push(PlanChange {
                kind: ChangeKind::Added,
                field: format!("{list}.{j}"),
                before: String::new(),
                after: text(y),
            }),
        }
    }
    for (i, x) in a.iter().enumerate() {
        if !b.iter().any(|y| key(x).is_some() && key(x) == key(y)) {
            out.push(PlanChange {
                kind: ChangeKind::Removed,
                field: format!("{list}.{i}"),
                before: text(x),
                after: String::new(),
            });
        }
    }
}

/// A reference (`{"kind": "city", "id": …}`) is one value, not two fields.
fn is_leaf(v: &Value) -> bool {
    match v {
        Value::Object(m) => m.contains_key("kind") && m.len() <= 2,
        Value::Array(_) => false,
        _ => true,
    }
}

fn walk(path: String, a: &Value, b: &Value, out: &mut Vec<PlanChange>) {
    if a == b {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) if !is_leaf(a) && !is_leaf(b) => {
            let mut fields: Vec<&String> = x.keys().collect();
            fields.extend(y.keys().filter(|k| !x.contains_key(*k)));
            fields.sort_by_key(|f| FORM_ORDER.iter().position(|o| o == f).unwrap_or(usize::MAX));
            for f in fields {
                walk(
                    format!("{path}.{f}"),
                    x.get(f).unwrap_or(&Value::Null),
                    y.get(f).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                let at = format!("{path}.{i}");
                match (x.get(i), y.get(i)) {
                    (Some(p), Some(q)) => walk(at, p, q, out),
                    (None, Some(q)) => out.push(PlanChange {
                        kind: ChangeKind::Added,
                        field: at,
                        before: String::new(),
                        after: text(q),
                    }),
                    (Some(p), None) => out.push(PlanChange {
                        kind: ChangeKind::Removed,
                        field: at,
                        before: text(p),
                        after: String::new(),
                    }),
                    (None, None) => {}
                }
            }
        }
        // A list that appeared (null in an older state) is a list of additions.
        (Value::Null, Value::Array(_)) => walk(path, &Value::Array(vec![]), b, out),
        (Value::Array(_), Value::Null) => walk(path, a, &Value::Array(vec![]), out),
        _ => out.push(PlanChange {
            kind: ChangeKind::Changed,
            field: path,
            before: text(a),
            after: text(b),
        }),
    }
}

/// A value as a person reads it: text as typed, a reference as `city 01…`, an entry by its
/// title, text or name.
fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Object(m) => {
            for f in ["title", "text", "name", "risk"] {
                if let Some(Value::String(s)) = m.get(f) {
                    return s.clone();
                }
            }
            match (m.get("kind"), m.get("id")) {
                (Some(Value::String(k)), Some(Value::String(id))) => format!("{k} {id}"),
                _ => Value::Object(m.clone()).to_string(),
            }
        }
        Value::Array(items) => items.iter().map(text).collect::<Vec<_>>().join(", "),
    }
}
