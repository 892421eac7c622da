//! A cooperation plan printed: the draft as it stands or an issued version as it was, with
//! every reference read as a name and the actions drawn on the programme's months.

use std::path::Path;

use icp_domain::cooperation_plan::{parse_month, CooperationPlan, Lead, Party};
use icp_domain::meeting::BelongsTo;
use icp_domain::{BestPractice, City, Id, Organisation, Person};
use icp_print::documents::cooperation_plan::{cooperation_plan, PlanActionRow, PlanDocument};
use icp_print::{render_pdf, Month, Paper, Timeline, TimelineRow};

use crate::print::write_file;
use crate::{ApiError, Desk};

impl Desk {
    /// The plan as PDF bytes: `version` N as it was issued, or the draft with `None`.
    pub fn plan_pdf(
        &self,
        plan: Id,
        version: Option<u32>,
        paper: Paper,
    ) -> Result<Vec<u8>, ApiError> {
        let (content, label) = match version {
            Some(n) => {
                let v = self.get_version(plan, n)?;
                let issued = chrono::DateTime::parse_from_rfc3339(&v.version.issued_at)
                    .map(|t| t.format("%-d %B %Y").to_string())
                    .unwrap_or(v.version.issued_at.clone());
                (v.plan, format!("Version {n}, issued {issued}"))
            }
            None => (
                self.get_plan(plan)?.plan,
                format!("Draft, printed {}", chrono::Utc::now().format("%-d %B %Y")),
            ),
        };
        let doc = self.plan_document(&content, label)?;
        render_pdf(&cooperation_plan(&doc, paper), self.fonts()?).map_err(ApiError::Print)
    }

    /// Writes the plan to `path`; a failed export leaves nothing under that name.
    pub fn export_plan(
        &self,
        plan: Id,
        version: Option<u32>,
        paper: Paper,
        path: &Path,
    ) -> Result<u64, ApiError> {
        let bytes = self.plan_pdf(plan, version, paper)?;
        write_file(path, &bytes)
    }

    fn plan_document(
        &self,
        plan: &CooperationPlan,
        version_label: String,
    ) -> Result<PlanDocument, ApiError> {
        let cities = self.all::<City>()?;
        let people = self.all::<Person>()?;
        let organisations = self.all::<Organisation>()?;
        let practices = self.all::<BestPractice>()?;
        let city = |id: Id| {
            cities
                .iter()
                .find(|c| c.id == id)
                .map_or("a city no longer listed".to_string(), |c| c.name.clone())
        };
        let organisation = |id: Id| {
            organisations
                .iter()
                .find(|o| o.id == id)
                .map_or("an organisation no longer listed".to_string(), |o| {
                    o.name.clone()
                })
        };
        let party = |p: &Party| match *p {
            Party::Person(id) => people
                .iter()
                .find(|x| x.id == id)
                .map_or("someone no longer listed".to_string(), |x| x.name.clone()),
            Party::Organisation(id) => organisation(id),
        };
        let month_label = |m: &str| match parse_month(m) {
            Some((year, month)) => format!("{} {year}", Month { year, month }.short_name()),
            None => m.trim().to_string(),
        };

        // A programme without phases has no period to draw on: the chart says so.
        let months = self
            .programme
            .period()
            .and_then(|(a, b)| Some((parse_month(a)?, parse_month(b)?)))
            .map(|((y1, m1), (y2, m2))| {
                Month::range(
                    Month {
                        year: y1,
                        month: m1,
                    },
                    Month {
                        year: y2,
                        month: m2,
                    },
                )
            })
            .unwrap_or_default();
        let index = |m: &str| {
            let (y, mo) = parse_month(m)?;
            months.iter().position(|k| k.year == y && k.month == mo)
        };

        let objective_numbers = |keys: &[String]| {
            keys.iter()
                .filter_map(|k| plan.objectives.iter().position(|o| &o.key == k))
                .map(|i| (i + 1).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let actions = plan
            .actions
            .iter()
            .map(|a| PlanActionRow {
                title: a.title.clone(),
                lead: match a.lead {
                    Some(Lead::City(id)) => city(id),
                    Some(Lead::Organisation(id)) => organisation(id),
                    None => String::new(),
                },
                partners: a.partners.iter().map(party).collect::<Vec<_>>().join(", "),
                start: month_label(&a.start),
                end: month_label(&a.end),
                indicators: a
                    .indicators
                    .iter()
                    .map(|i| {
                        let mut text = i.name.trim().to_string();
                        if !i.baseline.trim().is_empty() || !i.target.trim().is_empty() {
                            text.push_str(&format!(
                                ": {} → {}",
                                i.baseline.trim(),
                                i.target.trim()
                            ));
                        }
                        if !i.unit.trim().is_empty() {
                            text.push_str(&format!(" {}", i.unit.trim()));
                        }
                        text
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                status: a.status.label().to_string(),
                objectives: objective_numbers(&a.objectives),
            })
            .collect();
        let rows = plan
            .actions
            .iter()
            .enumerate()
            .map(|(i, a)| TimelineRow {
                label: format!("{}. {}", i + 1, a.title.trim()),
                bars: match (index(&a.start), index(&a.end)) {
                    (Some(s), Some(e)) => vec![(s, e)],
                    _ => Vec::new(),
                },
                note: match (index(&a.start), index(&a.end)) {
                    (Some(_), Some(_)) => String::new(),
                    _ => "No dates inside the programme yet".into(),
                },
            })
            .collect();

        Ok(PlanDocument {
            title: if plan.title.trim().is_empty() {
                "Cooperation plan".into()
            } else {
                plan.title.clone()
            },
            pairing: self
                .part_of(BelongsTo::Pairing(plan.pairing))?
                .unwrap_or_default(),
            version_label,
            sections: vec![
                ("Context".into(), plan.context.clone()),
                ("Shared challenge".into(), plan.challenge.clone()),
                (
                    "Stakeholders involved".into(),
                    plan.stakeholders
                        .iter()
                        .map(|id| organisation(*id))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
            ],
            objectives: plan.objectives.iter().map(|o| o.text.clone()).collect(),
            actions,
            timeline: Timeline {
                label_title: "Action".into(),
                months,
                rows,
            },
            risks: plan
                .risks
                .iter()
                .map(|r| (r.risk.clone(), r.mitigation.clone()))
                .collect(),
            practices: plan
                .practices
                .iter()
                .map(|id| match practices.iter().find(|p| p.id == *id) {
                    Some(p) => (p.title.clone(), p.city.map(&city).unwrap_or_default()),
                    None => ("A practice no longer listed".into(), String::new()),
                })
                .collect(),
        })
    }
}
