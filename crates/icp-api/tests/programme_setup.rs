//! Selection and pairing through `Desk`, on the sample programme.

mod common;

use icp_api::Desk;
use icp_domain::pairing::PairingConstraints;
use icp_domain::selection::Reason;

fn sample() -> (tempfile::TempDir, Desk) {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let loaded = desk.load_sample_data().unwrap();
    assert_eq!((loaded.candidatures, loaded.clusters), (40, 4));
    (dir, desk)
}

#[test]
fn the_sample_selection_fills_every_quota_and_explains_every_candidature() {
    let (_dir, desk) = sample();
    let s = desk.suggest_selection().unwrap();
    assert_eq!(s.entries.len(), 40);
    assert_eq!(s.entries.iter().filter(|e| e.selected).count(), 28);
    for g in &s.groups {
        assert_eq!(g.selected, g.quota, "{}", g.label);
    }
    let eu: Vec<&str> = s
        .entries
        .iter()
        .filter(|e| e.selected && e.group.as_deref() == Some("eu"))
        .map(|e| e.country.as_str())
        .collect();
    let mut distinct = eu.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        eu.len(),
        "one EU city a Member State: {eu:?}"
    );
    let malmo = s.entries.iter().find(|e| e.city_name == "Malmö").unwrap();
    assert_eq!(malmo.reason, Reason::Late);
    assert!(s.entries.iter().all(|e| !e.why.is_empty()));
    // Loading the sample again adds no second set of candidatures.
    assert_eq!(desk.load_sample_data().unwrap().candidatures, 0);
    assert_eq!(desk.list_candidatures().unwrap().len(), 40);
}

#[test]
fn pairings_pair_every_sample_city_and_respect_locks_and_exclusions() {
    let (_dir, desk) = sample();
    // The sample comes with Porto – eThekwini accepted; undone, every city is open again.
    let accepted = desk.list_pairings().unwrap();
    assert_eq!(accepted.len(), 1);
    assert!(accepted[0].sample && accepted[0].manager.is_some());
    desk.delete_pairing(accepted[0].id).unwrap();
    let free = desk
        .suggest_pairings(&PairingConstraints::default())
        .unwrap();
    assert_eq!((free.eu.len(), free.partners.len()), (7, 7));
    assert_eq!(free.matrix.len(), 7);
    assert!(free.matrix.iter().all(|row| row.len() == 7));
    assert_eq!(free.suggestion.pairs.len(), 7);
    let porto = free.eu.iter().find(|c| c.name == "Porto").unwrap().id;
    let durban = free
        .partners
        .iter()
        .find(|c| c.name.starts_with("eThekwini"))
        .unwrap()
        .id;
    let gwangju = free
        .partners
        .iter()
        .find(|c| c.name == "Gwangju")
        .unwrap()
        .id;
    // The public pair eThekwini – Porto, locked; Porto – Gwangju forbidden.
    let constrained = desk
        .suggest_pairings(&PairingConstraints {
            locked: vec![(porto, durban)],
            forbidden: vec![(porto, gwangju)],
        })
        .unwrap();
    let pair = constrained
        .suggestion
        .pairs
        .iter()
        .find(|p| p.eu == porto)
        .unwrap();
    assert_eq!(pair.partner, durban);
    assert!(pair.locked);
    assert!(constrained.suggestion.total <= free.suggestion.total);
    // Each score is the sum of its factors, all of them shown.
    for c in free.matrix.iter().flatten() {
        assert_eq!(c.total, c.factors.iter().map(|f| f.points).sum::<i64>());
        assert_eq!(c.factors.len(), 4);
    }
    let err = desk
        .suggest_pairings(&PairingConstraints {
            locked: vec![(porto, durban), (porto, gwangju)],
            forbidden: vec![],
        })
        .unwrap_err();
    assert_eq!(err.to_ipc().code, "unpairable");
}

fn fixture() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/candidatures.csv")
}

#[test]
fn the_forms_export_imports_in_one_go_with_its_columns_recognised() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let preview = desk.preview_candidatures_csv(&fixture()).unwrap();
    assert_eq!(preview.rows, 40);
    assert_eq!(preview.mapping.city, "City");
    assert_eq!(preview.mapping.answers.len(), 5, "{:?}", preview.mapping);
    assert_eq!(desk.import_candidatures_csv(&fixture(), None).unwrap(), 40);
    let listed = desk.list_candidatures().unwrap();
    assert_eq!(listed.len(), 40);
    assert_eq!(listed.iter().filter(|c| c.late).count(), 3);
    // Importing the same export again is refused line by line, and adds nothing.
    let again = desk
        .import_candidatures_csv(&fixture(), None)
        .unwrap_err()
        .to_ipc();
    assert_eq!(again.issues.len(), 40);
    assert!(
        again.issues[0]
            .message
            .contains("already has a candidature"),
        "{:?}",
        again.issues[0]
    );
    assert_eq!(desk.list_candidatures().unwrap().len(), 40);
}

#[test]
fn a_bad_export_is_refused_with_lines_and_reasons_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let good = std::fs::read_to_string(fixture()).unwrap();
    let mut lines: Vec<String> = good.lines().map(str::to_string).collect();
    lines[3] = lines[3].replacen(",PT,", ",Narnia,", 1);
    lines[7] = lines[7].replacen("2021-", "20x1-", 1);
    lines.push(lines[1].clone());
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, lines.join("\n")).unwrap();
    let err = desk
        .import_candidatures_csv(&bad, None)
        .unwrap_err()
        .to_ipc();
    let messages: Vec<&str> = err.issues.iter().map(|i| i.message.as_str()).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages[0].starts_with("Line 4, column “Country”") && messages[0].contains("Narnia"));
    assert!(messages[1].starts_with("Line 8, column “Timestamp”"));
    assert!(messages[2].starts_with("Line 42, column “City”") && messages[2].contains("line 2"));
    assert!(
        desk.list_candidatures().unwrap().is_empty(),
        "nothing half-imported"
    );

    let missing = dir.path().join("missing-column.csv");
    std::fs::write(&missing, good.replacen("Country", "Land", 1)).unwrap();
    let err = desk
        .import_candidatures_csv(&missing, None)
        .unwrap_err()
        .to_ipc();
    assert!(
        err.issues[0]
            .message
            .contains("no column is chosen for the country"),
        "{:?}",
        err.issues
    );
    assert!(desk.list_candidatures().unwrap().is_empty());
}

#[test]
fn imported_candidatures_are_scored_then_the_suggestion_is_confirmed_and_its_cities_join() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    desk.import_candidatures_csv(&fixture(), None).unwrap();
    let criteria: Vec<String> = desk
        .programme()
        .criteria
        .iter()
        .map(|c| c.key.clone())
        .collect();
    for (i, view) in desk.list_candidatures().unwrap().iter().enumerate() {
        let score = (3 + (i * 7) % 8) as u8;
        let review = icp_domain::Review {
            reviewer: "Coordinator".into(),
            scores: criteria.iter().map(|k| (k.clone(), score)).collect(),
            note: String::new(),
        };
        let scored = desk.save_review(view.candidature.id, &review).unwrap();
        assert_eq!(scored.score, Some(f64::from(score)));
    }
    // A second review by the same reviewer replaces the first.
    let first = desk.list_candidatures().unwrap()[0].candidature.clone();
    let again = icp_domain::Review {
        reviewer: "Coordinator".into(),
        scores: criteria.iter().map(|k| (k.clone(), 10)).collect(),
        note: "Re-read".into(),
    };
    assert_eq!(
        desk.save_review(first.id, &again)
            .unwrap()
            .candidature
            .reviews
            .len(),
        1
    );
    let bad = icp_domain::Review {
        reviewer: "Coordinator".into(),
        scores: [(criteria[0].clone(), 11)].into(),
        note: String::new(),
    };
    assert_eq!(
        desk.save_review(first.id, &bad).unwrap_err().to_ipc().code,
        "out_of_range"
    );

    let suggestion = desk.suggest_selection().unwrap();
    let chosen: Vec<icp_domain::Id> = suggestion
        .entries
        .iter()
        .filter(|e| e.selected)
        .map(|e| e.candidature)
        .collect();
    assert_eq!(chosen.len(), 28);
    assert!(desk
        .selection_board(&chosen)
        .unwrap()
        .iter()
        .all(|g| g.violations.is_empty()));

    // Two cities of one Member State: the board says so, and confirming is refused.
    let second_pt = suggestion
        .entries
        .iter()
        .find(|e| !e.selected && e.country == "PT")
        .unwrap()
        .candidature;
    let mut broken = chosen.clone();
    broken.push(second_pt);
    let board = desk.selection_board(&broken).unwrap();
    assert!(board
        .iter()
        .any(|g| g.violations.iter().any(|v| v.contains("PT"))));
    let refused = desk.confirm_selection(&broken, "").unwrap_err().to_ipc();
    assert_eq!(refused.code, "quota_broken");
    assert!(refused.message.contains("PT"), "{}", refused.message);
    assert!(
        desk.list_cities(&Default::default()).unwrap().is_empty(),
        "nothing written"
    );

    let outcome = desk.confirm_selection(&chosen, "As suggested").unwrap();
    assert_eq!(outcome.cities_added, 28);
    let cities = desk.list_cities(&Default::default()).unwrap();
    assert_eq!(cities.len(), 28);
    assert!(cities.iter().all(|c| !c.time_zone.is_empty()));

    // Pairings over the programme's new cities; accepting them, then a city twice, refused.
    let board = desk.suggest_pairings(&Default::default()).unwrap();
    assert_eq!((board.eu.len(), board.partners.len()), (14, 14));
    let pairs: Vec<(icp_domain::Id, icp_domain::Id)> = board
        .suggestion
        .pairs
        .iter()
        .map(|p| (p.eu, p.partner))
        .collect();
    assert_eq!(desk.accept_pairings(&pairs).unwrap().len(), 14);
    let again = desk.accept_pairings(&pairs[..1]).unwrap_err().to_ipc();
    let fields: Vec<(&str, Option<&str>)> = again
        .issues
        .iter()
        .map(|i| (i.code.as_str(), i.field.as_deref()))
        .collect();
    assert_eq!(
        fields,
        [
            ("already_paired", Some("pairs.0.eu_city")),
            ("already_paired", Some("pairs.0.partner_city"))
        ]
    );
    assert_eq!(desk.list_pairings().unwrap().len(), 14);
    let manager = desk.add_person(&common::person("Pairing manager")).unwrap();
    let first = desk.list_pairings().unwrap()[0].clone();
    let managed = desk
        .set_pairing_manager(first.id, Some(manager.id))
        .unwrap();
    assert_eq!(managed.manager, Some(manager.id));
    let nobody = icp_domain::Id::from_parts(9, 9);
    assert_eq!(
        desk.set_pairing_manager(first.id, Some(nobody))
            .unwrap_err()
            .to_ipc()
            .code,
        "unknown_record"
    );
    let wrong_way = desk
        .accept_pairings(&[(pairs[0].1, pairs[0].0)])
        .unwrap_err()
        .to_ipc();
    assert_eq!(wrong_way.code, "invalid", "{wrong_way:?}");
}

#[test]
fn clusters_take_one_theme_each_and_a_manager_from_the_directory() {
    let (_dir, desk) = sample();
    let clusters = desk.list_clusters().unwrap();
    assert_eq!(clusters.len(), 4);
    assert_eq!(clusters[0].theme, "circular_economy");
    let second = icp_domain::Cluster {
        id: desk
            .programme()
            .criteria
            .first()
            .map(|_| clusters[1].id)
            .unwrap(),
        theme: clusters[0].theme.clone(),
        ..clusters[1].clone()
    };
    assert_eq!(
        desk.save_cluster(&second).unwrap_err().to_ipc().code,
        "duplicate"
    );
    let unknown_manager = icp_domain::Cluster {
        manager: Some(icp_domain::Id::from_parts(9, 9)),
        ..clusters[0].clone()
    };
    let err = desk.save_cluster(&unknown_manager).unwrap_err().to_ipc();
    assert_eq!(
        (err.code.as_str(), err.field.as_deref()),
        ("unknown_record", Some("manager"))
    );
    let mut edited = clusters[0].clone();
    edited.members[0].priorities.push("repair cafés".into());
    let saved = desk.save_cluster(&edited).unwrap();
    assert!(saved.sample, "an edit keeps the sample mark");
    assert_eq!(desk.list_clusters().unwrap()[0], saved);
}

#[test]
fn a_cluster_not_on_record_is_created_with_an_id_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let sent = icp_domain::Id::from_bytes([0; 16]);
    let draft = icp_domain::Cluster {
        id: sent,
        theme: "air_quality".into(),
        manager: None,
        members: Vec::new(),
        sample: true,
    };
    let saved = desk.save_cluster(&draft).unwrap();
    assert_ne!(saved.id, sent);
    assert!(
        !saved.sample,
        "only the sample programme makes sample records"
    );
    assert_eq!(desk.list_clusters().unwrap(), vec![saved.clone()]);
    let again = desk.save_cluster(&draft).unwrap_err().to_ipc();
    assert_eq!(again.code, "duplicate", "still one cluster a theme");
}
