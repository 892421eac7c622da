//! The dissemination plan and its checks.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checks::in_list;
use crate::cooperation_plan::{PlanActionStatus, KEY_MAX, LONG_TEXT_MAX, SHORT_TEXT_MAX, TEXT_MAX};
use crate::{DomainError, Id, Record};

/// One city's plan for spreading what it learned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DisseminationPlan {
    pub id: Id,
    /// The city reporting; one plan a city.
    pub city: Id,
    /// The city's own introduction, as it will read in the book.
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub practices: Vec<PracticeToSpread>,
    #[serde(default)]
    pub sample: bool,
}

/// A practice the city means to spread.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct PracticeToSpread {
    /// Stable within the plan, so an entry keeps its identity when the list is reordered.
    #[serde(default)]
    pub key: String,
    /// The best practice captured in ICP Desk, when it was.
    #[serde(default)]
    pub practice: Option<Id>,
    /// Its name as the city tells it; printed when no captured practice is linked.
    #[serde(default)]
    pub title: String,
    /// Who may adopt it.
    #[serde(default)]
    pub adopters: Vec<Adopter>,
    /// What needs adapting for them (law, climate, budget, language…).
    #[serde(default)]
    pub adaptation: String,
    /// How it will be spread: networks, conferences, publications, exchanges.
    #[serde(default)]
    pub channels: Vec<String>,
    #[serde(default)]
    pub status: PlanActionStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AdopterKind {
    #[default]
    City,
    Region,
    NationalBody,
    Other,
}

impl AdopterKind {
    pub fn label(self) -> &'static str {
        match self {
            AdopterKind::City => "City",
            AdopterKind::Region => "Region",
            AdopterKind::NationalBody => "National body",
            AdopterKind::Other => "Other",
        }
    }
}

/// A city, region or national body that may adopt a practice. A city of the directory is
/// linked by `city`; any other is named in `name`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct Adopter {
    #[serde(default)]
    pub kind: AdopterKind,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub city: Option<Id>,
}

/// What a dissemination plan may refer to.
pub trait DisseminationRefs {
    fn city(&self, id: Id) -> bool;
    fn practice(&self, id: Id) -> bool;
}

impl Record for DisseminationPlan {
    const COLLECTION: &'static str = "dissemination_plan";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        vec![("city", self.city.to_string())]
    }
}

/// How many practices and adopters a plan may list, and channels a practice: far above any
/// real plan, low enough that a runaway paste cannot swamp the store.
const LIST_MAX: usize = 200;

impl DisseminationPlan {
    pub fn new(id: Id, city: Id) -> DisseminationPlan {
        DisseminationPlan {
            id,
            city,
            summary: String::new(),
            practices: Vec::new(),
            sample: false,
        }
    }

    /// Gives every practice without a key one of its own (`p1`, `p2`… after the highest).
    pub fn fill_keys(&mut self) {
        let mut next = self
            .practices
            .iter()
            .filter_map(|p| p.key.strip_prefix('p')?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        for p in self
            .practices
            .iter_mut()
            .filter(|p| p.key.trim().is_empty())
        {
            next += 1;
            p.key = format!("p{next}");
        }
    }

    /// Every problem at once, each at its field; a plan with little written is not a problem.
    pub fn validate(
        &self,
        refs: &impl DisseminationRefs,
    ) -> Result<DisseminationPlan, DomainError> {
        let mut problems = Vec::new();
        if !refs.city(self.city) {
            problems.push(DomainError::UnknownCity {
                field: "city",
                id: self.city.to_string(),
            });
        }
        too_long(
            &self.summary,
            "summary",
            "The introduction",
            LONG_TEXT_MAX,
            &mut problems,
        );
        if self.practices.len() > LIST_MAX {
            problems.push(DomainError::OutOfRange {
                field: "practices",
                label: "The number of practices",
                min: 0,
                max: LIST_MAX as u32,
            });
        }
        for (index, p) in self.practices.iter().enumerate() {
            let mut own = Vec::new();
            if p.key.chars().count() > KEY_MAX {
                own.push(DomainError::TooLong {
                    field: "key",
                    label: "The key",
                    max: KEY_MAX,
                });
            } else if !p.key.is_empty() && self.practices[..index].iter().any(|q| q.key == p.key) {
                own.push(DomainError::Duplicate {
                    field: "key",
                    what: "practice with this key",
                });
            }
            if let Some(id) = p.practice.filter(|id| !refs.practice(*id)) {
                own.push(DomainError::UnknownRecord {
                    field: "practice",
                    what: "best practice",
                    id: id.to_string(),
                });
            }
            too_long(
                &p.title,
                "title",
                "The practice's name",
                SHORT_TEXT_MAX,
                &mut own,
            );
            too_long(
                &p.adaptation,
                "adaptation",
                "What needs adapting",
                TEXT_MAX,
                &mut own,
            );
            if p.adopters.len() > LIST_MAX || p.channels.len() > LIST_MAX {
                own.push(DomainError::OutOfRange {
                    field: if p.adopters.len() > LIST_MAX {
                        "adopters"
                    } else {
                        "channels"
                    },
                    label: "The number of entries",
                    min: 0,
                    max: LIST_MAX as u32,
                });
            }
            for (i, a) in p.adopters.iter().enumerate() {
                let mut mine = Vec::new();
                too_long(&a.name, "name", "The name", SHORT_TEXT_MAX, &mut mine);
                if let Some(id) = a.city.filter(|id| !refs.city(*id)) {
                    mine.push(DomainError::UnknownCity {
                        field: "city",
                        id: id.to_string(),
                    });
                }
                own.extend(mine.into_iter().map(in_list("adopters", "Adopter", i)));
            }
            for (i, c) in p.channels.iter().enumerate() {
                let mut mine = Vec::new();
                too_long(c, "text", "The channel", SHORT_TEXT_MAX, &mut mine);
                own.extend(mine.into_iter().map(in_list("channels", "Channel", i)));
            }
            problems.extend(own.into_iter().map(in_list("practices", "Practice", index)));
        }
        DomainError::collect(problems)?;
        let mut plan = self.clone();
        plan.fill_keys();
        Ok(plan)
    }
}

fn too_long(
    value: &str,
    field: &'static str,
    label: &'static str,
    max: usize,
    problems: &mut Vec<DomainError>,
) {
    if value.chars().count() > max {
        problems.push(DomainError::TooLong { field, label, max });
    }
}
