use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::Id;

/// What the store needs to know of a kind of record: where it lives and which terms to index.
/// The store persists any `Record` the same way (one mechanism for every record).
pub trait Record: Serialize + DeserializeOwned {
    /// The collection's name in the store; never change it once data exists.
    const COLLECTION: &'static str;

    fn id(&self) -> Id;

    /// `(index, term)` pairs kept in the store's index so lookups need no scan. Terms are plain
    /// text; the store orders them bytewise.
    fn index_terms(&self) -> Vec<(&'static str, String)>;
}
