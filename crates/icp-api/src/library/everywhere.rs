//! The records Ctrl+K finds besides practices: cities, people, organisations, meetings, study
//! visits and plans, each as a name and a line of detail ("Person · Cluster manager, Porto").
//! Practices are found through the library's own index, which already holds them.

use std::collections::HashMap;

use icp_domain::meeting::Meeting;
use icp_domain::pairing::Pairing;
use icp_domain::{
    BestPractice, City, CooperationPlan, DisseminationPlan, Id, Organisation, Person, Record,
    StudyVisit,
};
use icp_search::{FieldSpec, Index, Query};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::snippet::{self, Snippet};
use super::{marks_in, MAX_PAGE};
use crate::{ApiError, Desk};

/// The kinds of record search everywhere jumps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    City,
    Person,
    Organisation,
    Meeting,
    StudyVisit,
    CooperationPlan,
    DisseminationPlan,
    BestPractice,
}

impl RecordKind {
    pub fn label(self) -> &'static str {
        match self {
            RecordKind::City => "City",
            RecordKind::Person => "Person",
            RecordKind::Organisation => "Organisation",
            RecordKind::Meeting => "Meeting",
            RecordKind::StudyVisit => "Study visit",
            RecordKind::CooperationPlan => "Cooperation plan",
            RecordKind::DisseminationPlan => "Dissemination plan",
            RecordKind::BestPractice => "Best practice",
        }
    }

    /// The kind a store collection holds, for the kinds this index keeps.
    pub(crate) fn of_collection(collection: &str) -> Option<RecordKind> {
        [
            (City::COLLECTION, RecordKind::City),
            (Person::COLLECTION, RecordKind::Person),
            (Organisation::COLLECTION, RecordKind::Organisation),
            (Meeting::COLLECTION, RecordKind::Meeting),
            (StudyVisit::COLLECTION, RecordKind::StudyVisit),
            (CooperationPlan::COLLECTION, RecordKind::CooperationPlan),
            (DisseminationPlan::COLLECTION, RecordKind::DisseminationPlan),
        ]
        .into_iter()
        .find(|(c, _)| *c == collection)
        .map(|(_, k)| k)
    }
}

/// One record found by search everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EverywhereHit {
    pub kind: RecordKind,
    pub kind_label: String,
    pub id: Id,
    pub name: Snippet,
    pub detail: String,
}

/// What a hit shows: its name, and a line that tells it from others of the same name.
#[derive(Clone)]
pub(crate) struct Entry {
    pub name: String,
    pub detail: String,
}

pub(super) struct EverywhereIndex {
    pub index: Index<(RecordKind, Id)>,
    pub entries: HashMap<(RecordKind, Id), Entry>,
}

impl EverywhereIndex {
    pub fn build(desk: &Desk) -> Result<Self, ApiError> {
        let mut me = EverywhereIndex {
            index: Index::new(&[FieldSpec::new("name", 3.0), FieldSpec::new("detail", 1.0)]),
            entries: HashMap::new(),
        };
        let mut ids: Vec<(RecordKind, Id)> = Vec::new();
        ids.extend(desk.all::<City>()?.iter().map(|r| (RecordKind::City, r.id)));
        ids.extend(
            desk.all::<Person>()?
                .iter()
                .map(|r| (RecordKind::Person, r.id)),
        );
        ids.extend(
            desk.all::<Organisation>()?
                .iter()
                .map(|r| (RecordKind::Organisation, r.id)),
        );
        ids.extend(
            desk.all::<Meeting>()?
                .iter()
                .map(|r| (RecordKind::Meeting, r.id)),
        );
        ids.extend(
            desk.all::<StudyVisit>()?
                .iter()
                .map(|r| (RecordKind::StudyVisit, r.id)),
        );
        ids.extend(
            desk.all::<CooperationPlan>()?
                .iter()
                .map(|r| (RecordKind::CooperationPlan, r.id)),
        );
        ids.extend(
            desk.all::<DisseminationPlan>()?
                .iter()
                .map(|r| (RecordKind::DisseminationPlan, r.id)),
        );
        for (kind, id) in ids {
            me.refresh(desk, kind, id)?;
        }
        Ok(me)
    }

    /// Follows one changed record. False when the change reaches other records' details (a
    /// renamed city is in its people's, organisations' and visits' lines): rebuild then.
    pub fn follow(&mut self, desk: &Desk, collection: &str, id: Id) -> Result<bool, ApiError> {
        if [
            City::COLLECTION,
            Organisation::COLLECTION,
            Pairing::COLLECTION,
        ]
        .contains(&collection)
        {
            return Ok(false);
        }
        if let Some(kind) = RecordKind::of_collection(collection) {
            self.refresh(desk, kind, id)?;
        }
        Ok(true)
    }

    fn refresh(&mut self, desk: &Desk, kind: RecordKind, id: Id) -> Result<(), ApiError> {
        match entry(desk, kind, id)? {
            Some(e) => {
                self.index
                    .upsert((kind, id), &[("name", &e.name), ("detail", &e.detail)], &[]);
                self.entries.insert((kind, id), e);
            }
            None => {
                self.index.remove(&(kind, id));
                self.entries.remove(&(kind, id));
            }
        }
        Ok(())
    }
}

/// A record's name and detail line, read from the store; None once it is deleted.
pub(crate) fn entry(desk: &Desk, kind: RecordKind, id: Id) -> Result<Option<Entry>, ApiError> {
    let store = &desk.store;
    let city_name = |c: Option<Id>| -> Result<Option<String>, ApiError> {
        Ok(match c {
            Some(c) => store.get::<City>(c)?.map(|c| c.name),
            None => None,
        })
    };
    let join = |parts: Vec<Option<String>>| {
        parts
            .into_iter()
            .flatten()
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    Ok(match kind {
        RecordKind::City => store.get::<City>(id)?.map(|c| Entry {
            detail: join(vec![desk
                .programme
                .country(&c.country)
                .map(|k| k.name.clone())]),
            name: match &c.local_name {
                Some(local) if !local.is_empty() => format!("{} ({local})", c.name),
                _ => c.name,
            },
        }),
        RecordKind::Person => match store.get::<Person>(id)? {
            Some(p) => {
                let org = match p.organisation {
                    Some(o) => store.get::<Organisation>(o)?.map(|o| o.name),
                    None => None,
                };
                Some(Entry {
                    detail: join(vec![Some(p.role), org, city_name(p.city)?]),
                    name: p.name,
                })
            }
            None => None,
        },
        RecordKind::Organisation => match store.get::<Organisation>(id)? {
            Some(o) => Some(Entry {
                detail: join(vec![Some(o.kind.label().to_string()), city_name(o.city)?]),
                name: o.name,
            }),
            None => None,
        },
        RecordKind::Meeting => store.get::<Meeting>(id)?.map(|m| Entry {
            detail: m.start.format("%-d %b %Y").to_string(),
            name: m.title,
        }),
        RecordKind::StudyVisit => match store.get::<StudyVisit>(id)? {
            Some(v) => Some(Entry {
                detail: join(vec![city_name(Some(v.host_city))?, Some(v.start_date)]),
                name: v.title,
            }),
            None => None,
        },
        RecordKind::CooperationPlan => match store.get::<CooperationPlan>(id)? {
            Some(p) => {
                let pair = match store.get::<Pairing>(p.pairing)? {
                    Some(pair) => Some(format!(
                        "{} – {}",
                        city_name(Some(pair.eu_city))?.unwrap_or_default(),
                        city_name(Some(pair.partner_city))?.unwrap_or_default()
                    )),
                    None => None,
                };
                Some(Entry {
                    name: if p.title.trim().is_empty() {
                        "Untitled cooperation plan".into()
                    } else {
                        p.title
                    },
                    detail: join(vec![pair]),
                })
            }
            None => None,
        },
        RecordKind::DisseminationPlan => match store.get::<DisseminationPlan>(id)? {
            Some(p) => {
                let city = city_name(Some(p.city))?.unwrap_or_default();
                Some(Entry {
                    name: format!("Dissemination plan of {city}"),
                    detail: city,
                })
            }
            None => None,
        },
        // Found through the library's index.
        RecordKind::BestPractice => None,
    })
}

impl Desk {
    /// Every kind of record whose name or detail holds the words, best first: at most
    /// `limit` (up to [`MAX_PAGE`]), practices among them.
    pub fn search_everywhere(
        &self,
        text: &str,
        limit: u32,
    ) -> Result<Vec<EverywhereHit>, ApiError> {
        let limit = limit.clamp(1, MAX_PAGE) as usize;
        if text.trim().is_empty() {
            return Ok(Vec::new());
        }
        let guard = self.search_state()?;
        let state = guard.as_ref().expect("search_state builds the indexes");
        let query = Query {
            text: text.to_string(),
            limit,
            ..Query::default()
        };
        let mut scored: Vec<(f32, EverywhereHit)> = Vec::new();
        for hit in state.everywhere.index.search(&query).hits {
            let Some(entry) = state.everywhere.entries.get(&hit.key) else {
                continue;
            };
            let ranges = marks_in(&hit.highlights, "name");
            let (kind, id) = hit.key;
            scored.push((
                hit.score,
                EverywhereHit {
                    kind,
                    kind_label: kind.label().into(),
                    id,
                    name: snippet::snippet(&entry.name, &ranges),
                    detail: entry.detail.clone(),
                },
            ));
        }
        // Practices are weighed on their own, richer index: a practice whose title matches
        // ranks with the records whose names match.
        let practices = state.practices.index.search(&query);
        for hit in practices.hits {
            let Some(p) = self.store.get::<BestPractice>(hit.key)? else {
                continue;
            };
            let ranges = marks_in(&hit.highlights, "title");
            let city = match p.city {
                Some(c) => self.store.get::<City>(c)?.map(|c| c.name),
                None => None,
            };
            let title = if p.title.trim().is_empty() {
                p.summary.clone()
            } else {
                p.title.clone()
            };
            let ranges = if p.title.trim().is_empty() {
                Vec::new()
            } else {
                ranges
            };
            scored.push((
                hit.score * 0.75,
                EverywhereHit {
                    kind: RecordKind::BestPractice,
                    kind_label: RecordKind::BestPractice.label().into(),
                    id: p.id,
                    name: snippet::snippet(&title, &ranges),
                    detail: city.unwrap_or_default(),
                },
            ));
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        Ok(scored.into_iter().take(limit).map(|(_, h)| h).collect())
    }
}
