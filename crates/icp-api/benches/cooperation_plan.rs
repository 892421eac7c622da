//! The cooperation-plan issue's reference plan: 300 actions, each with partners, an indicator
//! and an objective, opened as its page opens it (plan, completeness, versions), edited in one
//! field and saved durably, and two issued versions compared from the store's history.
//!   cargo bench -p icp-api --bench cooperation_plan

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use icp_api::Desk;
use icp_domain::cooperation_plan::{
    Indicator, Lead, Objective, Party, PlanAction, PlanActionStatus, Risk,
};
use icp_domain::{CooperationPlan, Id, Organisation, OrganisationKind};

const NEW: Id = Id::from_bytes([0; 16]);

fn setup(dir: &std::path::Path) -> (Desk, Id) {
    let desk = Desk::open(dir).unwrap();
    let athens = common::city(&desk, "Athens", "GR", "Europe/Athens");
    let gwangju = common::city(&desk, "광주 Gwangju", "KR", "Asia/Seoul");
    let pairing = desk.accept_pairings(&[(athens, gwangju)]).unwrap()[0].id;
    let organisations: Vec<Id> = (0..20)
        .map(|i| {
            desk.add_organisation(&Organisation {
                id: NEW,
                name: format!("Organisation {i}"),
                kind: OrganisationKind::University,
                city: Some(athens),
                contacts: vec![],
                sample: false,
            })
            .unwrap()
            .id
        })
        .collect();
    let people: Vec<Id> = (0..20)
        .map(|i| {
            desk.add_person(&common::person(&format!("Person {i} 사람")))
                .unwrap()
                .id
        })
        .collect();
    let plan = CooperationPlan {
        title: "광주 – Athens".into(),
        context: "Both cities send most waste to landfill.\n".repeat(20),
        challenge: "Keep goods in use longer.".into(),
        objectives: (1..=10)
            .map(|i| Objective {
                key: format!("o{i}"),
                text: format!("Objective {i}"),
            })
            .collect(),
        actions: (0..300)
            .map(|i| PlanAction {
                key: String::new(),
                title: format!("Action {i}: repair cafés 수리 카페"),
                description: "Volunteers fix what people bring; the city lends the room. "
                    .repeat(4),
                lead: Some(if i % 2 == 0 {
                    Lead::City(athens)
                } else {
                    Lead::Organisation(organisations[i % 20])
                }),
                partners: vec![
                    Party::Organisation(organisations[(i + 1) % 20]),
                    Party::Person(people[i % 20]),
                ],
                start: "2022-05".into(),
                end: "2023-03".into(),
                resources: "Two staff, a room".into(),
                indicators: vec![Indicator {
                    name: "Items repaired".into(),
                    baseline: "0".into(),
                    target: "500".into(),
                    unit: "items".into(),
                }],
                status: PlanActionStatus::Planned,
                objectives: vec![format!("o{}", i % 10 + 1)],
            })
            .collect(),
        stakeholders: organisations.clone(),
        risks: vec![Risk {
            risk: "Volunteers drift away".into(),
            mitigation: "A small fee".into(),
        }],
        practices: vec![],
        ..CooperationPlan::new(NEW, pairing)
    };
    let id = desk.save_plan(&plan).unwrap().plan.id;
    desk.issue_version(id).unwrap();
    let mut edited = desk.get_plan(id).unwrap().plan;
    edited.actions[150].title = "Reuse centre".into();
    desk.save_plan(&edited).unwrap();
    desk.issue_version(id).unwrap();
    (desk, id)
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (desk, id) = setup(dir.path());
    let view = desk.get_plan(id).unwrap();
    println!(
        "plan: {} actions, {} gaps, {} versions",
        view.plan.actions.len(),
        view.gaps.len(),
        view.versions.len()
    );
    let mut group = c.benchmark_group("cooperation_plan");
    group.sample_size(30);
    group.bench_function("open: 300 actions (plan, completeness, versions)", |b| {
        b.iter(|| desk.get_plan(id).unwrap())
    });
    group.bench_function("compare versions 1 and 2", |b| {
        b.iter(|| {
            let cmp = desk.compare_versions(id, Some(1), Some(2)).unwrap();
            assert_eq!(cmp.changes.len(), 1);
        })
    });
    let mut plan = view.plan.clone();
    let mut n = 0u64;
    group.bench_function("edit one action's title, durable save", |b| {
        b.iter(|| {
            n += 1;
            plan.actions[7].title = format!("Action 7, edit {n}");
            desk.save_plan(&plan).unwrap()
        })
    });
    group.bench_function("compare version 1 with the draft after the edits", |b| {
        b.iter(|| desk.compare_versions(id, Some(1), None).unwrap())
    });
    let bytes = desk.plan_pdf(id, None, icp_api::Paper::A4).unwrap();
    println!("plan PDF: {} KB", bytes.len() / 1024);
    group.sample_size(10);
    group.bench_function("export the PDF, A4, fonts already found", |b| {
        b.iter(|| desk.plan_pdf(id, None, icp_api::Paper::A4).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
