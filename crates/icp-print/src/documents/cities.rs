//! The cities a document names, looked up by id.

use chrono_tz::Tz;
use icp_domain::{City, Id};

/// The city directory as a document sees it. A city that was deleted prints as
/// "(city no longer in the directory)" rather than failing the export.
pub struct Cities<'a>(pub &'a [City]);

impl Cities<'_> {
    pub(crate) fn get(&self, id: Id) -> Option<&City> {
        self.0.iter().find(|c| c.id == id)
    }

    /// The city's name, with its local name when that differs ("Taichung (臺中)").
    pub(crate) fn name(&self, id: Id) -> String {
        match self.get(id) {
            Some(c) => match &c.local_name {
                Some(local) if local != &c.name => format!("{} ({local})", c.name),
                _ => c.name.clone(),
            },
            None => "(city no longer in the directory)".into(),
        }
    }
}

/// The city's clock, if the city is known.
pub(crate) fn zone(city: Option<&City>) -> Option<Tz> {
    city.and_then(|c| c.time_zone.parse().ok())
}
