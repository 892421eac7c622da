use icp_domain::{DomainError, Id, StudyVisit, VisitWarning};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Desk};

/// What the builder asks for to start a visit; the rest is filled in day by day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewStudyVisit {
    pub title: String,
    pub host_city: Option<Id>,
    #[serde(default)]
    pub delegation: Vec<Id>,
    pub start_date: String,
    pub days: u32,
}

/// A visit as the builder shows it: the record and what deserves a second look.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StudyVisitView {
    pub visit: StudyVisit,
    pub warnings: Vec<VisitWarning>,
}

impl StudyVisitView {
    fn of(visit: StudyVisit) -> StudyVisitView {
        StudyVisitView {
            warnings: visit.warnings(),
            visit,
        }
    }
}

impl Desk {
    /// Every visit, the most recent first.
    pub fn list_study_visits(&self) -> Result<Vec<StudyVisit>, ApiError> {
        let mut all = self.all::<StudyVisit>()?;
        all.sort_by(|a, b| b.start_date.cmp(&a.start_date).then(a.title.cmp(&b.title)));
        Ok(all)
    }

    pub fn get_study_visit(&self, id: Id) -> Result<StudyVisitView, ApiError> {
        Ok(StudyVisitView::of(self.study_visit(id)?))
    }

    pub(crate) fn study_visit(&self, id: Id) -> Result<StudyVisit, ApiError> {
        self.one(id, "study visit")
    }

    pub fn create_study_visit(&self, input: &NewStudyVisit) -> Result<StudyVisitView, ApiError> {
        let Some(host_city) = input.host_city else {
            return Err(DomainError::Required {
                field: "host_city",
                label: "Host city",
            }
            .into());
        };
        let draft = StudyVisit {
            id: self.store.new_id(),
            title: input.title.clone(),
            host_city,
            delegation: input.delegation.clone(),
            start_date: input.start_date.clone(),
            days: input.days,
            sessions: Vec::new(),
            participants: Vec::new(),
            logistics: Default::default(),
            sample: false,
        };
        let visit = draft.validate(|id| self.city_exists(id))?;
        self.store.save(&visit)?;
        Ok(StudyVisitView::of(visit))
    }

    /// Saves the whole visit as the builder holds it. A visit deleted meanwhile is not brought
    /// back; the sample mark stays what it was.
    pub fn save_study_visit(&self, visit: &StudyVisit) -> Result<StudyVisitView, ApiError> {
        let existing = self.study_visit(visit.id)?;
        let mut valid = visit.validate(|id| self.city_exists(id))?;
        valid.sample = existing.sample;
        self.store.save(&valid)?;
        Ok(StudyVisitView::of(valid))
    }

    pub fn delete_study_visit(&self, id: Id) -> Result<(), ApiError> {
        self.delete_one::<StudyVisit>(id, "study visit")
    }

    fn city_exists(&self, id: Id) -> bool {
        matches!(self.store.get::<icp_domain::City>(id), Ok(Some(_)))
    }
}
