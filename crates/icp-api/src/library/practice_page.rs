//! A practice's own page: the record with what it names in words, and word that the meeting
//! it came from is gone when it was deleted since.

use icp_domain::meeting::Meeting;
use icp_domain::{BestPractice, Id};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Desk};

/// A practice's own page: the record, and what it refers to in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PracticeView {
    pub practice: BestPractice,
    /// The meeting it came from, as "Cluster meeting · 12 Oct 2022"; None when it has none
    /// or the meeting is gone.
    pub meeting: Option<MeetingRef>,
    /// It was captured in a meeting that has since been deleted.
    pub meeting_gone: bool,
    /// Who reviewed it, by name; "(person no longer in the directory)" when they were deleted.
    pub reviewer: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingRef {
    pub id: Id,
    pub title: String,
    /// RFC 3339.
    pub start: String,
}

impl Desk {
    /// A practice with its meeting and reviewer in words.
    pub fn open_best_practice(&self, id: Id) -> Result<PracticeView, ApiError> {
        let practice: BestPractice = self.one(id, "best practice")?;
        let meeting = match practice.meeting {
            Some(m) => self.store.get::<Meeting>(m)?,
            None => None,
        };
        let reviewer = practice
            .reviewed_by
            .map(|p| self.person_name(p))
            .transpose()?;
        Ok(PracticeView {
            meeting_gone: practice.meeting.is_some() && meeting.is_none(),
            meeting: meeting.map(|m| MeetingRef {
                id: m.id,
                title: m.title,
                start: m.start.to_rfc3339(),
            }),
            reviewer,
            practice,
        })
    }
}
