//! The sample pair's cooperation plan: what Porto and eThekwini set out to do together, as a
//! pairing manager would have drafted it by the closing conference.

use crate::cooperation_plan::{
    CooperationPlan, Indicator, Lead, Objective, Party, PlanAction, PlanActionStatus, Risk,
};
use crate::Id;

/// The records the plan names.
pub struct PlanParties {
    pub porto: Id,
    pub ethekwini: Id,
    /// Porto City Council and eThekwini Municipality.
    pub councils: Vec<Id>,
    pub pairing_managers: Vec<Id>,
    /// The practices captured in the sample meetings that the pair means to transfer.
    pub practices: Vec<Id>,
}

/// `(title, lead, start, end, indicator, baseline, target, unit, status, objectives)`.
type ActionRow<'a> = (
    &'a str,
    Lead,
    &'a str,
    &'a str,
    (&'a str, &'a str, &'a str, &'a str),
    PlanActionStatus,
    &'a [&'a str],
);

/// The plan of `pairing`, ready to save (keys filled, marked sample).
pub fn cooperation_plan(id: Id, pairing: Id, p: &PlanParties) -> CooperationPlan {
    let council = |i: usize| p.councils.get(i).copied().map(Lead::Organisation);
    let actions: [ActionRow; 5] = [
        (
            "Survey of municipal roofs in eThekwini",
            Lead::City(p.ethekwini),
            "2022-06",
            "2022-09",
            ("Roofs surveyed", "0", "40", "roofs"),
            PlanActionStatus::Done,
            &["o1"],
        ),
        (
            "Study visit: Porto's energy communities",
            Lead::City(p.porto),
            "2022-06",
            "2022-06",
            ("Delegates trained", "0", "8", "people"),
            PlanActionStatus::Done,
            &["o1", "o3"],
        ),
        (
            "Pilot energy community at a school in Umlazi",
            Lead::City(p.ethekwini),
            "2022-10",
            "2023-03",
            ("Households taking part", "0", "120", "households"),
            PlanActionStatus::Planned,
            &["o1"],
        ),
        (
            "Street traders' market pilot at Campanhã station",
            council(0).unwrap_or(Lead::City(p.porto)),
            "2022-11",
            "2023-03",
            ("Traders with a stall", "0", "30", "traders"),
            PlanActionStatus::Planned,
            &["o2"],
        ),
        (
            "Report to the energy transition cluster",
            Lead::City(p.porto),
            "2023-02",
            "2023-03",
            ("Cluster meetings presented at", "0", "2", "meetings"),
            PlanActionStatus::Planned,
            &["o3"],
        ),
    ];
    let partners: Vec<Party> = p
        .pairing_managers
        .iter()
        .map(|&m| Party::Person(m))
        .chain(p.councils.iter().map(|&o| Party::Organisation(o)))
        .collect();
    CooperationPlan {
        title: "Energy communities and street markets".into(),
        context: "Porto has run citizen energy communities on school roofs since 2021; \
                  eThekwini manages informal trading at its transport hubs with the traders' \
                  associations. Each city has what the other is looking for."
            .into(),
        challenge: "Cut energy costs for households and schools while keeping informal \
                    traders in the city's public spaces, with little public money."
            .into(),
        objectives: [
            "Set up a pilot energy community on a public roof in eThekwini",
            "Give Porto's street traders stalls, storage and waste collection on eThekwini's \
             model",
            "Share what works with the other cities of the energy transition cluster",
        ]
        .iter()
        .enumerate()
        .map(|(i, text)| Objective {
            key: format!("o{}", i + 1),
            text: text.to_string(),
        })
        .collect(),
        actions: actions
            .iter()
            .enumerate()
            .map(
                |(
                    i,
                    &(title, lead, start, end, (name, baseline, target, unit), status, objectives),
                )| {
                    PlanAction {
                        key: format!("a{}", i + 1),
                        title: title.into(),
                        description: String::new(),
                        lead: Some(lead),
                        partners: partners.clone(),
                        start: start.into(),
                        end: end.into(),
                        resources: String::new(),
                        indicators: vec![Indicator {
                            name: name.into(),
                            baseline: baseline.into(),
                            target: target.into(),
                            unit: unit.into(),
                        }],
                        status,
                        objectives: objectives.iter().map(|o| o.to_string()).collect(),
                    }
                },
            )
            .collect(),
        stakeholders: p.councils.clone(),
        risks: vec![
            Risk {
                risk: "The school's roof needs repair before panels can go on".into(),
                mitigation: "Survey first (action 1) and choose among three schools".into(),
            },
            Risk {
                risk: "Traders distrust a scheme run by the council".into(),
                mitigation: "Run it with the traders' association, as eThekwini does".into(),
            },
        ],
        practices: p.practices.clone(),
        sample: true,
        ..CooperationPlan::new(id, pairing)
    }
}
