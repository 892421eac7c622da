//! Best practices captured in meetings, saved as they are typed.

use std::collections::HashSet;

use icp_domain::meeting::Meeting;
use icp_domain::{BestPractice, City, Id, Person, PracticeRefs, PracticeStatus};

use crate::{ApiError, Desk};

/// The records a practice may name, as a set of ids of each kind.
pub(crate) struct Refs {
    pub cities: HashSet<Id>,
    pub meetings: HashSet<Id>,
    pub people: HashSet<Id>,
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
    /// on record is a new capture and gets an id and a capture time of its own. Marking it
    /// reviewed (or naming another reviewer) stamps the review with the desk's clock.
    pub fn save_best_practice(&self, practice: &BestPractice) -> Result<BestPractice, ApiError> {
        let stored: Option<BestPractice> = self.store.get(practice.id)?;
        let mut draft = match &stored {
            Some(s) => BestPractice {
                captured_at: s.captured_at.clone(),
                sample: s.sample,
                reviewed_at: s.reviewed_at.clone(),
                ..practice.clone()
            },
            None => BestPractice {
                id: self.store.new_id(),
                captured_at: chrono::Utc::now().to_rfc3339(),
                sample: false,
                reviewed_at: None,
                ..practice.clone()
            },
        };
        let newly_reviewed = stored.as_ref().is_none_or(|s| {
            s.status != PracticeStatus::Reviewed || s.reviewed_by != draft.reviewed_by
        });
        if draft.status == PracticeStatus::Reviewed && newly_reviewed {
            draft.reviewed_at = Some(chrono::Utc::now().to_rfc3339());
        }
        // Saved on every pause in typing: only the records this practice names are looked up,
        // not every city, meeting and person.
        let known = |ids: Vec<Id>, exists: &dyn Fn(Id) -> Result<bool, ApiError>| {
            ids.into_iter()
                .filter_map(|id| exists(id).map(|yes| yes.then_some(id)).transpose())
                .collect::<Result<HashSet<Id>, ApiError>>()
        };
        // A meeting deleted since the capture stays named: the practice says it is gone.
        let kept_meeting = stored.as_ref().and_then(|s| s.meeting);
        let mut meetings = known(draft.meeting.into_iter().collect(), &|id| {
            Ok(self.store.get::<Meeting>(id)?.is_some())
        })?;
        meetings.extend(kept_meeting.filter(|m| draft.meeting == Some(*m)));
        let refs = Refs {
            cities: known(draft.city.into_iter().collect(), &|id| {
                Ok(self.store.get::<City>(id)?.is_some())
            })?,
            meetings,
            people: known(
                draft
                    .contacts
                    .iter()
                    .copied()
                    .chain(draft.reviewed_by)
                    .collect(),
                &|id| Ok(self.store.get::<Person>(id)?.is_some()),
            )?,
        };
        let valid = draft.validate(&self.programme, &refs)?;
        self.store.save(&valid)?;
        Ok(valid)
    }

    pub fn delete_best_practice(&self, id: Id) -> Result<(), ApiError> {
        self.delete_one::<BestPractice>(id, "best practice")
    }
}
