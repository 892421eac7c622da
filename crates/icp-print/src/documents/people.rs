//! The people a document names, looked up by id.

use icp_domain::{Id, Person};

/// How a person who was deleted is named, in documents and wherever the desk names people.
pub const PERSON_GONE: &str = "(person no longer in the directory)";

/// The directory's people as a document sees them. A person who was deleted prints as
/// "(person no longer in the directory)" rather than failing the export.
pub struct People<'a>(pub &'a [Person]);

impl People<'_> {
    pub(crate) fn get(&self, id: Id) -> Option<&Person> {
        self.0.iter().find(|p| p.id == id)
    }

    pub(crate) fn name(&self, id: Id) -> String {
        match self.get(id) {
            Some(p) => p.name.clone(),
            None => PERSON_GONE.into(),
        }
    }
}
