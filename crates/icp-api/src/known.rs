//! Which records a record names exist. The domain's checks ask through one trait per kind of
//! record (`Known`, `MeetingRefs`, `PlanRefs`…); every operation answers with this one set of
//! ids a kind, filled with what it needs (often only the ids the record names, since many
//! saves run on every pause in typing).

use std::collections::HashSet;

use icp_domain::cooperation_plan::PlanRefs;
use icp_domain::dissemination::DisseminationRefs;
use icp_domain::evaluation::EvaluationRefs;
use icp_domain::meeting::MeetingRefs;
use icp_domain::{Id, Known, PracticeRefs, Record};

use crate::{ApiError, Desk};

#[derive(Debug, Default)]
pub(crate) struct KnownIds {
    pub cities: HashSet<Id>,
    pub people: HashSet<Id>,
    pub organisations: HashSet<Id>,
    pub clusters: HashSet<Id>,
    pub pairings: HashSet<Id>,
    pub series: HashSet<Id>,
    pub meetings: HashSet<Id>,
    pub study_visits: HashSet<Id>,
    pub practices: HashSet<Id>,
}

impl Desk {
    /// The ids of every record of a kind.
    pub(crate) fn all_ids<T: Record>(&self) -> Result<HashSet<Id>, ApiError> {
        Ok(self.all::<T>()?.iter().map(Record::id).collect())
    }

    /// Those of `ids` that are records of a kind on file, each looked up once.
    pub(crate) fn existing<T: Record>(
        &self,
        ids: impl IntoIterator<Item = Id>,
    ) -> Result<HashSet<Id>, ApiError> {
        let mut out = HashSet::new();
        for id in ids.into_iter().collect::<HashSet<Id>>() {
            if self.store.get::<T>(id)?.is_some() {
                out.insert(id);
            }
        }
        Ok(out)
    }
}

impl Known for KnownIds {
    fn city(&self, id: Id) -> bool {
        self.cities.contains(&id)
    }
    fn person(&self, id: Id) -> bool {
        self.people.contains(&id)
    }
    fn organisation(&self, id: Id) -> bool {
        self.organisations.contains(&id)
    }
}

impl MeetingRefs for KnownIds {
    fn person(&self, id: Id) -> bool {
        self.people.contains(&id)
    }
    fn cluster(&self, id: Id) -> bool {
        self.clusters.contains(&id)
    }
    fn pairing(&self, id: Id) -> bool {
        self.pairings.contains(&id)
    }
    fn series(&self, id: Id) -> bool {
        self.series.contains(&id)
    }
}

impl PlanRefs for KnownIds {
    fn pairing(&self, id: Id) -> bool {
        self.pairings.contains(&id)
    }
    fn city(&self, id: Id) -> bool {
        self.cities.contains(&id)
    }
    fn person(&self, id: Id) -> bool {
        self.people.contains(&id)
    }
    fn organisation(&self, id: Id) -> bool {
        self.organisations.contains(&id)
    }
    fn practice(&self, id: Id) -> bool {
        self.practices.contains(&id)
    }
}

impl EvaluationRefs for KnownIds {
    fn meeting(&self, id: Id) -> bool {
        self.meetings.contains(&id)
    }
    fn study_visit(&self, id: Id) -> bool {
        self.study_visits.contains(&id)
    }
    fn city(&self, id: Id) -> bool {
        self.cities.contains(&id)
    }
}

impl PracticeRefs for KnownIds {
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

impl DisseminationRefs for KnownIds {
    fn city(&self, id: Id) -> bool {
        self.cities.contains(&id)
    }
    fn practice(&self, id: Id) -> bool {
        self.practices.contains(&id)
    }
}
