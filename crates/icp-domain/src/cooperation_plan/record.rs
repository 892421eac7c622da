//! The cooperation plan of one pairing, its parts, and the checks that keep it saveable.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checks::in_list;
use crate::{DomainError, Id, Programme, Record};

pub const TITLE_MAX: usize = 200;
/// An indicator's name, baseline, target and unit; a risk's key.
pub const SHORT_TEXT_MAX: usize = 200;
/// An objective, a risk, a mitigation, an action's resources.
pub const TEXT_MAX: usize = 2_000;
/// The context, the shared challenge, an action's description.
pub const LONG_TEXT_MAX: usize = 10_000;
/// A key is a short token (`o3`, `a12`), made by the desk ([`CooperationPlan::fill_keys`]) or
/// the window.
pub const KEY_MAX: usize = 40;

/// The plan of one pairing. Every field but the pairing may be missing: the plan saves as it is
/// typed, and text is kept exactly as typed (trimming would eat the space before the next word).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CooperationPlan {
    pub id: Id,
    pub pairing: Id,
    #[serde(default)]
    pub title: String,
    /// Where the two cities stand: their situation as it bears on the plan.
    #[serde(default)]
    pub context: String,
    /// The challenge both cities share and the plan takes on.
    #[serde(default)]
    pub challenge: String,
    #[serde(default)]
    pub objectives: Vec<Objective>,
    #[serde(default)]
    pub actions: Vec<PlanAction>,
    /// Organisations of the directory involved: firms, agencies, universities, research
    /// centres…
    #[serde(default)]
    pub stakeholders: Vec<Id>,
    #[serde(default)]
    pub risks: Vec<Risk>,
    /// Best practices (captured in the library) the pair means to transfer.
    #[serde(default)]
    pub practices: Vec<Id>,
    #[serde(default)]
    pub sample: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct Objective {
    /// Stable within the plan; actions name the objectives they serve by it.
    #[serde(default)]
    pub key: String,
    #[serde(default)]
    pub text: String,
}

/// Who leads an action: a city or an organisation of the directory.
/// Serialised as `{"kind": "city", "id": "01…"}` or `{"kind": "organisation", "id": "01…"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Lead {
    City(Id),
    Organisation(Id),
}

/// A partner or stakeholder of an action: a person or an organisation of the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Party {
    Person(Id),
    Organisation(Id),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PlanActionStatus {
    #[default]
    Planned,
    UnderWay,
    Done,
    Dropped,
}

impl PlanActionStatus {
    pub fn label(self) -> &'static str {
        match self {
            PlanActionStatus::Planned => "Planned",
            PlanActionStatus::UnderWay => "Under way",
            PlanActionStatus::Done => "Done",
            PlanActionStatus::Dropped => "Dropped",
        }
    }
}

/// How an action's result is measured: from `baseline` to `target`, in `unit`. Values are
/// text: "12", "about 40 %", "none yet" are all things people write.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct Indicator {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub baseline: String,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct PlanAction {
    /// Stable within the plan.
    #[serde(default)]
    pub key: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub lead: Option<Lead>,
    #[serde(default)]
    pub partners: Vec<Party>,
    /// First month, `YYYY-MM`; empty until known.
    #[serde(default)]
    pub start: String,
    /// Last month, `YYYY-MM` (inclusive); empty until known.
    #[serde(default)]
    pub end: String,
    #[serde(default)]
    pub resources: String,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub status: PlanActionStatus,
    /// Keys of the objectives it serves.
    #[serde(default)]
    pub objectives: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct Risk {
    #[serde(default)]
    pub risk: String,
    #[serde(default)]
    pub mitigation: String,
}

/// What a plan may refer to, so validation can check each reference exists.
pub trait PlanRefs {
    fn pairing(&self, id: Id) -> bool;
    fn city(&self, id: Id) -> bool;
    fn person(&self, id: Id) -> bool;
    fn organisation(&self, id: Id) -> bool;
    fn practice(&self, id: Id) -> bool;
}

impl Record for CooperationPlan {
    const COLLECTION: &'static str = "cooperation_plan";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        vec![("pairing", self.pairing.to_string())]
    }
}

/// A month as `YYYY-MM` (white space around it ignored): `(year, month)`.
pub fn parse_month(value: &str) -> Option<(i32, u32)> {
    let v = value.trim();
    let (y, m) = v.split_once('-')?;
    if y.len() != 4 || m.len() != 2 || !(y.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let month: u32 = m.parse().ok()?;
    (1..=12)
        .contains(&month)
        .then_some((y.parse().ok()?, month))
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

/// The highest number `n` of the keys `{prefix}{n}` among `taken` (0 if none).
fn highest_key<'a>(prefix: &str, taken: impl Iterator<Item = &'a str>) -> u32 {
    taken
        .filter_map(|k| k.strip_prefix(prefix)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0)
}

impl CooperationPlan {
    /// An empty plan for a pairing.
    pub fn new(id: Id, pairing: Id) -> CooperationPlan {
        CooperationPlan {
            id,
            pairing,
            title: String::new(),
            context: String::new(),
            challenge: String::new(),
            objectives: vec![],
            actions: vec![],
            stakeholders: vec![],
            risks: vec![],
            practices: vec![],
            sample: false,
        }
    }

    /// Gives each objective and action without a key one of its own (`o4`, `a12`: the next
    /// number free in the plan); keys already there are left alone.
    pub fn fill_keys(&mut self) {
        let mut n = highest_key("o", self.objectives.iter().map(|o| o.key.as_str()));
        for o in self.objectives.iter_mut().filter(|o| o.key.is_empty()) {
            n += 1;
            o.key = format!("o{n}");
        }
        let mut n = highest_key("a", self.actions.iter().map(|a| a.key.as_str()));
        for a in self.actions.iter_mut().filter(|a| a.key.is_empty()) {
            n += 1;
            a.key = format!("a{n}");
        }
    }

    /// The plan as the start of another pair's plan: same text, objectives, actions and keys
    /// (so the links between them hold), every action back to planned; no versions come with
    /// it (they belong to the plan they were issued from).
    pub fn duplicate_for(&self, id: Id, pairing: Id) -> CooperationPlan {
        let mut copy = CooperationPlan {
            id,
            pairing,
            sample: false,
            ..self.clone()
        };
        for a in &mut copy.actions {
            a.status = PlanActionStatus::Planned;
        }
        copy
    }

    /// The action's name in a sentence: “Repair cafés”, or “Action 3” while it has no title.
    pub fn action_name(&self, index: usize) -> String {
        match self.actions.get(index).map(|a| a.title.trim()) {
            Some(t) if !t.is_empty() => format!("Action “{t}”"),
            _ => format!("Action {}", index + 1),
        }
    }

    /// The objective's name in a sentence.
    pub fn objective_name(&self, index: usize) -> String {
        match self.objectives.get(index).map(|o| o.text.trim()) {
            Some(t) if !t.is_empty() => format!("Objective “{}”", shorten(t, 60)),
            _ => format!("Objective {}", index + 1),
        }
    }

    /// Refuses only what is wrong, never what is missing, and returns every problem with its
    /// field: `title`, `context`, `challenge` (too long), `pairing` (not there),
    /// `objectives.0.key` (missing, malformed or repeated), `objectives.0.text`,
    /// `actions.2.start` / `actions.2.end` (not `YYYY-MM`, outside the programme's period, or
    /// an end before the start), `actions.2.lead`, `actions.2.partners.1.id`,
    /// `actions.2.objectives.0` (an objective the plan no longer has),
    /// `actions.2.indicators.0.target`, `stakeholders.0.organisation`, `risks.1.mitigation`,
    /// `practices.0.practice`. Text comes back exactly as typed; months trimmed.
    pub fn validate(
        &self,
        programme: &Programme,
        refs: &impl PlanRefs,
    ) -> Result<CooperationPlan, DomainError> {
        let mut problems = Vec::new();
        if !refs.pairing(self.pairing) {
            problems.push(DomainError::UnknownRecord {
                field: "pairing",
                what: "pair",
                id: self.pairing.to_string(),
            });
        }
        too_long(&self.title, "title", "The title", TITLE_MAX, &mut problems);
        too_long(
            &self.context,
            "context",
            "The context",
            LONG_TEXT_MAX,
            &mut problems,
        );
        too_long(
            &self.challenge,
            "challenge",
            "The shared challenge",
            LONG_TEXT_MAX,
            &mut problems,
        );
        for (index, o) in self.objectives.iter().enumerate() {
            let mut own = Vec::new();
            check_key(
                &o.key,
                self.objectives[..index].iter().any(|p| p.key == o.key),
                "objective with this key",
                &mut own,
            );
            too_long(&o.text, "text", "The objective", TEXT_MAX, &mut own);
            let wrap = in_list("objectives", "Objective", index);
            problems.extend(own.into_iter().map(wrap));
        }
        let period = programme.period();
        let mut plan = self.clone();
        for (index, a) in plan.actions.iter_mut().enumerate() {
            let mut own = Vec::new();
            let repeated = self.actions[..index].iter().any(|p| p.key == a.key);
            check_action(a, repeated, self, period, refs, &mut own);
            let wrap = in_list("actions", "Action", index);
            problems.extend(own.into_iter().map(wrap));
        }
        for (index, id) in self.stakeholders.iter().enumerate() {
            if !refs.organisation(*id) {
                problems.push(in_list("stakeholders", "Stakeholder", index)(
                    DomainError::UnknownRecord {
                        field: "organisation",
                        what: "organisation",
                        id: id.to_string(),
                    },
                ));
            }
        }
        for (index, r) in self.risks.iter().enumerate() {
            let mut own = Vec::new();
            too_long(&r.risk, "risk", "The risk", TEXT_MAX, &mut own);
            too_long(
                &r.mitigation,
                "mitigation",
                "The mitigation",
                TEXT_MAX,
                &mut own,
            );
            problems.extend(own.into_iter().map(in_list("risks", "Risk", index)));
        }
        for (index, id) in self.practices.iter().enumerate() {
            if !refs.practice(*id) {
                problems.push(in_list("practices", "Practice", index)(
                    DomainError::UnknownRecord {
                        field: "practice",
                        what: "best practice",
                        id: id.to_string(),
                    },
                ));
            }
        }
        DomainError::collect(problems)?;
        Ok(plan)
    }
}

fn check_key(key: &str, repeated: bool, what: &'static str, problems: &mut Vec<DomainError>) {
    if key.is_empty() {
        problems.push(DomainError::Required {
            field: "key",
            label: "The key",
        });
    } else if key.chars().count() > KEY_MAX {
        problems.push(DomainError::TooLong {
            field: "key",
            label: "The key",
            max: KEY_MAX,
        });
    } else if repeated {
        problems.push(DomainError::Duplicate { field: "key", what });
    }
}

/// One action's problems, fields relative to the action; its months are trimmed in place.
fn check_action(
    a: &mut PlanAction,
    repeated: bool,
    plan: &CooperationPlan,
    period: Option<(&str, &str)>,
    refs: &impl PlanRefs,
    problems: &mut Vec<DomainError>,
) {
    check_key(&a.key, repeated, "action with this key", problems);
    too_long(&a.title, "title", "The title", TITLE_MAX, problems);
    too_long(
        &a.description,
        "description",
        "The description",
        LONG_TEXT_MAX,
        problems,
    );
    too_long(
        &a.resources,
        "resources",
        "The resources",
        TEXT_MAX,
        problems,
    );
    match a.lead {
        Some(Lead::City(id)) if !refs.city(id) => problems.push(DomainError::UnknownCity {
            field: "lead",
            id: id.to_string(),
        }),
        Some(Lead::Organisation(id)) if !refs.organisation(id) => {
            problems.push(DomainError::UnknownRecord {
                field: "lead",
                what: "organisation",
                id: id.to_string(),
            })
        }
        _ => {}
    }
    for (index, p) in a.partners.iter().enumerate() {
        let (known, what, id) = match *p {
            Party::Person(id) => (refs.person(id), "person", id),
            Party::Organisation(id) => (refs.organisation(id), "organisation", id),
        };
        if !known {
            problems.push(in_list("partners", "Partner", index)(
                DomainError::UnknownRecord {
                    field: "id",
                    what,
                    id: id.to_string(),
                },
            ));
        }
    }
    a.start = a.start.trim().to_string();
    a.end = a.end.trim().to_string();
    let start = check_month(&a.start, "start", "The start", period, problems);
    let end = check_month(&a.end, "end", "The end", period, problems);
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            problems.push(DomainError::EndBeforeStart { field: "end" });
        }
    }
    for (index, i) in a.indicators.iter().enumerate() {
        let mut own = Vec::new();
        for (value, field, label) in [
            (&i.name, "name", "The indicator"),
            (&i.baseline, "baseline", "The baseline"),
            (&i.target, "target", "The target"),
            (&i.unit, "unit", "The unit"),
        ] {
            too_long(value, field, label, SHORT_TEXT_MAX, &mut own);
        }
        problems.extend(
            own.into_iter()
                .map(in_list("indicators", "Indicator", index)),
        );
    }
    for (index, key) in a.objectives.iter().enumerate() {
        if !plan.objectives.iter().any(|o| &o.key == key) {
            problems.push(in_list("objectives", "Objective", index)(
                DomainError::UnknownKey {
                    what: "objective",
                    key: key.clone(),
                },
            ));
        }
    }
}

/// A month that may be empty; if given, `YYYY-MM` inside the programme's period.
fn check_month(
    value: &str,
    field: &'static str,
    label: &'static str,
    period: Option<(&str, &str)>,
    problems: &mut Vec<DomainError>,
) -> Option<(i32, u32)> {
    if value.is_empty() {
        return None;
    }
    let Some(month) = parse_month(value) else {
        problems.push(DomainError::InvalidMonth {
            field,
            label,
            value: value.to_string(),
        });
        return None;
    };
    if let Some((first, last)) = period {
        // Both sides are `YYYY-MM`, so text order is time order.
        if value < first || value > last {
            problems.push(DomainError::OutsideProgramme {
                field,
                month: value.to_string(),
                first: first.to_string(),
                last: last.to_string(),
            });
        }
    }
    Some(month)
}

/// At most `max` characters, with an ellipsis when cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}
