//! Best practices captured in meetings, saved as they are typed.

use icp_domain::meeting::Meeting;
use icp_domain::{BestPractice, City, Id, Person, PracticeStatus};

use crate::known::KnownIds;
use crate::{ApiError, Desk};

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
        // not every city, meeting and person. A meeting deleted since the capture stays named:
        // the practice says it is gone.
        let kept_meeting = stored
            .as_ref()
            .and_then(|s| s.meeting)
            .filter(|m| draft.meeting == Some(*m));
        let mut meetings = self.existing::<Meeting>(draft.meeting)?;
        meetings.extend(kept_meeting);
        let refs = KnownIds {
            cities: self.existing::<City>(draft.city)?,
            meetings,
            people: self
                .existing::<Person>(draft.contacts.iter().copied().chain(draft.reviewed_by))?,
            ..KnownIds::default()
        };
        let valid = draft.validate(&self.programme, &refs)?;
        self.store.save(&valid)?;
        Ok(valid)
    }

    pub fn delete_best_practice(&self, id: Id) -> Result<(), ApiError> {
        self.delete_one::<BestPractice>(id, "best practice")
    }
}
