//! Two desktops exchanging files through the desk: a conflict shown side by side with who
//! wrote each value, settled on one side and settled on the other by the next file, and every
//! record's history with who changed what.

mod common;

use icp_api::Desk;
use icp_domain::CityInput;

fn city_input(id: Option<icp_domain::Id>, name: &str, population: &str) -> CityInput {
    CityInput {
        id,
        name: name.into(),
        country: "KR".into(),
        time_zone: "Asia/Seoul".into(),
        population: population.into(),
        ..Default::default()
    }
}

#[test]
fn a_conflict_shows_both_values_with_who_and_settles_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (
        Desk::open(&dir.path().join("a")).unwrap(),
        Desk::open(&dir.path().join("b")).unwrap(),
    );
    let file = |name: &str| dir.path().join(name);
    let id = a.save_city(&city_input(None, "Gwangju", "")).unwrap().id;
    a.export_exchange(&file("1"), "Ana Silva").unwrap();
    let first = b.import_exchange(&file("1")).unwrap();
    assert_eq!(
        (first.from_person.as_str(), first.new_records),
        ("Ana Silva", 1)
    );

    a.save_city(&city_input(Some(id), "Gwangju Metropolitan City", ""))
        .unwrap();
    b.save_city(&city_input(Some(id), "Kwangju", "1440000"))
        .unwrap();
    a.export_exchange(&file("2"), "Ana Silva").unwrap();
    b.export_exchange(&file("3"), "Jonas Weber").unwrap();
    let on_b = b.import_exchange(&file("2")).unwrap();
    let on_a = a.import_exchange(&file("3")).unwrap();
    assert_eq!((on_a.conflicted_records, on_b.conflicted_records), (1, 1));

    let conflicts = a.list_conflicts().unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    let c = &conflicts[0];
    assert_eq!((c.collection.as_str(), c.field.as_str()), ("city", "name"));
    let mut both: Vec<(String, String)> = std::iter::once(&c.shown)
        .chain(&c.others)
        .map(|v| (v.text.clone(), v.who.clone()))
        .collect();
    both.sort();
    assert_eq!(
        both,
        [
            (
                "Gwangju Metropolitan City".to_string(),
                "This desktop".to_string()
            ),
            ("Kwangju".to_string(), "Jonas Weber".to_string())
        ]
    );
    // The population, changed on one side only, came across without a conflict.
    assert_eq!(a.get_city(id).unwrap().population, Some(1_440_000));

    // A merged text, settled on a; the next file settles it on b.
    a.settle_conflict("city", id, "name", "\"Gwangju (Kwangju)\"")
        .unwrap();
    assert!(a.list_conflicts().unwrap().is_empty());
    a.export_exchange(&file("4"), "Ana Silva").unwrap();
    b.import_exchange(&file("4")).unwrap();
    assert!(b.list_conflicts().unwrap().is_empty());
    assert_eq!(b.get_city(id).unwrap().name, "Gwangju (Kwangju)");

    let err = a
        .settle_conflict("city", id, "name", "not json")
        .unwrap_err();
    assert_eq!(err.code(), "bad_request");
    assert!(a
        .settle_conflict("city", id, "population", "\"many\"")
        .is_err());

    let history = b.record_history("city", id).unwrap();
    let names: Vec<(&str, &str, &str)> = history
        .iter()
        .filter(|c| c.field == "name")
        .map(|c| (c.who.as_str(), c.old.as_str(), c.new.as_str()))
        .collect();
    assert_eq!(names.first(), Some(&("Ana Silva", "—", "Gwangju")));
    let last = names.last().unwrap();
    assert_eq!((last.0, last.2), ("Ana Silva", "Gwangju (Kwangju)"));
    assert!(names
        .iter()
        .any(|(who, _, new)| *who == "This desktop" && *new == "Kwangju"));
    assert!(history.iter().all(|c| c.at.starts_with("20")));
}
