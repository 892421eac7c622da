//! Dissemination plans, one a city, saved as they are typed, and the closing-conference book
//! that prints them together.

use icp_domain::dissemination::DisseminationPlan;
use icp_domain::{BestPractice, City, DomainError, Id};

use crate::known::KnownIds;
use crate::{ApiError, Desk};

/// The id the window sends a plan not recorded yet with (`NEW_RECORD_ID`).
const NEW: Id = Id::from_bytes([0; 16]);

impl Desk {
    /// Every city's plan, by the city's name.
    pub fn list_dissemination_plans(&self) -> Result<Vec<DisseminationPlan>, ApiError> {
        let cities = self.all::<City>()?;
        let name = |id: Id| {
            cities
                .iter()
                .find(|c| c.id == id)
                .map(|c| icp_domain::text::fold(&c.name))
                .unwrap_or_default()
        };
        let mut all = self.all::<DisseminationPlan>()?;
        all.sort_by_cached_key(|p| (name(p.city), p.id));
        Ok(all)
    }

    pub fn get_dissemination_plan(&self, id: Id) -> Result<DisseminationPlan, ApiError> {
        self.one(id, "dissemination plan")
    }

    /// Saves a plan as it is typed: a new one when sent with the all-zero id (a city has one
    /// plan), else an edit of the one on record (one deleted meanwhile is not brought back).
    pub fn save_dissemination_plan(
        &self,
        plan: &DisseminationPlan,
    ) -> Result<DisseminationPlan, ApiError> {
        let draft = if plan.id == NEW {
            DisseminationPlan {
                id: self.store.new_id(),
                sample: false,
                ..plan.clone()
            }
        } else {
            let stored: DisseminationPlan = self.one(plan.id, "dissemination plan")?;
            DisseminationPlan {
                sample: stored.sample,
                ..plan.clone()
            }
        };
        let valid = self.checked_dissemination_plan(&draft)?;
        self.store.save(&valid)?;
        Ok(valid)
    }

    /// The plan checked against the records it names, and refused when its city already has
    /// another plan.
    pub(crate) fn checked_dissemination_plan(
        &self,
        plan: &DisseminationPlan,
    ) -> Result<DisseminationPlan, ApiError> {
        let same_city: Vec<DisseminationPlan> = self.store.find("city", &plan.city.to_string())?;
        if same_city.iter().any(|o| o.id != plan.id) {
            return Err(DomainError::Duplicate {
                field: "city",
                what: "dissemination plan for this city",
            }
            .into());
        }
        // Saved on every pause in typing: only the cities and practices it names are looked up.
        let cities = std::iter::once(plan.city).chain(
            plan.practices
                .iter()
                .flat_map(|p| p.adopters.iter().filter_map(|a| a.city)),
        );
        let known = KnownIds {
            cities: self.existing::<City>(cities)?,
            practices: self
                .existing::<BestPractice>(plan.practices.iter().filter_map(|p| p.practice))?,
            ..KnownIds::default()
        };
        Ok(plan.validate(&known)?)
    }

    pub fn delete_dissemination_plan(&self, id: Id) -> Result<(), ApiError> {
        self.delete_one::<DisseminationPlan>(id, "dissemination plan")
    }
}

impl Desk {
    /// Every city's plan as one PDF, the cities by name.
    pub fn closing_book_pdf(&self, paper: icp_print::Paper) -> Result<Vec<u8>, ApiError> {
        use icp_print::documents::closing_book::{
            closing_book, BookDocument, CityChapter, PracticeRow,
        };
        let cities = self.all::<City>()?;
        let practices = self.all::<BestPractice>()?;
        let city_name = |id: Id| {
            cities
                .iter()
                .find(|c| c.id == id)
                .map_or("a city no longer listed".to_string(), |c| c.name.clone())
        };
        let chapters = self
            .list_dissemination_plans()?
            .into_iter()
            .map(|plan| {
                let city = cities.iter().find(|c| c.id == plan.city);
                let country = city
                    .and_then(|c| self.programme.country(&c.country))
                    .map(|c| c.name.clone());
                CityChapter {
                    city: match country {
                        Some(country) => format!("{}, {country}", city_name(plan.city)),
                        None => city_name(plan.city),
                    },
                    summary: plan.summary.clone(),
                    practices: plan
                        .practices
                        .iter()
                        .map(|p| PracticeRow {
                            practice: p
                                .practice
                                .and_then(|id| practices.iter().find(|k| k.id == id))
                                .map_or_else(|| p.title.clone(), |k| k.title.clone()),
                            adopters: p
                                .adopters
                                .iter()
                                .map(|a| {
                                    let name = match (a.city, a.name.trim()) {
                                        (Some(id), "") => city_name(id),
                                        (_, name) => name.to_string(),
                                    };
                                    format!("{name} ({})", a.kind.label().to_lowercase())
                                })
                                .collect::<Vec<_>>()
                                .join("; "),
                            adaptation: p.adaptation.clone(),
                            channels: p
                                .channels
                                .iter()
                                .filter(|c| !c.trim().is_empty())
                                .cloned()
                                .collect::<Vec<_>>()
                                .join("; "),
                            status: p.status.label().to_string(),
                        })
                        .collect(),
                }
            })
            .collect();
        let doc = BookDocument {
            title: "Closing conference".into(),
            printed: format!("Printed {}", chrono::Utc::now().format("%-d %B %Y")),
            cities: chapters,
        };
        icp_print::render_pdf(&closing_book(&doc, paper), self.fonts()?).map_err(ApiError::Print)
    }

    /// Writes the book to `path`; a failed export leaves nothing under that name.
    pub fn export_closing_book(
        &self,
        paper: icp_print::Paper,
        path: &std::path::Path,
    ) -> Result<u64, ApiError> {
        let bytes = self.closing_book_pdf(paper)?;
        crate::print::write_file(path, &bytes)
    }
}
