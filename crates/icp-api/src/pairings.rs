//! Pairing the programme's EU cities with its non-EU cities: the compatibility of every
//! possible pair, factor by factor, and the best assignment under the coordinator's locks and
//! exclusions.

use chrono::{Datelike, NaiveDate, Weekday};
use icp_domain::pairing::{
    compatibility, suggest_pairs, with_accepted, Compatibility, Pairing, PairingCity,
    PairingConstraints, PairingDraft, PairingSuggestion,
};
use icp_domain::{Candidature, City, Cluster, DomainError, Id, Region};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Desk};

/// A city as the pairing board names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PairingCityRef {
    pub id: Id,
    pub name: String,
    pub country: String,
}

/// Everything the pairing board shows: the two sides, the compatibility of every EU city
/// (rows) with every non-EU city (columns), and the suggested pairs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PairingBoard {
    pub eu: Vec<PairingCityRef>,
    pub partners: Vec<PairingCityRef>,
    pub matrix: Vec<Vec<Compatibility>>,
    pub suggestion: PairingSuggestion,
}

impl Desk {
    pub fn list_pairings(&self) -> Result<Vec<Pairing>, ApiError> {
        self.all::<Pairing>()
    }

    /// Accepts pairs (EU city, non-EU city) in one transaction: every pair is checked, and a
    /// city already paired, or paired twice in `pairs`, refuses the whole set.
    pub fn accept_pairings(&self, pairs: &[(Id, Id)]) -> Result<Vec<Pairing>, ApiError> {
        let sides = self.sides()?;
        let existing = self.all::<Pairing>()?;
        // Scored on their own: the whole board's assignment is not needed for a few pairs.
        let day = reference_day(&self.programme);
        let score = |a: Id, b: Id| match (find(&sides.eu, a), find(&sides.partners, b)) {
            (Some(a), Some(b)) => compatibility(a, b, day).total,
            _ => 0,
        };
        let is_eu = |id: Id| {
            if find(&sides.eu, id).is_some() {
                Some(true)
            } else {
                find(&sides.partners, id).map(|_| false)
            }
        };
        let mut accepted: Vec<Pairing> = Vec::new();
        let mut problems = Vec::new();
        for (index, (eu, partner)) in pairs.iter().enumerate() {
            let draft = Pairing {
                id: self.store.new_id(),
                eu_city: *eu,
                partner_city: *partner,
                manager: None,
                score: score(*eu, *partner),
                sample: false,
            };
            let paired_with = |id: Id| {
                existing
                    .iter()
                    .chain(&accepted)
                    .find(|p| p.eu_city == id || p.partner_city == id)
                    .map(|p| {
                        if p.eu_city == id {
                            p.partner_city
                        } else {
                            p.eu_city
                        }
                    })
            };
            match draft.validate(is_eu, paired_with) {
                Ok(p) => accepted.push(p),
                Err(error) => problems.push(DomainError::InList {
                    list: "pairs",
                    label: "Pair",
                    index,
                    error: Box::new(error),
                }),
            }
        }
        if !problems.is_empty() {
            return Err(DomainError::Invalid(problems).into());
        }
        self.store.save_many(&accepted)?;
        Ok(accepted)
    }

    /// Keeps the board's locks and exclusions as the coordinator changes them.
    pub fn save_pairing_constraints(
        &self,
        constraints: &PairingConstraints,
    ) -> Result<(), ApiError> {
        self.store.save(&PairingDraft {
            id: PairingDraft::ID,
            constraints: constraints.clone(),
        })?;
        Ok(())
    }

    /// The locks and exclusions the board was left with (none at first).
    pub fn pairing_constraints(&self) -> Result<PairingConstraints, ApiError> {
        Ok(self
            .store
            .get::<PairingDraft>(PairingDraft::ID)?
            .map(|d| d.constraints)
            .unwrap_or_default())
    }

    /// Names (or, with `None`, removes) the pairing manager, a person of the directory.
    pub fn set_pairing_manager(&self, id: Id, manager: Option<Id>) -> Result<Pairing, ApiError> {
        let mut pairing: Pairing = self.one(id, "pairing")?;
        if let Some(m) = manager {
            self.one::<icp_domain::Person>(m, "person").map_err(|_| {
                DomainError::UnknownRecord {
                    field: "manager",
                    what: "person",
                    id: m.to_string(),
                }
            })?;
        }
        pairing.manager = manager;
        self.store.save(&pairing)?;
        Ok(pairing)
    }

    pub fn delete_pairing(&self, id: Id) -> Result<(), ApiError> {
        self.delete_one::<Pairing>(id, "pairing")
    }

    /// The board: every compatibility and the best assignment. Pairs already accepted stay
    /// as they are (they are locked), so a suggestion only fills in the cities still open.
    pub fn suggest_pairings(
        &self,
        constraints: &PairingConstraints,
    ) -> Result<PairingBoard, ApiError> {
        let Sides {
            cities,
            eu,
            partners,
        } = self.sides()?;
        let name = |id: Id| {
            cities
                .iter()
                .find(|c| c.id == id)
                .map_or_else(|| "A city no longer listed".to_string(), |c| c.name.clone())
        };
        let constraints = with_accepted(constraints, &self.all::<Pairing>()?, name)?;
        let day = reference_day(&self.programme);
        let matrix: Vec<Vec<Compatibility>> = eu
            .iter()
            .map(|a| partners.iter().map(|b| compatibility(a, b, day)).collect())
            .collect();
        let scores: Vec<Vec<i64>> = matrix
            .iter()
            .map(|row| row.iter().map(|c| c.total).collect())
            .collect();
        let ids = |side: &[PairingCity]| side.iter().map(|c| c.id).collect::<Vec<_>>();
        let suggestion = suggest_pairs(&ids(&eu), &ids(&partners), &scores, &constraints)?;
        let refs = |side: &[PairingCity]| {
            side.iter()
                .map(|p| PairingCityRef {
                    id: p.id,
                    name: p.name.clone(),
                    country: cities
                        .iter()
                        .find(|c| c.id == p.id)
                        .map(|c| c.country.clone())
                        .unwrap_or_default(),
                })
                .collect()
        };
        Ok(PairingBoard {
            eu: refs(&eu),
            partners: refs(&partners),
            matrix,
            suggestion,
        })
    }
}

/// The directory's cities as pairing sees them, each side by name.
struct Sides {
    cities: Vec<City>,
    eu: Vec<PairingCity>,
    partners: Vec<PairingCity>,
}

impl Desk {
    fn sides(&self) -> Result<Sides, ApiError> {
        let cities = self.all::<City>()?;
        let candidatures = self.all::<Candidature>()?;
        let clusters = self.all::<Cluster>()?;
        let is_eu = |c: &City| {
            self.programme
                .country(&c.country)
                .is_some_and(|k| k.region == Region::Eu)
        };
        let side = |eu: bool| -> Vec<PairingCity> {
            let mut side: Vec<PairingCity> = cities
                .iter()
                .filter(|c| is_eu(c) == eu)
                .map(|c| pairing_city(c, &candidatures, &clusters))
                .collect();
            side.sort_by(|a, b| a.name.cmp(&b.name));
            side
        };
        Ok(Sides {
            eu: side(true),
            partners: side(false),
            cities,
        })
    }
}

fn find(side: &[PairingCity], id: Id) -> Option<&PairingCity> {
    side.iter().find(|c| c.id == id)
}

/// What pairing knows of a city: its languages and clock from the directory, its theme
/// priorities from its candidature (same name and country), its clusters.
fn pairing_city(city: &City, candidatures: &[Candidature], clusters: &[Cluster]) -> PairingCity {
    let fold = icp_domain::text::fold;
    let priorities = candidatures
        .iter()
        .find(|c| c.country == city.country && fold(&c.city_name) == fold(&city.name))
        .map(Candidature::theme_priorities)
        .unwrap_or_default();
    PairingCity {
        id: city.id,
        name: city.name.clone(),
        priorities,
        clusters: clusters
            .iter()
            .filter(|k| k.members.iter().any(|m| m.city == city.id))
            .map(|k| k.theme.clone())
            .collect(),
        time_zone: city.time_zone.parse().ok(),
        languages: city.languages.clone(),
    }
}

/// Working hours are compared on the first Tuesday of the phase in which paired cities start
/// meeting online (the programme's second phase), so daylight-saving time is as it will be.
fn reference_day(programme: &icp_domain::Programme) -> NaiveDate {
    let start = programme
        .phases
        .get(1)
        .and_then(|p| NaiveDate::parse_from_str(&format!("{}-01", p.start_month), "%Y-%m-%d").ok())
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(2022, 5, 1).expect("a date"));
    start
        .iter_days()
        .find(|d| d.weekday() == Weekday::Tue)
        .unwrap_or(start)
}
