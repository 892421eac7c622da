//! Best practices captured in meetings, saved as they are typed.

use std::collections::HashSet;

use icp_domain::meeting::Meeting;
use icp_domain::{BestPractice, City, Id, Person, PracticeRefs};

use crate::{ApiError, Desk};

struct Refs {
    cities: HashSet<Id>,
    meetings: HashSet<Id>,
    people: HashSet<Id>,
}

impl PracticeRefs for Refs {
    fn city(&self, id: Id) -> bool {
        self.cities.contains(&id)
    }
    fn meeting(&self, id: Id) -> bool {
        self.meetings.contains(&id)
    }
    fn person(&self, id: Id) -> bool {
        self.people.contains(&id)
    }
}

impl Desk {
    /// The practices captured in `meeting` (all of them with `None`), newest first.
    pub fn list_best_practices(&self, meeting: Option<Id>) -> Result<Vec<BestPractice>, ApiError> {
        let mut all: Vec<BestPractice> = self
            .all::<BestPractice>()?
            .into_iter()
            .filter(|p| meeting.is_none() || p.meeting == meeting)
            .collect();
        all.sort_by(|a, b| b.captured_at.cmp(&a.captured_at).then(b.id.cmp(&a.id)));
        Ok(all)
    }

    /// Saves a practice as it is typed; it is durable when this returns. One whose id is not
    /// on record is a new capture and gets an id and a capture time of its own.
    pub fn save_best_practice(&self, practice: &BestPractice) -> Result<BestPractice, ApiError> {
        let stored: Option<BestPractice> = self.store.get(practice.id)?;
        let draft = match &stored {
            Some(s) => BestPractice {
                captured_at: s.captured_at.clone(),
                sample: s.sample,
                ..practice.clone()
            },
            None => BestPractice {
                id: self.store.new_id(),
                captured_at: chrono::Utc::now().to_rfc3339(),
                sample: false,
                ..practice.clone()
            },
        };
        // Saved on every pause in typing: only the records this practice names are looked up,
        // not every city, meeting and person.
        let known = |ids: Vec<Id>, exists: &dyn Fn(Id) -> Result<bool, ApiError>| {
            ids.into_iter()
                .filter_map(|id| exists(id).map(|yes| yes.then_some(id)).transpose())
                .collect::<Result<HashSet<Id>, ApiError>>()
        };
        let refs = Refs {
            cities: known(draft.city.into_iter().collect(), &|id| {
                Ok(self.store.get::<City>(id)?.is_some())
            })?,
            meetings: known(draft.meeting.into_iter().collect(), &|id| {
                Ok(self.store.get::<Meeting>(id)?.is_some())
            })?,
            people: known(draft.contacts.clone(), &|id| {
                Ok(self.store.get::<Person>(id)?.is_some())
            })?,
        };
        let valid = draft.validate(&self.programme, &refs)?;
        self.store.save(&valid)?;
        Ok(valid)
    }

    pub fn delete_best_practice(&self, id: Id) -> Result<(), ApiError> {
        self.delete_one::<BestPractice>(id, "best practice")
    }
}
