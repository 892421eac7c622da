//! Dissemination plans through the API: one a city, saved as typed, refused where wrong, and
//! printed together as the closing-conference book.

mod common;

use icp_api::{Desk, Paper};
use icp_domain::cooperation_plan::PlanActionStatus;
use icp_domain::dissemination::{Adopter, AdopterKind, DisseminationPlan, PracticeToSpread};
use icp_domain::Id;

const NEW: Id = Id::from_bytes([0; 16]);

fn spread(title: &str) -> PracticeToSpread {
    PracticeToSpread {
        title: title.into(),
        adopters: vec![Adopter {
            kind: AdopterKind::NationalBody,
            name: "Korean Association of Local Governments".into(),
            city: None,
        }],
        adaptation: "Fewer roofs: apartment blocks instead".into(),
        channels: vec!["Its yearly forum".into()],
        status: PlanActionStatus::Planned,
        ..Default::default()
    }
}

#[test]
fn a_citys_plan_saves_as_typed_once_a_city_and_refuses_broken_links_at_their_fields() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let gwangju = common::city(&desk, "광주 Gwangju", "KR", "Asia/Seoul");
    let athens = common::city(&desk, "Athens", "GR", "Europe/Athens");

    let saved = desk
        .save_dissemination_plan(&DisseminationPlan {
            practices: vec![spread("학교 옥상 에너지 공동체")],
            ..DisseminationPlan::new(NEW, gwangju)
        })
        .unwrap();
    assert_ne!(saved.id, NEW);
    assert_eq!(saved.practices[0].key, "p1");
    assert_eq!(
        desk.list_dissemination_plans().unwrap(),
        vec![saved.clone()]
    );

    // An empty plan saves too; a second plan for the same city does not.
    let empty = desk
        .save_dissemination_plan(&DisseminationPlan::new(NEW, athens))
        .unwrap();
    let err = desk
        .save_dissemination_plan(&DisseminationPlan::new(NEW, gwangju))
        .unwrap_err()
        .to_ipc();
    assert_eq!(
        (err.code.as_str(), err.field.as_deref()),
        ("duplicate", Some("city"))
    );

    // A link to a city or practice that does not exist is refused at its field.
    let mut bad = saved.clone();
    bad.practices[0].practice = Some(Id::from_parts(1, 1));
    bad.practices[0].adopters.push(Adopter {
        kind: AdopterKind::City,
        name: String::new(),
        city: Some(Id::from_parts(1, 2)),
    });
    let err = desk.save_dissemination_plan(&bad).unwrap_err().to_ipc();
    let fields: Vec<&str> = err
        .issues
        .iter()
        .filter_map(|i| i.field.as_deref())
        .collect();
    assert_eq!(
        fields,
        ["practices.0.practice", "practices.0.adopters.1.city"]
    );
    assert_eq!(desk.list_dissemination_plans().unwrap().len(), 2);
    assert_eq!(
        desk.get_dissemination_plan(saved.id).unwrap(),
        saved,
        "a refused save changes nothing"
    );

    // A plan deleted meanwhile is not brought back by a late save.
    desk.delete_dissemination_plan(empty.id).unwrap();
    assert_eq!(
        desk.save_dissemination_plan(&empty).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn the_closing_conference_book_prints_every_citys_plan() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let loaded = desk.load_sample_data().unwrap();
    assert_eq!(loaded.dissemination_plans, 2);
    let gwangju = desk
        .list_cities(&icp_domain::CityQuery::default())
        .unwrap()
        .into_iter()
        .find(|c| c.name.contains("Gwangju") || c.name.contains("광주"))
        .map(|c| c.id)
        .expect("the sample has Gwangju");
    desk.save_dissemination_plan(&DisseminationPlan {
        summary: "광주 will share what it learned in Athens.".into(),
        practices: vec![spread("학교 옥상 에너지 공동체")],
        ..DisseminationPlan::new(NEW, gwangju)
    })
    .unwrap();

    let pdf = dir.path().join("book.pdf");
    desk.export_closing_book(Paper::A4, &pdf).unwrap();
    // In the order the page draws it: a table cell's lines together, not the columns' lines
    // interleaved as the reading-order layout would give them.
    let out = std::process::Command::new("pdftotext")
        .args(["-raw", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("poppler-utils is installed (scripts/deps-debian.sh)");
    let text = String::from_utf8(out.stdout).unwrap();
    let squeezed: String = text.split_whitespace().collect();
    for expected in [
        "Closing conference",
        "Porto, Portugal",
        "Street traders' markets at the transport hub",
        "National Association of Portuguese Municipalities (national body)",
        "Braga (city)",
        "eThekwini",
        "KwaZulu-Natal province (region)",
        "학교 옥상 에너지 공동체",
        "Under way",
    ] {
        let wanted: String = expected.split_whitespace().collect();
        assert!(squeezed.contains(&wanted), "{expected:?} not in:\n{text}");
    }
    assert_eq!(desk.load_sample_data().unwrap().dissemination_plans, 0);
}
