//! What a plan still lacks before it is sent: each gap in plain words, naming the item, with
//! the field to jump to. A dropped action is history, not a commitment: it needs nothing and
//! serves nothing.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::record::{parse_month, CooperationPlan, PlanActionStatus};
use crate::Programme;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Gap {
    /// Stable: `no_title`, `no_context`, `no_challenge`, `no_objective`, `objective_text`,
    /// `objective_unserved`, `action_title`, `action_objective`, `action_lead`, `action_start`,
    /// `action_end`, `action_outside_programme`, `action_indicator`, `no_action`,
    /// `no_stakeholder`, `no_risk`, `risk_mitigation`, `no_practice`.
    pub code: String,
    pub message: String,
    /// Where to jump: `context`, `objectives.1`, `actions.2.indicators`…
    pub field: String,
}

fn gap(code: &str, message: String, field: String) -> Gap {
    Gap {
        code: code.to_string(),
        message,
        field,
    }
}

/// Every gap of the plan, in the order of the form.
pub fn completeness(plan: &CooperationPlan, programme: &Programme) -> Vec<Gap> {
    let mut gaps = Vec::new();
    let blank = |s: &str| s.trim().is_empty();
    if blank(&plan.title) {
        gaps.push(gap(
            "no_title",
            "The plan has no title.".into(),
            "title".into(),
        ));
    }
    if blank(&plan.context) {
        gaps.push(gap(
            "no_context",
            "The context is not written yet.".into(),
            "context".into(),
        ));
    }
    if blank(&plan.challenge) {
        gaps.push(gap(
            "no_challenge",
            "The shared challenge is not written yet.".into(),
            "challenge".into(),
        ));
    }
    if plan.objectives.is_empty() {
        gaps.push(gap(
            "no_objective",
            "The plan has no objective yet.".into(),
            "objectives".into(),
        ));
    }
    let live = |i: &usize| plan.actions[*i].status != PlanActionStatus::Dropped;
    for (index, o) in plan.objectives.iter().enumerate() {
        let name = plan.objective_name(index);
        if blank(&o.text) {
            gaps.push(gap(
                "objective_text",
                format!("{name} says nothing yet."),
                format!("objectives.{index}.text"),
            ));
        }
        let served = (0..plan.actions.len())
            .filter(live)
            .any(|i| plan.actions[i].objectives.contains(&o.key));
        if !served {
            gaps.push(gap(
                "objective_unserved",
                format!("{name}: no action serves it."),
                format!("objectives.{index}"),
            ));
        }
    }
    if !(0..plan.actions.len()).any(|i| live(&i)) {
        gaps.push(gap(
            "no_action",
            "The plan has no action yet.".into(),
            "actions".into(),
        ));
    }
    let period = programme.period();
    for index in (0..plan.actions.len()).filter(live) {
        let a = &plan.actions[index];
        let name = plan.action_name(index);
        let at = |field: &str| format!("actions.{index}.{field}");
        if blank(&a.title) {
            gaps.push(gap(
                "action_title",
                format!("{name} has no title."),
                at("title"),
            ));
        }
        if a.objectives.is_empty() {
            gaps.push(gap(
                "action_objective",
                format!("{name}: serves no objective."),
                at("objectives"),
            ));
        }
        if a.lead.is_none() {
            gaps.push(gap("action_lead", format!("{name}: no lead."), at("lead")));
        }
        for (field, value, word) in [("start", &a.start, "start"), ("end", &a.end, "end")] {
            if parse_month(value).is_none() {
                gaps.push(gap(
                    if field == "start" {
                        "action_start"
                    } else {
                        "action_end"
                    },
                    format!("{name}: no {word} month."),
                    at(field),
                ));
            } else if let Some((first, last)) = period {
                let m = value.trim();
                if m < first || m > last {
                    gaps.push(gap(
                        "action_outside_programme",
                        format!("{name}: {word} {m} is outside the programme ({first} to {last})."),
                        at(field),
                    ));
                }
            }
        }
        if !a.indicators.iter().any(|i| !blank(&i.target)) {
            gaps.push(gap(
                "action_indicator",
                format!("{name}: no indicator with a target."),
                at("indicators"),
            ));
        }
    }
    if plan.stakeholders.is_empty() {
        gaps.push(gap(
            "no_stakeholder",
            "No stakeholder is involved yet (firms, agencies, universities, research centres…)."
                .into(),
            "stakeholders".into(),
        ));
    }
    if !plan
        .risks
        .iter()
        .any(|r| !blank(&r.risk) && !blank(&r.mitigation))
    {
        gaps.push(gap(
            "no_risk",
            "The plan names no risk with its mitigation.".into(),
            "risks".into(),
        ));
    }
    for (index, r) in plan.risks.iter().enumerate() {
        if !blank(&r.risk) && blank(&r.mitigation) {
            gaps.push(gap(
                "risk_mitigation",
                format!(
                    "Risk “{}”: no mitigation.",
                    super::record::shorten(r.risk.trim(), 60)
                ),
                format!("risks.{index}.mitigation"),
            ));
        }
    }
    if plan.practices.is_empty() {
        gaps.push(gap(
            "no_practice",
            "No best practice to transfer is chosen yet.".into(),
            "practices".into(),
        ));
    }
    gaps
}
