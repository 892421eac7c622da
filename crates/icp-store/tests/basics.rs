mod common;

use std::time::Duration;

use common::{city, gwangju, snapshot};
use icp_domain::{City, Id};
use icp_store::{Change, Options, Store, StoreError, CURRENT_VERSION};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn a_new_store_is_empty_at_the_current_version_and_keeps_its_device() {
    let dir = temp();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.schema_version(), CURRENT_VERSION);
    assert_eq!(store.path(), dir.path());
    assert!(store.is_empty().unwrap());
    let device = store.device();
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.device(), device);
    store.check_indexes().unwrap();
}

#[test]
fn ids_strictly_increase() {
    let dir = temp();
    let store = Store::open(dir.path()).unwrap();
    let ids: Vec<Id> = (0..1000).map(|_| store.new_id()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn save_get_list_pages_in_id_order_and_count() {
    let dir = temp();
    let store = Store::open(dir.path()).unwrap();
    let cities: Vec<City> = (0..25)
        .map(|i| city(&store, &format!("City {i}"), "DE", "Europe/Berlin"))
        .collect();
    // Saved out of order: the list is still in id order.
    for c in cities.iter().rev() {
        store.save(c).unwrap();
    }
    assert!(!store.is_empty().unwrap());
    assert_eq!(store.count::<City>().unwrap(), 25);
    assert_eq!(
        store.get::<City>(cities[3].id).unwrap().as_ref(),
        Some(&cities[3])
    );
    assert_eq!(store.get::<City>(store.new_id()).unwrap(), None);

    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = store.list::<City>(after, 10).unwrap();
        if page.is_empty() {
            break;
        }
        assert!(page.len() <= 10);
        after = page.last().map(|c| c.id);
        seen.extend(page);
    }
    assert_eq!(seen, cities);
    assert!(store.list::<City>(None, 0).unwrap().is_empty());
}

#[test]
fn find_uses_the_index_and_follows_updates() {
    let dir = temp();
    let store = Store::open(dir.path()).unwrap();
    let mut lodz = city(&store, "Łódź", "PL", "Europe/Warsaw");
    let seoul = city(&store, "Seoul", "KR", "Asia/Seoul");
    let busan = city(&store, "Busan", "KR", "Asia/Seoul");
    for c in [&lodz, &seoul, &busan] {
        store.save(c).unwrap();
    }
    // The name index holds folded names.
    assert_eq!(
        store.find::<City>("name", "lodz").unwrap(),
        vec![lodz.clone()]
    );
    assert_eq!(
        store.find::<City>("country", "KR").unwrap(),
        vec![seoul.clone(), busan.clone()]
    );
    assert!(store.find::<City>("country", "K").unwrap().is_empty());
    assert!(store.find::<City>("nope", "KR").unwrap().is_empty());

    lodz.name = "Lodz City".into();
    lodz.country = "KR".into();
    store.save(&lodz).unwrap();
    assert!(store.find::<City>("name", "lodz").unwrap().is_empty());
    assert!(store.find::<City>("country", "PL").unwrap().is_empty());
    assert_eq!(
        store.find::<City>("name", "lodz city").unwrap(),
        vec![lodz.clone()]
    );
    assert_eq!(store.find::<City>("country", "KR").unwrap().len(), 3);
    store.check_indexes().unwrap();
}

#[test]
fn saving_writes_only_the_fields_that_changed() {
    let dir = temp();
    let store = Store::open(dir.path()).unwrap();
    let mut c = gwangju(&store);
    store.save(&c).unwrap();
    let first = store.history("city", c.id).unwrap();
    let field_count = serde_json::to_value(&c).unwrap().as_object().unwrap().len() - 1;
    assert_eq!(
        first.len(),
        field_count,
        "a new record writes every field but the id"
    );
    assert!(first
        .iter()
        .all(|op| op.device == store.device() && op.id == c.id));
    assert!(first
        .iter()
        .all(|op| !matches!(&op.change, Change::Set { field, .. } if field == "id")));
    assert!(first.windows(2).all(|w| w[0].hlc < w[1].hlc));

    store.save(&c).unwrap();
    assert_eq!(
        store.history("city", c.id).unwrap().len(),
        field_count,
        "an unchanged save writes nothing"
    );

    c.local_name = Some("광주".into());
    store.save(&c).unwrap();
    let after = store.history("city", c.id).unwrap();
    assert_eq!(after.len(), field_count + 1);
    match &after.last().unwrap().change {
        Change::Set { field, value } => {
            assert_eq!(field, "local_name");
            assert_eq!(value, &serde_json::json!("광주"));
        }
        other => panic!("expected a set, got {other:?}"),
    }
    assert_eq!(store.get::<City>(c.id).unwrap(), Some(c));
}

#[test]
fn delete_is_a_tombstone_in_the_history() {
    let dir = temp();
    let store = Store::open(dir.path()).unwrap();
    let c = gwangju(&store);
    let other = city(&store, "Taichung", "TW", "Asia/Taipei");
    store.save(&c).unwrap();
    store.save(&other).unwrap();
    assert!(store.delete::<City>(c.id).unwrap());
    assert!(!store.delete::<City>(c.id).unwrap());
    assert!(!store.delete::<City>(store.new_id()).unwrap());
    assert_eq!(store.get::<City>(c.id).unwrap(), None);
    assert_eq!(store.count::<City>().unwrap(), 1);
    assert_eq!(store.list::<City>(None, 10).unwrap(), vec![other.clone()]);
    assert!(store.find::<City>("country", "KR").unwrap().is_empty());
    let history = store.history("city", c.id).unwrap();
    assert_eq!(history.last().unwrap().change, Change::Delete);
    store.check_indexes().unwrap();

    // Saving it again brings it back whole.
    store.save(&c).unwrap();
    assert_eq!(store.get::<City>(c.id).unwrap(), Some(c.clone()));
    assert_eq!(
        store.find::<City>("country", "KR").unwrap(),
        vec![c.clone()]
    );
    store.check_indexes().unwrap();

    assert!(store.delete::<City>(c.id).unwrap());
    assert!(store.delete::<City>(other.id).unwrap());
    assert!(store.is_empty().unwrap());
}

#[test]
fn reopening_returns_the_same_state_and_the_clock_goes_on() {
    let dir = temp();
    let (cities, history, last_hlc) = {
        let store = Store::open(dir.path()).unwrap();
        let cities: Vec<City> = (0..5)
            .map(|i| city(&store, &format!("C{i}"), "FR", "Europe/Paris"))
            .collect();
        for c in &cities {
            store.save(c).unwrap();
        }
        store.delete::<City>(cities[0].id).unwrap();
        let history = store.history("city", cities[1].id).unwrap();
        let last = store
            .history("city", cities[0].id)
            .unwrap()
            .last()
            .unwrap()
            .hlc;
        (cities, history, last)
    };
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.list::<City>(None, 100).unwrap(), cities[1..].to_vec());
    assert_eq!(store.get::<City>(cities[0].id).unwrap(), None);
    assert_eq!(store.history("city", cities[1].id).unwrap(), history);
    store.check_indexes().unwrap();
    let mut c = cities[2].clone();
    c.population = Some(1);
    store.save(&c).unwrap();
    assert!(store.history("city", c.id).unwrap().last().unwrap().hlc > last_hlc);
}

/// Makes a store with one city, then stamps it with a newer version the way a newer ICP Desk
/// would: in `meta` and, when `marker` is set, in the marker file beside sled's files.
fn newer_store(marker: bool) -> tempfile::TempDir {
    let dir = temp();
    {
        let store = Store::open(dir.path()).unwrap();
        store.save(&gwangju(&store)).unwrap();
    }
    // Dropping sled's Db lets go of the lock only when its threads end.
    std::thread::sleep(Duration::from_millis(200));
    {
        let db = sled::open(dir.path()).unwrap();
        let meta = db.open_tree("meta").unwrap();
        meta.insert("schema_version", &(CURRENT_VERSION + 1).to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    if marker {
        let text = format!(
            r#"{{"format":"icp-desk-store","schema_version":{}}}"#,
            CURRENT_VERSION + 1
        );
        std::fs::write(dir.path().join("icp-desk-store.json"), text).unwrap();
    }
    std::thread::sleep(Duration::from_millis(200));
    dir
}

fn assert_too_new(err: StoreError) {
    assert!(
        matches!(err, StoreError::TooNew { found, supported } if found == CURRENT_VERSION + 1 && supported == CURRENT_VERSION)
    );
    assert_eq!(err.code(), "store_too_new");
    let message = err.to_string();
    assert!(message.contains("written by a newer ICP Desk"), "{message}");
    assert!(
        message.contains("Open it with that newer version"),
        "{message}"
    );
}

fn assert_version_and_records_unchanged(dir: &std::path::Path) {
    std::thread::sleep(Duration::from_millis(200));
    let db = sled::open(dir).unwrap();
    let version = db
        .open_tree("meta")
        .unwrap()
        .get("schema_version")
        .unwrap()
        .unwrap();
    assert_eq!(version.as_ref(), &(CURRENT_VERSION + 1).to_be_bytes());
    assert_eq!(db.open_tree("records").unwrap().len(), 1);
    assert_eq!(db.open_tree("index").unwrap().len(), 2);
}

#[test]
fn a_store_from_a_newer_app_is_refused_and_its_bytes_left_untouched() {
    let dir = newer_store(true);
    let before = snapshot(dir.path());
    assert_too_new(Store::open(dir.path()).err().expect("refused"));
    std::thread::sleep(Duration::from_millis(200));
    assert!(snapshot(dir.path()) == before, "the folder's bytes changed");
    assert_version_and_records_unchanged(dir.path());
}

#[test]
fn a_newer_version_in_meta_alone_is_refused_too() {
    // sled rewrites its own bookkeeping on every open, so here only the data is compared.
    let dir = newer_store(false);
    assert_too_new(Store::open(dir.path()).err().expect("refused"));
    assert_version_and_records_unchanged(dir.path());
}

#[test]
fn a_second_opener_in_this_process_is_told_the_app_is_open() {
    let dir = temp();
    let store = Store::open(dir.path()).unwrap();
    let started = std::time::Instant::now();
    let opts = Options {
        lock_wait: Duration::from_millis(300),
        ..Options::default()
    };
    let err = Store::open_with(dir.path(), opts).err().expect("refused");
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "it retried for lock_wait"
    );
    assert_eq!(err.code(), "already_open");
    assert_eq!(
        err.to_string(),
        format!(
            "ICP Desk is already open (data folder {}).",
            dir.path().display()
        )
    );
    drop(store);
    // The default wait covers the moment sled takes to let go.
    Store::open(dir.path()).unwrap();
}

#[test]
fn undecodable_meta_is_reported_as_corrupt() {
    let dir = temp();
    {
        let store = Store::open(dir.path()).unwrap();
        store.save(&gwangju(&store)).unwrap();
    }
    {
        let db = sled::open(dir.path()).unwrap();
        db.open_tree("meta")
            .unwrap()
            .insert("schema_version", b"xyz".as_slice())
            .unwrap();
        db.flush().unwrap();
    }
    let err = Store::open(dir.path()).err().expect("refused");
    assert_eq!(err.code(), "store_corrupt");
    let message = err.to_string();
    assert!(message.contains("damaged"), "{message}");
    assert!(message.contains("Nothing was changed"), "{message}");
    assert!(message.contains("backup import"), "{message}");
}

#[test]
fn records_without_a_version_are_reported_as_corrupt() {
    let dir = temp();
    {
        let store = Store::open(dir.path()).unwrap();
        store.save(&gwangju(&store)).unwrap();
    }
    {
        let db = sled::open(dir.path()).unwrap();
        db.open_tree("meta")
            .unwrap()
            .remove("schema_version")
            .unwrap();
        db.flush().unwrap();
    }
    let err = Store::open(dir.path()).err().expect("refused");
    assert_eq!(err.code(), "store_corrupt", "{err}");
}

#[test]
fn garbage_files_are_reported_as_corrupt_without_a_panic() {
    for victim in ["conf", "db"] {
        let dir = temp();
        {
            let store = Store::open(dir.path()).unwrap();
            for i in 0..50 {
                store
                    .save(&city(&store, &format!("C{i}"), "KR", "Asia/Seoul"))
                    .unwrap();
            }
        }
        std::thread::sleep(Duration::from_millis(100));
        let path = dir.path().join(victim);
        let len = std::fs::metadata(&path).unwrap().len().max(64) as usize;
        let garbage: Vec<u8> = (0..len).map(|i| (i * 7919 % 251) as u8).collect();
        std::fs::write(&path, garbage).unwrap();
        let opts = Options {
            lock_wait: Duration::from_millis(100),
            ..Options::default()
        };
        match Store::open_with(dir.path(), opts) {
            Err(e) => {
                assert_eq!(e.code(), "store_corrupt", "{victim}: {e}");
                assert!(e.to_string().contains("damaged"));
            }
            Ok(_) => panic!("{victim}: a garbage file was opened as a store"),
        }
    }
}

#[test]
fn error_codes_are_stable() {
    let p = std::path::PathBuf::from("/x");
    let all = [
        (StoreError::AlreadyOpen { path: p.clone() }, "already_open"),
        (
            StoreError::TooNew {
                found: 3,
                supported: 2,
            },
            "store_too_new",
        ),
        (
            StoreError::Corrupt {
                path: p.clone(),
                backups: p.clone(),
                detail: "d".into(),
            },
            "store_corrupt",
        ),
        (
            StoreError::UnknownCollection {
                collection: "x".into(),
            },
            "unknown_collection",
        ),
        (
            StoreError::Encoding {
                collection: "x".into(),
                detail: "d".into(),
            },
            "encoding",
        ),
        (
            StoreError::IndexMismatch {
                collection: "x".into(),
                detail: "d".into(),
            },
            "index_mismatch",
        ),
        (StoreError::NotEmpty, "store_not_empty"),
        (
            StoreError::BackupInvalid {
                line: 1,
                reason: "r".into(),
            },
            "backup_invalid",
        ),
        (StoreError::Io { detail: "d".into() }, "io"),
    ];
    for (e, code) in all {
        assert_eq!(e.code(), code);
        assert!(!e.to_string().is_empty());
    }
}

#[test]
fn store_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Store>();
}

#[test]
fn a_garbage_marker_is_reported_as_corrupt() {
    let dir = temp();
    drop(Store::open(dir.path()).unwrap());
    std::fs::write(dir.path().join("icp-desk-store.json"), b"\x00\x01garbage").unwrap();
    let err = Store::open(dir.path()).err().expect("refused");
    assert_eq!(err.code(), "store_corrupt", "{err}");
}

#[test]
fn records_of_several_kinds_are_saved_together_or_not_at_all() {
    let dir = temp();
    let store = Store::open(dir.path()).unwrap();
    let porto = city(&store, "Porto", "PT", "Europe/Lisbon");
    let cluster = icp_domain::Cluster {
        id: store.new_id(),
        theme: "circular_economy".into(),
        manager: None,
        members: vec![icp_domain::ClusterMember {
            city: porto.id,
            priorities: vec![],
        }],
        sample: false,
    };
    let refused = store.save_together(|b| {
        b.save(&porto)?;
        b.save(&cluster)?;
        Err(StoreError::UnknownCollection {
            collection: "a step that failed".into(),
        })
    });
    assert!(refused.is_err());
    assert!(store.is_empty().unwrap(), "a failed batch writes nothing");
    store
        .save_together(|b| {
            b.save(&porto)?;
            b.save(&cluster)
        })
        .unwrap();
    assert_eq!(store.get::<City>(porto.id).unwrap(), Some(porto));
    assert_eq!(
        store.get::<icp_domain::Cluster>(cluster.id).unwrap(),
        Some(cluster)
    );
    store.check_indexes().unwrap();
}
