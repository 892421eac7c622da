//! Cooperation plans through the API: saved as typed, checked, issued as frozen versions that
//! compare field by field from the store's history, and duplicated for another pair.

mod common;

use icp_api::Desk;
use icp_domain::cooperation_plan::{
    ChangeKind, Indicator, Lead, Objective, Party, PlanAction, PlanActionStatus, Risk,
};
use icp_domain::{BestPractice, CooperationPlan, Id, Organisation, OrganisationKind};

const NEW: Id = Id::from_bytes([0; 16]);

struct World {
    desk: Desk,
    _dir: tempfile::TempDir,
    athens: Id,
    /// Gwangju – Athens.
    pairing: Id,
    /// Incheon – Berlin.
    other_pairing: Id,
    university: Id,
    agency: Id,
    practice: Id,
    manager: Id,
}

fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let athens = common::city(&desk, "Athens", "GR", "Europe/Athens");
    let gwangju = common::city(&desk, "광주 Gwangju", "KR", "Asia/Seoul");
    let berlin = common::city(&desk, "Berlin", "DE", "Europe/Berlin");
    let incheon = common::city(&desk, "인천 Incheon", "KR", "Asia/Seoul");
    let pairs = desk
        .accept_pairings(&[(athens, gwangju), (berlin, incheon)])
        .unwrap();
    let org = |name: &str, kind| {
        desk.add_organisation(&Organisation {
            id: NEW,
            name: name.into(),
            kind,
            city: Some(athens),
            contacts: vec![],
            sample: false,
        })
        .unwrap()
        .id
    };
    let university = org(
        "National Technical University of Athens",
        OrganisationKind::University,
    );
    let agency = org("Gwangju Environment Agency", OrganisationKind::PublicAgency);
    let practice = desk
        .save_best_practice(&BestPractice {
            title: "Repair cafés".into(),
            city: Some(athens),
            ..BestPractice::blank(NEW)
        })
        .unwrap()
        .id;
    let manager = desk
        .add_person(&common::person("Eleni Papadopoulou"))
        .unwrap()
        .id;
    World {
        desk,
        _dir: dir,
        athens,
        pairing: pairs[0].id,
        other_pairing: pairs[1].id,
        university,
        agency,
        practice,
        manager,
    }
}

fn action(w: &World, title: &str, objective: &str) -> PlanAction {
    PlanAction {
        key: String::new(),
        title: title.into(),
        description: "Volunteers fix what people bring.".into(),
        lead: Some(Lead::City(w.athens)),
        partners: vec![Party::Organisation(w.university), Party::Person(w.manager)],
        start: "2022-06".into(),
        end: "2023-02".into(),
        resources: "Two staff".into(),
        indicators: vec![Indicator {
            name: "Items repaired".into(),
            baseline: "0".into(),
            target: "500".into(),
            unit: "items".into(),
        }],
        status: PlanActionStatus::Planned,
        objectives: vec![objective.into()],
    }
}

/// A complete plan for Gwangju – Athens, not saved yet.
fn plan(w: &World) -> CooperationPlan {
    CooperationPlan {
        title: "광주 – Athens: less waste".into(),
        context: "Both cities send most waste to landfill. ".into(),
        challenge: "Keep goods in use longer.".into(),
        objectives: vec![Objective {
            key: String::new(),
            text: "Less waste".into(),
        }],
        actions: vec![
            action(w, "Repair cafés", "o1"),
            action(w, "Reuse centre 재사용 센터", "o1"),
            action(w, "Swap shops", "o1"),
        ],
        stakeholders: vec![w.university, w.agency],
        risks: vec![Risk {
            risk: "Volunteers drift away".into(),
            mitigation: "A small fee for repairers".into(),
        }],
        practices: vec![w.practice],
        ..CooperationPlan::new(NEW, w.pairing)
    }
}

#[test]
fn a_plan_round_trips_with_keys_and_text_as_typed() {
    let w = world();
    let saved = w.desk.save_plan(&plan(&w)).unwrap();
    assert_ne!(saved.plan.id, NEW);
    assert_eq!(saved.gaps, vec![], "{:?}", saved.gaps);
    assert_eq!(saved.plan.objectives[0].key, "o1");
    let keys: Vec<&str> = saved.plan.actions.iter().map(|a| a.key.as_str()).collect();
    assert_eq!(keys, ["a1", "a2", "a3"]);
    let got = w.desk.get_plan(saved.plan.id).unwrap();
    assert_eq!(got, saved);
    assert_eq!(
        got.plan.context,
        "Both cities send most waste to landfill. "
    );
    assert_eq!(
        w.desk.list_plans(Some(w.pairing)).unwrap(),
        vec![saved.plan.clone()]
    );
    assert_eq!(w.desk.list_plans(Some(w.other_pairing)).unwrap(), vec![]);
    assert_eq!(w.desk.list_plans(None).unwrap().len(), 1);

    // A half-written plan saves too, and says what it lacks.
    let draft = w
        .desk
        .save_plan(&CooperationPlan::new(NEW, w.other_pairing))
        .unwrap();
    assert!(draft.gaps.iter().any(|g| g.code == "no_objective"));

    // A second plan for a pair is refused; a plan deleted meanwhile is not brought back.
    let err = w.desk.save_plan(&plan(&w)).unwrap_err().to_ipc();
    assert_eq!(
        (err.code.as_str(), err.field.as_deref()),
        ("duplicate", Some("pairing"))
    );
    w.desk.delete_plan(draft.plan.id).unwrap();
    let err = w.desk.save_plan(&draft.plan).unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert_eq!(w.desk.list_plans(None).unwrap().len(), 1);
}

#[test]
fn bad_input_comes_back_at_its_fields_and_nothing_is_written() {
    let w = world();
    let saved = w.desk.save_plan(&plan(&w)).unwrap().plan;
    let history = w.desk.list_plans(None).unwrap();
    let mut bad = saved.clone();
    bad.actions[0].start = "2023-01".into();
    bad.actions[0].end = "2022-11".into();
    bad.actions[1].end = "2023-09".into();
    bad.actions[2].objectives.push("o7".into());
    w.desk.delete_organisation(w.agency).unwrap();
    w.desk.delete_best_practice(w.practice).unwrap();
    let err = w.desk.save_plan(&bad).unwrap_err().to_ipc();
    let fields: Vec<(&str, &str)> = err
        .issues
        .iter()
        .map(|i| (i.field.as_deref().unwrap(), i.code.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("actions.0.end", "end_before_start"),
            ("actions.1.end", "outside_programme"),
            ("actions.2.objectives.1", "unknown_key"),
            ("stakeholders.1.organisation", "unknown_record"),
            ("practices.0.practice", "unknown_record"),
        ]
    );
    assert_eq!(w.desk.list_plans(None).unwrap(), history, "nothing written");
    // The stored plan shows the links that broke since, where they are.
    let view = w.desk.get_plan(saved.id).unwrap();
    let problems: Vec<&str> = view
        .problems
        .iter()
        .filter_map(|i| i.field.as_deref())
        .collect();
    assert_eq!(
        problems,
        ["stakeholders.1.organisation", "practices.0.practice"]
    );
}

#[test]
fn completeness_points_at_what_is_missing() {
    let w = world();
    let mut p = plan(&w);
    p.actions[1].lead = None;
    p.actions[2].indicators[0].target.clear();
    p.objectives.push(Objective {
        key: String::new(),
        text: "Cleaner air".into(),
    });
    let view = w.desk.save_plan(&p).unwrap();
    let gaps: Vec<(&str, &str, &str)> = view
        .gaps
        .iter()
        .map(|g| (g.code.as_str(), g.field.as_str(), g.message.as_str()))
        .collect();
    assert_eq!(
        gaps,
        [
            (
                "objective_unserved",
                "objectives.1",
                "Objective “Cleaner air”: no action serves it."
            ),
            (
                "action_lead",
                "actions.1.lead",
                "Action “Reuse centre 재사용 센터”: no lead."
            ),
            (
                "action_indicator",
                "actions.2.indicators",
                "Action “Swap shops”: no indicator with a target."
            ),
        ]
    );
}

#[test]
fn an_issued_version_is_frozen_and_compares_field_by_field_with_the_draft() {
    let w = world();
    let id = w.desk.save_plan(&plan(&w)).unwrap().plan.id;
    let v1 = w.desk.issue_version(id).unwrap();
    assert_eq!(v1.number, 1);
    assert_eq!(v1.title, "광주 – Athens: less waste");

    let mut draft = w.desk.get_plan(id).unwrap().plan;
    let issued = draft.clone();
    draft.actions[1].title = "Reuse centre".into();
    let saved = w.desk.save_plan(&draft).unwrap();
    assert_eq!(saved.versions, vec![v1.clone()]);

    let cmp = w.desk.compare_versions(id, Some(1), None).unwrap();
    assert_eq!(cmp.changes.len(), 1, "{:?}", cmp.changes);
    let c = &cmp.changes[0];
    assert_eq!(c.kind, ChangeKind::Changed);
    assert_eq!(c.field, "actions.1.title");
    assert_eq!(
        (c.before.as_str(), c.after.as_str()),
        ("Reuse centre 재사용 센터", "Reuse centre")
    );

    // The version is the plan as it was, replayed from the history.
    let seen = w.desk.get_version(id, 1).unwrap();
    assert_eq!(seen.plan, issued);
    assert_eq!(seen.version, v1);

    // Version 2, then another edit: each comparison lists exactly its own change.
    let v2 = w.desk.issue_version(id).unwrap();
    assert_eq!(v2.number, 2);
    draft.risks[0].mitigation = "Training for repairers".into();
    w.desk.save_plan(&draft).unwrap();
    let fields = |from, to| -> Vec<String> {
        w.desk
            .compare_versions(id, from, to)
            .unwrap()
            .changes
            .into_iter()
            .map(|c| c.field)
            .collect()
    };
    assert_eq!(fields(Some(1), Some(2)), ["actions.1.title"]);
    assert_eq!(fields(Some(2), None), ["risks.0.mitigation"]);
    // A reference is compared by the name it has now.
    draft.stakeholders = vec![w.university];
    w.desk.save_plan(&draft).unwrap();
    let cmp = w.desk.compare_versions(id, Some(2), None).unwrap();
    let gone = cmp
        .changes
        .iter()
        .find(|c| c.field == "stakeholders.1")
        .expect("the agency left the stakeholders");
    assert_eq!(gone.before, "Gwangju Environment Agency");
    draft.stakeholders = vec![w.university, w.agency];
    w.desk.save_plan(&draft).unwrap();
    assert_eq!(
        fields(Some(1), None),
        ["actions.1.title", "risks.0.mitigation"]
    );
    assert_eq!(fields(None, None), Vec::<String>::new());
    assert_eq!(
        w.desk
            .list_versions(id)
            .unwrap()
            .iter()
            .map(|v| v.number)
            .collect::<Vec<_>>(),
        [1, 2]
    );

    // A frozen version can't be edited or deleted, and version 3 does not exist yet.
    let as_version = CooperationPlan {
        id: v1.id,
        ..draft.clone()
    };
    let err = w.desk.save_plan(&as_version).unwrap_err();
    assert_eq!(err.code(), "frozen");
    assert!(err
        .to_string()
        .starts_with("Version 1 of this cooperation plan was issued on "));
    assert_eq!(w.desk.delete_plan(v2.id).unwrap_err().code(), "frozen");
    assert_eq!(w.desk.get_version(id, 3).unwrap_err().code(), "not_found");
    assert_eq!(w.desk.get_version(id, 1).unwrap().plan, issued, "unchanged");

    // Versions survive a restart, and go with their plan.
    let dir = w._dir.path().to_path_buf();
    drop(w.desk);
    let desk = Desk::open(&dir).unwrap();
    assert_eq!(desk.get_version(id, 1).unwrap().plan, issued);
    desk.delete_plan(id).unwrap();
    assert_eq!(desk.list_versions(id).unwrap(), vec![]);
}

#[test]
fn a_plan_is_duplicated_as_the_start_of_another_pairs_plan() {
    let w = world();
    let mut p = plan(&w);
    p.actions[0].status = PlanActionStatus::Done;
    let source = w.desk.save_plan(&p).unwrap().plan;
    w.desk.issue_version(source.id).unwrap();
    let copy = w.desk.duplicate_plan(source.id, w.other_pairing).unwrap();
    assert_ne!(copy.plan.id, source.id);
    assert_eq!(copy.plan.pairing, w.other_pairing);
    assert_eq!(copy.versions, vec![], "no versions carried");
    assert_eq!(copy.plan.actions.len(), 3);
    assert_eq!(copy.plan.actions[0].key, source.actions[0].key);
    assert_eq!(copy.plan.actions[0].status, PlanActionStatus::Planned);
    assert_eq!(
        w.desk.list_plans(Some(w.other_pairing)).unwrap(),
        vec![copy.plan.clone()]
    );
    // Once the other pair has a plan, another copy is refused.
    let err = w
        .desk
        .duplicate_plan(source.id, w.other_pairing)
        .unwrap_err()
        .to_ipc();
    assert_eq!(err.code, "duplicate");
}

fn pdf_text(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("poppler-utils is installed (scripts/deps-debian.sh)");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_plan_prints_every_action_and_an_issued_version_prints_as_it_was() {
    let w = world();
    let saved = w.desk.save_plan(&plan(&w)).unwrap().plan;
    w.desk.issue_version(saved.id).unwrap();
    let mut changed = saved.clone();
    changed.actions[0].title = "Repair cafés in every district".into();
    w.desk.save_plan(&changed).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.pdf");
    w.desk
        .export_plan(saved.id, None, icp_api::Paper::A4, &draft)
        .unwrap();
    let text = pdf_text(&draft);
    let squeezed: String = text.split_whitespace().collect();
    for expected in [
        "Repair cafés in every district",
        "Reuse centre 재사용 센터",
        "Swap shops",
        "Athens – 광주 Gwangju",
        "National Technical University of Athens",
        "Volunteers drift away",
        "Draft, printed",
        "Items repaired: 0 → 500 items",
    ] {
        let wanted: String = expected.split_whitespace().collect();
        assert!(squeezed.contains(&wanted), "{expected:?} not in:\n{text}");
    }

    let v1 = dir.path().join("v1.pdf");
    w.desk
        .export_plan(saved.id, Some(1), icp_api::Paper::Letter, &v1)
        .unwrap();
    let text = pdf_text(&v1);
    assert!(text.contains("Version 1, issued"), "{text}");
    let squeezed: String = text.split_whitespace().collect();
    assert!(squeezed.contains("Repaircafés"), "{text}");
    assert!(
        !squeezed.contains("Repaircafésineverydistrict"),
        "version 1 prints as it was issued:\n{text}"
    );

    let missing = dir.path().join("v9.pdf");
    let err = w
        .desk
        .export_plan(saved.id, Some(9), icp_api::Paper::A4, &missing)
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert!(
        !missing.exists(),
        "nothing is written for a version that does not exist"
    );
}

#[test]
fn the_sample_pair_has_a_complete_plan_issued_once_and_changed_since() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    assert_eq!(desk.load_sample_data().unwrap().cooperation_plans, 1);
    let plan = desk.list_plans(None).unwrap().remove(0);
    assert!(plan.sample);
    let view = desk.get_plan(plan.id).unwrap();
    assert_eq!(
        view.gaps,
        vec![],
        "the sample plan is complete: {:?}",
        view.gaps
    );
    assert_eq!(view.versions.len(), 1);
    assert!(view.versions[0].sample);
    let changes = desk
        .compare_versions(plan.id, Some(1), None)
        .unwrap()
        .changes;
    let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["actions.2.status"], "{changes:?}");
    assert_eq!(
        (changes[0].before.as_str(), changes[0].after.as_str()),
        ("Planned", "Under way"),
        "a status is compared by its label"
    );
    assert_eq!(desk.load_sample_data().unwrap().cooperation_plans, 0);
}
