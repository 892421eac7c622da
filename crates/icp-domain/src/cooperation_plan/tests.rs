use super::compare::CONTENT;
use super::*;
use crate::{Id, Programme};

const PAIRING: Id = Id::from_bytes([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);

fn id(n: u8) -> Id {
    Id::from_parts(7, u128::from(n))
}

/// Knows the pairing, cities 1–2, people 3–4, organisations 5–6, practices 8–9.
struct Refs;
impl PlanRefs for Refs {
    fn pairing(&self, p: Id) -> bool {
        p == PAIRING
    }
    fn city(&self, c: Id) -> bool {
        c == id(1) || c == id(2)
    }
    fn person(&self, p: Id) -> bool {
        p == id(3) || p == id(4)
    }
    fn organisation(&self, o: Id) -> bool {
        o == id(5) || o == id(6)
    }
    fn practice(&self, p: Id) -> bool {
        p == id(8) || p == id(9)
    }
}

fn action(key: &str, title: &str, objective: &str) -> PlanAction {
    PlanAction {
        key: key.into(),
        title: title.into(),
        description: "Volunteers fix what people bring.".into(),
        lead: Some(Lead::City(id(1))),
        partners: vec![Party::Organisation(id(5)), Party::Person(id(3))],
        start: "2022-06".into(),
        end: "2022-12".into(),
        resources: "Two staff, a room".into(),
        indicators: vec![Indicator {
            name: "Items repaired".into(),
            baseline: "0".into(),
            target: "500".into(),
            unit: "items".into(),
        }],
        status: PlanActionStatus::UnderWay,
        objectives: vec![objective.into()],
    }
}

/// A plan with nothing missing.
fn complete() -> CooperationPlan {
    CooperationPlan {
        title: "Gwangju – Athens: less waste".into(),
        context: "Both cities send most waste to landfill.".into(),
        challenge: "Keep goods in use longer.".into(),
        objectives: vec![
            Objective {
                key: "o1".into(),
                text: "Less waste".into(),
            },
            Objective {
                key: "o2".into(),
                text: "More reuse".into(),
            },
        ],
        actions: vec![
            action("a1", "Repair cafés", "o1"),
            action("a2", "Reuse centre 재사용 센터", "o2"),
        ],
        stakeholders: vec![id(5), id(6)],
        risks: vec![Risk {
            risk: "Volunteers drift away".into(),
            mitigation: "A small fee for repairers".into(),
        }],
        practices: vec![id(8)],
        ..CooperationPlan::new(id(20), PAIRING)
    }
}

fn fields(err: crate::DomainError) -> Vec<String> {
    err.issues().into_iter().filter_map(|i| i.field).collect()
}

fn codes(plan: &CooperationPlan) -> Vec<(String, String)> {
    completeness(plan, &Programme::icp_agir())
        .into_iter()
        .map(|g| (g.code, g.field))
        .collect()
}

#[test]
fn the_programme_period_runs_from_the_first_phase_to_the_last() {
    assert_eq!(Programme::icp_agir().period(), Some(("2021-10", "2023-03")));
    let none = Programme {
        phases: vec![],
        ..Programme::icp_agir()
    };
    assert_eq!(none.period(), None);
}

#[test]
fn a_half_written_plan_saves_and_keeps_its_text_as_typed() {
    let p = Programme::icp_agir();
    let empty = CooperationPlan::new(id(20), PAIRING);
    assert_eq!(empty.validate(&p, &Refs).unwrap(), empty);
    let typing = CooperationPlan {
        context: "Both cities ".into(),
        actions: vec![PlanAction {
            key: "a1".into(),
            title: "Repair ".into(),
            start: " 2022-06 ".into(),
            ..Default::default()
        }],
        ..empty
    };
    let saved = typing.validate(&p, &Refs).unwrap();
    assert_eq!(saved.context, "Both cities ");
    assert_eq!(saved.actions[0].title, "Repair ");
    assert_eq!(saved.actions[0].start, "2022-06", "months are trimmed");
    // A plan without JSON fields beyond its pairing reads as an empty plan.
    let json = format!(r#"{{"id":"{}","pairing":"{}"}}"#, id(20), PAIRING);
    let read: CooperationPlan = serde_json::from_str(&json).unwrap();
    assert_eq!(read, CooperationPlan::new(id(20), PAIRING));
}

#[test]
fn every_wrong_thing_is_refused_at_its_field() {
    let p = Programme::icp_agir();
    let mut bad = complete();
    bad.pairing = id(99);
    bad.title = "x".repeat(TITLE_MAX + 1);
    bad.objectives[1].text = "x".repeat(TEXT_MAX + 1);
    bad.objectives.push(Objective {
        key: "o1".into(),
        text: "Again".into(),
    });
    bad.actions[0].start = "2022-12".into();
    bad.actions[0].end = "2022-06".into();
    bad.actions[0].lead = Some(Lead::Organisation(id(50)));
    bad.actions[0].partners[1] = Party::Person(id(51));
    bad.actions[0].objectives.push("o9".into());
    bad.actions[1].start = "2021-09".into();
    bad.actions[1].end = "June 2022".into();
    bad.actions[1].lead = Some(Lead::City(id(52)));
    bad.actions[1].indicators[0].target = "9".repeat(SHORT_TEXT_MAX + 1);
    bad.stakeholders.push(id(53));
    bad.risks[0].mitigation = "x".repeat(TEXT_MAX + 1);
    bad.practices.push(id(54));
    let err = bad.validate(&p, &Refs).unwrap_err();
    let issues = err.issues();
    let got: Vec<(String, String)> = issues
        .iter()
        .map(|i| (i.field.clone().unwrap(), i.code.clone()))
        .collect();
    let want = [
        ("pairing", "unknown_record"),
        ("title", "too_long"),
        ("objectives.1.text", "too_long"),
        ("objectives.2.key", "duplicate"),
        ("actions.0.lead", "unknown_record"),
        ("actions.0.partners.1.id", "unknown_record"),
        ("actions.0.end", "end_before_start"),
        ("actions.0.objectives.1", "unknown_key"),
        ("actions.1.lead", "unknown_city"),
        ("actions.1.start", "outside_programme"),
        ("actions.1.end", "invalid_month"),
        ("actions.1.indicators.0.target", "too_long"),
        ("stakeholders.2.organisation", "unknown_record"),
        ("risks.0.mitigation", "too_long"),
        ("practices.1.practice", "unknown_record"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(f, c)| (f.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want);
    let outside = issues
        .iter()
        .find(|i| i.field.as_deref() == Some("actions.1.start"))
        .unwrap();
    assert_eq!(
        outside.message,
        "2021-09 is outside the programme (2021-10 to 2023-03). Choose a month inside it."
    );
}

#[test]
fn months_are_year_dash_month() {
    assert_eq!(parse_month("2022-09"), Some((2022, 9)));
    assert_eq!(parse_month(" 2023-03 "), Some((2023, 3)));
    for bad in [
        "2022-13",
        "2022-00",
        "2022-9",
        "22-09",
        "2022/09",
        "２０２２-09",
        "",
    ] {
        assert_eq!(parse_month(bad), None, "{bad}");
    }
    let mut plan = complete();
    plan.actions[0].start = "2022-9".into();
    let f = fields(plan.validate(&Programme::icp_agir(), &Refs).unwrap_err());
    assert_eq!(f, ["actions.0.start"]);
}

#[test]
fn keys_are_filled_where_missing_and_never_reused() {
    let mut plan = complete();
    plan.objectives.push(Objective::default());
    plan.actions.push(PlanAction::default());
    plan.actions.push(PlanAction::default());
    plan.actions[0].key = "a7".into();
    plan.fill_keys();
    assert_eq!(plan.objectives[2].key, "o3");
    let keys: Vec<&str> = plan.actions.iter().map(|a| a.key.as_str()).collect();
    assert_eq!(keys, ["a7", "a2", "a8", "a9"]);
    let unkeyed = CooperationPlan {
        objectives: vec![Objective::default()],
        ..CooperationPlan::new(id(20), PAIRING)
    };
    let f = fields(unkeyed.validate(&Programme::icp_agir(), &Refs).unwrap_err());
    assert_eq!(f, ["objectives.0.key"]);
}

#[test]
fn a_complete_plan_has_no_gap() {
    assert_eq!(codes(&complete()), vec![]);
}

#[test]
fn an_empty_plan_lacks_everything_at_the_top() {
    let gaps: Vec<String> = codes(&CooperationPlan::new(id(20), PAIRING))
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    assert_eq!(
        gaps,
        [
            "no_title",
            "no_context",
            "no_challenge",
            "no_objective",
            "no_action",
            "no_stakeholder",
            "no_risk",
            "no_practice"
        ]
    );
}

/// One rule at a time: the plan changed by `f` has exactly the gap `(code, field)`.
fn only_gap(f: impl FnOnce(&mut CooperationPlan), code: &str, field: &str) {
    let mut plan = complete();
    f(&mut plan);
    assert_eq!(
        codes(&plan),
        vec![(code.to_string(), field.to_string())],
        "{code}"
    );
}

#[test]
fn text_at_the_top_must_be_written() {
    only_gap(|p| p.title = "  ".into(), "no_title", "title");
    only_gap(|p| p.context.clear(), "no_context", "context");
    only_gap(|p| p.challenge = "\n".into(), "no_challenge", "challenge");
}

#[test]
fn every_objective_is_written_and_served_by_an_action() {
    only_gap(
        |p| p.objectives[1].text.clear(),
        "objective_text",
        "objectives.1.text",
    );
    only_gap(
        |p| {
            p.objectives.push(Objective {
                key: "o3".into(),
                text: "Fewer cars".into(),
            })
        },
        "objective_unserved",
        "objectives.2",
    );
    let mut plan = complete();
    plan.objectives.push(Objective {
        key: "o3".into(),
        text: "Fewer cars".into(),
    });
    let gap = completeness(&plan, &Programme::icp_agir()).remove(0);
    assert_eq!(gap.message, "Objective “Fewer cars”: no action serves it.");
}

#[test]
fn a_dropped_action_serves_nothing_and_needs_nothing() {
    let mut plan = complete();
    plan.actions[1].status = PlanActionStatus::Dropped;
    plan.actions[1].lead = None;
    plan.actions[1].indicators.clear();
    assert_eq!(
        codes(&plan),
        vec![("objective_unserved".to_string(), "objectives.1".to_string())]
    );
}

#[test]
fn every_action_has_a_title_an_objective_a_lead_months_and_a_target() {
    only_gap(
        |p| p.actions[0].title.clear(),
        "action_title",
        "actions.0.title",
    );
    only_gap(
        |p| {
            p.actions[0].objectives = vec!["o2".into()];
            p.actions[1].objectives = vec!["o1".into(), "o2".into()];
            p.actions.push(PlanAction {
                objectives: vec![],
                ..action("a3", "Swap shop", "")
            });
        },
        "action_objective",
        "actions.2.objectives",
    );
    only_gap(
        |p| p.actions[1].lead = None,
        "action_lead",
        "actions.1.lead",
    );
    only_gap(
        |p| p.actions[0].start.clear(),
        "action_start",
        "actions.0.start",
    );
    only_gap(
        |p| p.actions[0].end = "soon".into(),
        "action_end",
        "actions.0.end",
    );
    only_gap(
        |p| p.actions[0].end = "2024-01".into(),
        "action_outside_programme",
        "actions.0.end",
    );
    only_gap(
        |p| p.actions[1].indicators[0].target = " ".into(),
        "action_indicator",
        "actions.1.indicators",
    );
    let mut plan = complete();
    plan.actions[0].indicators.clear();
    let gap = completeness(&plan, &Programme::icp_agir()).remove(0);
    assert_eq!(
        gap.message,
        "Action “Repair cafés”: no indicator with a target."
    );
    plan.actions[0].title.clear();
    let gap = completeness(&plan, &Programme::icp_agir()).remove(1);
    assert_eq!(gap.message, "Action 1: no indicator with a target.");
}

#[test]
fn a_plan_has_actions_stakeholders_risks_with_mitigations_and_practices() {
    only_gap(|p| p.objectives.clear(), "no_objective", "objectives");
    only_gap(|p| p.stakeholders.clear(), "no_stakeholder", "stakeholders");
    only_gap(|p| p.practices.clear(), "no_practice", "practices");
    only_gap(
        |p| {
            p.risks.push(Risk {
                risk: "Elections".into(),
                mitigation: String::new(),
            })
        },
        "risk_mitigation",
        "risks.1.mitigation",
    );
    let mut plan = complete();
    plan.risks[0].mitigation.clear();
    assert_eq!(
        codes(&plan),
        vec![
            ("no_risk".to_string(), "risks".to_string()),
            (
                "risk_mitigation".to_string(),
                "risks.0.mitigation".to_string()
            )
        ]
    );
}

#[test]
fn comparing_lists_exactly_the_changed_fields() {
    let before = complete();
    assert_eq!(compare(&before, &before), vec![]);
    let mut after = before.clone();
    after.actions[1].title = "Reuse centre".into();
    assert_eq!(
        compare(&before, &after),
        vec![PlanChange {
            kind: ChangeKind::Changed,
            field: "actions.1.title".into(),
            before: "Reuse centre 재사용 센터".into(),
            after: "Reuse centre".into(),
        }]
    );
    after.actions[0].lead = Some(Lead::Organisation(id(5)));
    after.actions[0].indicators[0].target = "800".into();
    after.risks.push(Risk {
        risk: "Elections".into(),
        mitigation: String::new(),
    });
    let got: Vec<(ChangeKind, String)> = compare(&before, &after)
        .into_iter()
        .map(|c| (c.kind, c.field))
        .collect();
    assert_eq!(
        got,
        [
            (ChangeKind::Changed, "actions.0.lead".to_string()),
            (
                ChangeKind::Changed,
                "actions.0.indicators.0.target".to_string()
            ),
            (ChangeKind::Changed, "actions.1.title".to_string()),
            (ChangeKind::Added, "risks.1".to_string()),
        ]
    );
}

#[test]
fn entries_are_matched_by_key_so_adding_or_moving_one_changes_only_it() {
    let before = complete();
    let mut after = before.clone();
    after.actions.insert(0, action("a3", "Swap shop", "o1"));
    after.actions.swap(1, 2);
    let changes = compare(&before, &after);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].kind, ChangeKind::Added);
    assert_eq!(changes[0].field, "actions.0");
    assert_eq!(changes[0].after, "Swap shop");
    let removed = compare(&after, &before);
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0].kind, ChangeKind::Removed);
    assert_eq!(removed[0].before, "Swap shop");
}

#[test]
fn the_compared_fields_are_the_plans_content() {
    let json = serde_json::to_value(complete()).unwrap();
    let mut fields: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .filter(|f| !["id", "pairing", "sample"].contains(f))
        .collect();
    fields.sort_unstable();
    let mut content = CONTENT.to_vec();
    content.sort_unstable();
    assert_eq!(fields, content);
}

#[test]
fn a_duplicate_starts_another_pairs_plan_with_the_same_links() {
    let other = id(40);
    let copy = complete().duplicate_for(id(41), other);
    assert_eq!((copy.id, copy.pairing), (id(41), other));
    assert!(copy
        .actions
        .iter()
        .all(|a| a.status == PlanActionStatus::Planned));
    assert_eq!(copy.actions[1].objectives, ["o2"]);
    let changes = compare(&complete(), &copy);
    let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["actions.0.status", "actions.1.status"]);
}
