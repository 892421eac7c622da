//! The record types the store knows. The store keeps records as JSON, so it needs each type's
//! own code to recompute index terms (index checks, migrations, backup import). Adding a record
//! type is one `register` line in `Schema::current`.

use std::collections::BTreeMap;

use icp_domain::Record;
use serde_json::Value;

/// Turns a record's JSON (fields and `id`) into its `(index, term)` pairs, or says why the JSON
/// is not a valid record of the type.
pub(crate) type TermsFn = fn(&Value) -> Result<Vec<(String, String)>, String>;

#[derive(Clone, Default)]
pub struct Schema {
    collections: BTreeMap<&'static str, TermsFn>,
}

impl Schema {
    /// Every record type ICP Desk stores today.
    pub fn current() -> Schema {
        let mut s = Schema::default();
        s.register::<icp_domain::City>();
        s.register::<icp_domain::StudyVisit>();
        s.register::<icp_domain::Candidature>();
        s.register::<icp_domain::Cluster>();
        s.register::<icp_domain::selection::SelectionDecision>();
        s.register::<icp_domain::selection::SelectionDraft>();
        s.register::<icp_domain::pairing::Pairing>();
        s.register::<icp_domain::pairing::PairingDraft>();
        s.register::<icp_domain::Person>();
        s.register::<icp_domain::Organisation>();
        s.register::<icp_domain::meeting::Meeting>();
        s.register::<icp_domain::meeting::MeetingSeries>();
        s.register::<icp_domain::BestPractice>();
        s.register::<icp_domain::Evaluation>();
        s.register::<icp_domain::CooperationPlan>();
        s.register::<icp_domain::PlanVersion>();
        s.register::<icp_domain::DisseminationPlan>();
        s
    }

    pub fn register<T: Record>(&mut self) {
        self.collections.insert(T::COLLECTION, terms_of::<T>);
    }

    pub fn knows(&self, collection: &str) -> bool {
        self.collections.contains_key(collection)
    }

    pub fn collections(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.collections.keys().copied()
    }

    /// The index terms of a stored record; Err if the collection is unknown or the JSON does
    /// not deserialise into its type.
    pub fn terms(&self, collection: &str, record: &Value) -> Result<Vec<(String, String)>, String> {
        match self.collections.get(collection) {
            Some(f) => f(record),
            None => Err(format!("unknown kind of record \"{collection}\"")),
        }
    }
}

fn terms_of<T: Record>(record: &Value) -> Result<Vec<(String, String)>, String> {
    let r = T::deserialize(record).map_err(|e| e.to_string())?;
    Ok(r.index_terms()
        .into_iter()
        .map(|(i, t)| (i.to_string(), t))
        .collect())
}
