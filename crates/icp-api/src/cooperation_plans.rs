//! Cooperation plans: one per pairing, saved as it is typed, checked for completeness before it
//! is sent, issued as frozen versions that can be compared field by field, and duplicated as
//! the start of another pair's plan.
//!
//! A version keeps no copy of the plan: it keeps the store's stamp of the plan's last change
//! when it was issued, and [`icp_store::Store::as_of`] replays the plan's operation history up
//! to that stamp to show it again. Nothing can change a version once issued; a save aimed at
//! one is refused.

use icp_domain::cooperation_plan::{compare, completeness, Gap, Lead, Party, PlanChange};
use icp_domain::pairing::Pairing;
use icp_domain::{
    BestPractice, City, CooperationPlan, DomainError, Id, Issue, Organisation, Person, PlanVersion,
    Record,
};
use icp_store::Stamp;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::known::KnownIds;
use crate::{ApiError, Desk};

/// The id the window sends a plan that is not recorded yet with (`NEW_RECORD_ID`).
const NEW: Id = Id::from_bytes([0; 16]);

/// A plan as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlanView {
    pub plan: CooperationPlan,
    /// What is still missing before it is sent, each with the field to jump to.
    pub gaps: Vec<Gap>,
    /// What is wrong with the plan as stored, each at its field: a link to an organisation,
    /// person, city or practice deleted since it was saved. Empty right after a save.
    pub problems: Vec<Issue>,
    /// Its issued versions, oldest first.
    pub versions: Vec<PlanVersion>,
}

/// One issued version with the plan as it was then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanVersionView {
    pub version: PlanVersion,
    pub plan: CooperationPlan,
    pub gaps: Vec<Gap>,
}

/// Two states of a plan compared; `from`/`to` are version numbers, `None` the current draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanComparison {
    pub plan: Id,
    pub from: Option<u32>,
    pub to: Option<u32>,
    pub changes: Vec<PlanChange>,
}

impl Desk {
    /// The plans of one pairing (at most one) or of every pairing.
    pub fn list_plans(&self, pairing: Option<Id>) -> Result<Vec<CooperationPlan>, ApiError> {
        Ok(match pairing {
            Some(p) => self.store.find("pairing", &p.to_string())?,
            None => self.all()?,
        })
    }

    /// A plan with its gaps, its problems and its versions.
    pub fn get_plan(&self, id: Id) -> Result<PlanView, ApiError> {
        let plan: CooperationPlan = self.one(id, "cooperation plan")?;
        let problems = match plan.validate(&self.programme, &self.known(&plan)?) {
            Ok(_) => Vec::new(),
            Err(e) => e.issues(),
        };
        self.plan_view(plan, problems)
    }

    /// Saves a plan as it is typed: one sent with the all-zero id is new and gets an id of its
    /// own; any other is an edit of one on record (one deleted meanwhile is not brought back,
    /// and an issued version's id is refused: versions are frozen). Objectives and actions
    /// without a key get one. A pairing has one plan: a second is refused at `pairing`. Every
    /// problem comes back with its field and nothing is written.
    pub fn save_plan(&self, plan: &CooperationPlan) -> Result<PlanView, ApiError> {
        let mut draft = if plan.id == NEW {
            CooperationPlan {
                id: self.store.new_id(),
                sample: false,
                ..plan.clone()
            }
        } else {
            if let Some(v) = self.store.get::<PlanVersion>(plan.id)? {
                return Err(frozen(&v));
            }
            let stored: CooperationPlan = self.one(plan.id, "cooperation plan")?;
            CooperationPlan {
                sample: stored.sample,
                ..plan.clone()
            }
        };
        draft.fill_keys();
        let valid = draft.validate(&self.programme, &self.known(&draft)?)?;
        self.refuse_second_plan(&valid)?;
        self.store.save(&valid)?;
        self.plan_view(valid, Vec::new())
    }

    /// Deletes a plan and its versions together.
    pub fn delete_plan(&self, id: Id) -> Result<(), ApiError> {
        if let Some(v) = self.store.get::<PlanVersion>(id)? {
            return Err(frozen(&v));
        }
        let _: CooperationPlan = self.one(id, "cooperation plan")?;
        let versions = self.list_versions(id)?;
        self.store.save_together(|batch| {
            for v in &versions {
                batch.delete::<PlanVersion>(v.id)?;
            }
            batch.delete::<CooperationPlan>(id)?;
            Ok(())
        })?;
        Ok(())
    }

    /// Freezes the plan as it is now as its next version, dated now.
    pub fn issue_version(&self, plan: Id) -> Result<PlanVersion, ApiError> {
        let current: CooperationPlan = self.one(plan, "cooperation plan")?;
        let as_of = self
            .store
            .latest_stamp(CooperationPlan::COLLECTION, plan)?
            .ok_or_else(|| not_found("cooperation plan", plan))?;
        let number = self.list_versions(plan)?.last().map_or(1, |v| v.number + 1);
        let version = PlanVersion {
            id: self.store.new_id(),
            plan,
            number,
            issued_at: chrono::Utc::now().to_rfc3339(),
            as_of: as_of.to_string(),
            title: current.title,
            sample: current.sample,
        };
        self.store.save(&version)?;
        Ok(version)
    }

    /// A plan's versions, oldest first.
    pub fn list_versions(&self, plan: Id) -> Result<Vec<PlanVersion>, ApiError> {
        let mut all: Vec<PlanVersion> = self.store.find("plan", &plan.to_string())?;
        all.sort_by_key(|v| v.number);
        Ok(all)
    }

    /// Version `number` of a plan, as it was issued.
    pub fn get_version(&self, plan: Id, number: u32) -> Result<PlanVersionView, ApiError> {
        let version = self.version(plan, number)?;
        let content = self.content_of(&version)?;
        Ok(PlanVersionView {
            gaps: completeness(&content, &self.programme),
            plan: content,
            version,
        })
    }

    /// What changed from `from` to `to` (version numbers; `None` is the current draft), field
    /// by field.
    pub fn compare_versions(
        &self,
        plan: Id,
        from: Option<u32>,
        to: Option<u32>,
    ) -> Result<PlanComparison, ApiError> {
        let state = |n: Option<u32>| -> Result<CooperationPlan, ApiError> {
            match n {
                None => self.one(plan, "cooperation plan"),
                Some(n) => self.content_of(&self.version(plan, n)?),
            }
        };
        let (a, b) = (state(from)?, state(to)?);
        Ok(PlanComparison {
            plan,
            from,
            to,
            changes: self.readable(compare(&a, &b))?,
        })
    }

    /// The compared values as a person reads them: a status by its label, a reference to a
    /// city, person, organisation or practice by its name (the name it has now).
    fn readable(&self, mut changes: Vec<PlanChange>) -> Result<Vec<PlanChange>, ApiError> {
        let cities = self.all::<City>()?;
        let people = self.all::<Person>()?;
        let organisations = self.all::<Organisation>()?;
        let practices = self.all::<BestPractice>()?;
        let name = |kind: &str, id: Id| -> Option<String> {
            match kind {
                "city" => cities.iter().find(|c| c.id == id).map(|c| c.name.clone()),
                "person" => people.iter().find(|p| p.id == id).map(|p| p.name.clone()),
                "organisation" => organisations
                    .iter()
                    .find(|o| o.id == id)
                    .map(|o| o.name.clone()),
                "practice" => practices
                    .iter()
                    .find(|p| p.id == id)
                    .map(|p| p.title.clone()),
                _ => None,
            }
        };
        let one = |field: &str, value: &str| -> String {
            let list = field.split('.').next().unwrap_or_default();
            if field.ends_with(".status") {
                if let Ok(status) = serde_json::from_value::<
                    icp_domain::cooperation_plan::PlanActionStatus,
                >(serde_json::Value::String(value.to_string()))
                {
                    return status.label().to_string();
                }
            }
            let plain = match list {
                "stakeholders" => Some("organisation"),
                "practices" => Some("practice"),
                _ => None,
            };
            value
                .split(", ")
                .map(|piece| {
                    let (kind, id) = match (plain, piece.split_once(' ')) {
                        (Some(kind), _) => (kind, piece),
                        (None, Some((kind, id))) => (kind, id),
                        (None, None) => return piece.to_string(),
                    };
                    id.parse::<Id>()
                        .ok()
                        .and_then(|id| name(kind, id))
                        .unwrap_or_else(|| piece.to_string())
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        for c in &mut changes {
            c.before = one(&c.field, &c.before);
            c.after = one(&c.field, &c.after);
        }
        Ok(changes)
    }

    /// Starts the plan of `to_pairing` from the current draft of `plan`: same content and keys,
    /// every action back to planned, no versions.
    pub fn duplicate_plan(&self, plan: Id, to_pairing: Id) -> Result<PlanView, ApiError> {
        let source: CooperationPlan = self.one(plan, "cooperation plan")?;
        let copy = source.duplicate_for(NEW, to_pairing);
        self.save_plan(&copy)
    }
}

impl Desk {
    fn plan_view(&self, plan: CooperationPlan, problems: Vec<Issue>) -> Result<PlanView, ApiError> {
        Ok(PlanView {
            gaps: completeness(&plan, &self.programme),
            versions: self.list_versions(plan.id)?,
            problems,
            plan,
        })
    }

    fn version(&self, plan: Id, number: u32) -> Result<PlanVersion, ApiError> {
        self.list_versions(plan)?
            .into_iter()
            .find(|v| v.number == number)
            .ok_or_else(|| not_found("version", plan))
    }

    /// The plan as it was when the version was issued, replayed from its history.
    fn content_of(&self, version: &PlanVersion) -> Result<CooperationPlan, ApiError> {
        let stamp: Stamp = version
            .as_of
            .parse()
            .map_err(|_| not_found("version", version.id))?;
        self.store
            .as_of::<CooperationPlan>(version.plan, stamp)?
            .ok_or_else(|| not_found("version", version.id))
    }

    /// A pairing has one plan.
    fn refuse_second_plan(&self, plan: &CooperationPlan) -> Result<(), ApiError> {
        let others: Vec<CooperationPlan> = self.store.find("pairing", &plan.pairing.to_string())?;
        if others.iter().any(|o| o.id != plan.id) {
            return Err(DomainError::Duplicate {
                field: "pairing",
                what: "cooperation plan for this pair; open it instead",
            }
            .into());
        }
        Ok(())
    }

    /// Looks up only the records the plan names, each once.
    fn known(&self, plan: &CooperationPlan) -> Result<KnownIds, ApiError> {
        let (mut cities, mut people, mut organisations) = (vec![], vec![], vec![]);
        for a in &plan.actions {
            match a.lead {
                Some(Lead::City(id)) => cities.push(id),
                Some(Lead::Organisation(id)) => organisations.push(id),
                None => {}
            }
            for p in &a.partners {
                match *p {
                    Party::Person(id) => people.push(id),
                    Party::Organisation(id) => organisations.push(id),
                }
            }
        }
        organisations.extend(&plan.stakeholders);
        Ok(KnownIds {
            pairings: self.existing::<Pairing>([plan.pairing])?,
            cities: self.existing::<City>(cities)?,
            people: self.existing::<Person>(people)?,
            organisations: self.existing::<Organisation>(organisations)?,
            practices: self.existing::<BestPractice>(plan.practices.iter().copied())?,
            ..KnownIds::default()
        })
    }
}

fn frozen(v: &PlanVersion) -> ApiError {
    DomainError::Frozen {
        what: "cooperation plan",
        number: v.number,
        issued_at: v.issued_on().to_string(),
    }
    .into()
}

fn not_found(what: &'static str, id: Id) -> ApiError {
    DomainError::NotFound {
        what,
        id: id.to_string(),
    }
    .into()
}
