//! The people a document names, looked up by id.

use icp_domain::{Id, Person};

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
            None => "(person no longer in the directory)".into(),
        }
    }
}
