//! Devices exchanging their work: merge by field, conflicts kept and settled, files checked
//! whole, and a property over random histories that every device ends in the same state with
//! no operation lost.

mod common;

use std::io::Write;

use icp_domain::City;
use icp_store::{Store, StoreError, VersionVector, CURRENT_VERSION, RECORDS_VERSION};
use proptest::prelude::*;

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// `from` sends `to` what its last exchange said `to` lacked; returns the file.
fn send(from: &Store, to: &Store) -> Vec<u8> {
    let mut file = Vec::new();
    from.export_exchange(&mut file, &from.peer_has(to.device()).unwrap(), "Ana Silva")
        .unwrap();
    to.import_exchange(&mut file.as_slice()).unwrap();
    file
}

fn everything(store: &Store) -> Vec<u8> {
    let mut file = Vec::new();
    store
        .export_exchange(&mut file, &VersionVector::new(), "Ana Silva")
        .unwrap();
    file
}

/// Every city and every conflict, as comparable text.
fn state(store: &Store) -> (Vec<City>, Vec<String>) {
    let cities = store.list::<City>(None, 10_000).unwrap();
    let conflicts = store
        .conflicts()
        .unwrap()
        .into_iter()
        .map(|c| format!("{c:?}"))
        .collect();
    (cities, conflicts)
}

fn operations(store: &Store) -> u64 {
    store
        .export_exchange(&mut std::io::sink(), &VersionVector::new(), "")
        .unwrap()
}

#[test]
fn edits_of_different_fields_both_survive_and_of_one_field_leave_a_conflict_to_settle() {
    let (da, db) = (temp(), temp());
    let (a, b) = (
        Store::open(da.path()).unwrap(),
        Store::open(db.path()).unwrap(),
    );
    let mut city = common::gwangju(&a);
    a.save(&city).unwrap();
    send(&a, &b);
    assert_eq!(b.get::<City>(city.id).unwrap(), Some(city.clone()));

    // Different fields, at the same time on both sides.
    let mut on_b = city.clone();
    city.local_name = Some("광주".into());
    a.save(&city).unwrap();
    on_b.population = Some(1_440_000);
    b.save(&on_b).unwrap();
    send(&a, &b);
    send(&b, &a);
    let both = City {
        local_name: Some("광주".into()),
        population: Some(1_440_000),
        ..city.clone()
    };
    assert_eq!(a.get::<City>(city.id).unwrap(), Some(both.clone()));
    assert_eq!(b.get::<City>(city.id).unwrap(), Some(both.clone()));
    assert!(a.conflicts().unwrap().is_empty());

    // The same field: one winner on both sides, and the other value kept.
    a.save(&City {
        name: "Gwangju Metropolitan City".into(),
        ..both.clone()
    })
    .unwrap();
    b.save(&City {
        name: "Kwangju".into(),
        ..both.clone()
    })
    .unwrap();
    send(&a, &b);
    send(&b, &a);
    assert_eq!(state(&a), state(&b));
    let conflicts = a.conflicts().unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].field, "name");
    let values: Vec<&serde_json::Value> = std::iter::once(&conflicts[0].shown.1)
        .chain(conflicts[0].others.iter().map(|(_, v)| v))
        .collect();
    assert!(
        values.contains(&&"Kwangju".into())
            && values.contains(&&"Gwangju Metropolitan City".into())
    );

    // Settled on one side, with the value that was not shown: settled on the other too.
    let loser = conflicts[0].others[0].1.clone();
    a.settle("city", city.id, "name", loser.clone()).unwrap();
    send(&a, &b);
    assert!(b.conflicts().unwrap().is_empty());
    assert_eq!(state(&a), state(&b));
    assert_eq!(
        serde_json::Value::from(b.get::<City>(city.id).unwrap().unwrap().name),
        loser
    );
}

#[test]
fn a_file_imported_twice_changes_nothing_the_second_time() {
    let (da, db) = (temp(), temp());
    let (a, b) = (
        Store::open(da.path()).unwrap(),
        Store::open(db.path()).unwrap(),
    );
    for name in ["Porto", "Braga", "Łódź"] {
        a.save(&common::city(&a, name, "PT", "Europe/Lisbon"))
            .unwrap();
    }
    let file = everything(&a);
    let first = b.import_exchange(&mut file.as_slice()).unwrap();
    assert_eq!(
        (first.merge.new_records, first.merge.new_operations),
        (3, 3 * 7)
    );
    assert_eq!(first.from_person, "Ana Silva");
    let before = state(&b);
    let again = b.import_exchange(&mut file.as_slice()).unwrap();
    assert_eq!(
        (
            again.merge.new_operations,
            again.merge.known_operations,
            again.merge.changed_records
        ),
        (0, 21, 0)
    );
    assert_eq!(state(&b), before);
    // Sending again what b has sends nothing.
    let mut next = Vec::new();
    assert_eq!(
        a.export_exchange(&mut next, &a.peer_has(b.device()).unwrap(), "")
            .unwrap(),
        21,
        "a has not heard from b yet"
    );
    send(&b, &a);
    assert_eq!(
        a.export_exchange(&mut Vec::new(), &a.peer_has(b.device()).unwrap(), "")
            .unwrap(),
        0
    );
}

fn refused(store: &Store, file: &[u8]) -> String {
    match store.import_exchange(&mut &file[..]) {
        Err(e @ StoreError::ExchangeRefused { .. }) => e.to_string(),
        other => panic!("not refused: {other:?}"),
    }
}

fn gzip(text: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(text).unwrap();
    gz.finish().unwrap()
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn gunzip(file: &[u8]) -> String {
    let mut out = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(file), &mut out).unwrap();
    out
}

#[test]
fn truncated_tampered_oversized_and_newer_files_are_refused_and_change_nothing() {
    let (da, db) = (temp(), temp());
    let (a, b) = (
        Store::open(da.path()).unwrap(),
        Store::open(db.path()).unwrap(),
    );
    a.save(&common::gwangju(&a)).unwrap();
    b.save(&common::city(&b, "Porto", "PT", "Europe/Lisbon"))
        .unwrap();
    let file = everything(&a);
    let before = state(&b);
    let ops_before = operations(&b);

    let cut = refused(&b, &file[..file.len() / 2]);
    assert!(
        cut.contains("not a complete exchange file") || cut.contains("cut short"),
        "{cut}"
    );

    let text = gunzip(&file);
    let tampered = gzip(text.replacen("Gwangju", "Gwangjo", 1).as_bytes());
    assert!(refused(&b, &tampered).contains("checksum"));

    let dropped: Vec<&str> = text.lines().take(3).collect();
    assert!(
        refused(&b, gzip((dropped.join("\n") + "\n").as_bytes()).as_slice()).contains("announces")
    );

    let newer = gzip(text.replacen("\"layout\":1", "\"layout\":2", 1).as_bytes());
    assert!(refused(&b, &newer).contains("newer version of ICP Desk"));
    // Records of a newer shape are refused; a newer store layout alone is not a reason to.
    let header: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(header["schema_version"], RECORDS_VERSION);
    let shape = format!("\"schema_version\":{RECORDS_VERSION}");
    let newer_records = format!("\"schema_version\":{}", CURRENT_VERSION + 1);
    let newer = gzip(text.replacen(&shape, &newer_records, 1).as_bytes());
    assert!(refused(&b, &newer).contains("newer version of ICP Desk"));

    let long = format!(
        "{}\n{}\n",
        text.lines().next().unwrap(),
        "x".repeat(5 * 1024 * 1024)
    );
    assert!(refused(&b, &gzip(long.as_bytes())).contains("too long"));

    assert!(refused(&b, b"hello, not a file").contains("not a complete exchange file"));

    // A well-formed file whose value the record cannot hold, checksum and all.
    let lines: Vec<&str> = text.lines().collect();
    let bad_op = lines[1..]
        .iter()
        .find(|l| l.contains("\"population\""))
        .unwrap()
        .replacen("\"value\":null", "\"value\":\"many\"", 1);
    let body = format!("{bad_op}\n");
    let mut header: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    header["operations"] = 1.into();
    header["sha256"] = sha256_hex(body.as_bytes()).into();
    let bad = gzip(format!("{header}\n{body}").as_bytes());
    assert!(refused(&b, &bad).contains("cannot be read"));
    assert!(refused(&b, &gzip(b"{\"format\":\"something else\"}\n"))
        .contains("not an ICP Desk exchange file"));

    assert_eq!(state(&b), before);
    assert_eq!(operations(&b), ops_before);
}

/// What one device does next in a random history.
#[derive(Debug, Clone)]
enum Step {
    /// Device, city, field (0 name, 1 local name, 2 population), value.
    Edit(usize, usize, usize, u8),
    Delete(usize, usize),
    /// Settle the first conflict the device sees, with its first other value.
    Settle(usize),
    /// From, to.
    Send(usize, usize),
}

fn step(devices: usize) -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0..devices, 0..2usize, 0..3usize, any::<u8>()).prop_map(|(d, c, f, v)| Step::Edit(d, c, f, v)),
        1 => (0..devices, 0..2usize).prop_map(|(d, c)| Step::Delete(d, c)),
        1 => (0..devices).prop_map(Step::Settle),
        4 => (0..devices, 0..devices).prop_map(|(a, b)| Step::Send(a, b)),
    ]
}

fn history() -> impl Strategy<Value = (usize, Vec<Step>)> {
    (3..=5usize).prop_flat_map(|n| (Just(n), proptest::collection::vec(step(n), 5..30)))
}

fn cases() -> u32 {
    std::env::var("ICP_MERGE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn every_device_ends_in_the_same_state_with_no_operation_lost((n, steps) in history()) {
        let dirs: Vec<tempfile::TempDir> = (0..n).map(|_| temp()).collect();
        let stores: Vec<Store> = dirs.iter().map(|d| Store::open(d.path()).unwrap()).collect();
        let cities: Vec<City> = ["Gwangju", "Taichung"]
            .iter()
            .map(|name| common::city(&stores[0], name, "KR", "Asia/Seoul"))
            .collect();
        for c in &cities {
            stores[0].save(c).unwrap();
        }
        let mut written = operations(&stores[0]);
        for s in &stores[1..] {
            send(&stores[0], s);
        }
        for step in steps {
            match step {
                Step::Edit(d, c, f, v) => {
                    let store = &stores[d];
                    let mut city = store.get::<City>(cities[c].id).unwrap().unwrap_or_else(|| cities[c].clone());
                    match f {
                        0 => city.name = format!("City {v}"),
                        1 => city.local_name = Some(format!("도시 {v}")),
                        _ => city.population = Some(u64::from(v) * 1_000),
                    }
                    let before = operations(store);
                    store.save(&city).unwrap();
                    written += operations(store) - before;
                }
                Step::Delete(d, c) => {
                    let before = operations(&stores[d]);
                    stores[d].delete::<City>(cities[c].id).unwrap();
                    written += operations(&stores[d]) - before;
                }
                Step::Settle(d) => {
                    if let Some(c) = stores[d].conflicts().unwrap().into_iter().next() {
                        stores[d].settle(&c.collection, c.id, &c.field, c.others[0].1.clone()).unwrap();
                        written += 1;
                    }
                }
                Step::Send(a, b) if a != b => {
                    send(&stores[a], &stores[b]);
                }
                Step::Send(..) => {}
            }
        }
        // Everyone hears from everyone, in a ring and back.
        for _ in 0..2 {
            for i in 0..n {
                send(&stores[i], &stores[(i + 1) % n]);
            }
        }
        let first = state(&stores[0]);
        for s in &stores[1..] {
            prop_assert_eq!(&state(s), &first);
        }
        for s in &stores {
            prop_assert_eq!(operations(s), written);
            s.check_indexes().unwrap();
        }
    }
}
