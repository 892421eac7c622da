//! Selection and pairing through `Desk`, on the sample programme.

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
