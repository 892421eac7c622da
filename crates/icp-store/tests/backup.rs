mod common;

use common::city;
use icp_domain::City;
use icp_store::{Store, StoreError, RECORDS_VERSION};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// A store with saves, updates, a delete and a resurrection.
fn source(dir: &std::path::Path) -> Store {
    let store = Store::open(dir).unwrap();
    let mut cities: Vec<City> = (0..20)
        .map(|i| {
            city(
                &store,
                &format!("City {i}"),
                ["KR", "TW", "DE"][i % 3],
                "Asia/Seoul",
            )
        })
        .collect();
    for c in &cities {
        store.save(c).unwrap();
    }
    cities[1].local_name = Some("臺中".into());
    cities[1].population = Some(2_800_000);
    store.save(&cities[1]).unwrap();
    store.delete::<City>(cities[2].id).unwrap();
    store.delete::<City>(cities[3].id).unwrap();
    cities[3].name = "Back again".into();
    store.save(&cities[3]).unwrap();
    store
}

fn export(store: &Store) -> Vec<u8> {
    let mut out = Vec::new();
    store.export_backup(&mut out).unwrap();
    out
}

#[test]
fn a_backup_restores_the_same_state() {
    let (a, b) = (temp(), temp());
    let src = source(a.path());
    let bytes = export(&src);
    let text = String::from_utf8(bytes.clone()).unwrap();
    let header: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(header["format"], "icp-desk-backup");
    assert_eq!(header["schema_version"], RECORDS_VERSION);
    assert_eq!(header["device"], src.device().to_string());
    assert!(header["exported_at_ms"].as_u64().unwrap() > 0);

    let dst = Store::open(b.path()).unwrap();
    let summary = dst.import_backup(&mut bytes.as_slice()).unwrap();
    assert_eq!(summary.records, 19);
    assert_eq!(summary.operations as usize, text.lines().count() - 1);

    let all_src = src.list::<City>(None, 1000).unwrap();
    assert_eq!(dst.list::<City>(None, 1000).unwrap(), all_src);
    for c in &all_src {
        assert_eq!(dst.get::<City>(c.id).unwrap().as_ref(), Some(c));
        assert_eq!(
            dst.history("city", c.id).unwrap(),
            src.history("city", c.id).unwrap()
        );
    }
    for country in ["KR", "TW", "DE"] {
        assert_eq!(
            dst.find::<City>("country", country).unwrap(),
            src.find::<City>("country", country).unwrap()
        );
    }
    assert_eq!(dst.find::<City>("name", "back again").unwrap().len(), 1);
    dst.check_indexes().unwrap();

    // Imported ops keep their stamps; local ones come after all of them.
    let last_imported = text
        .lines()
        .last()
        .map(|l| serde_json::from_str::<icp_store::Op>(l).unwrap().hlc)
        .unwrap();
    let mut c = all_src[0].clone();
    c.population = Some(7);
    dst.save(&c).unwrap();
    let newest = dst.history("city", c.id).unwrap().last().unwrap().clone();
    assert!(newest.hlc > last_imported);
    assert_eq!(newest.device, dst.device());

    // The restored store exports the same ops (plus the new one).
    let again = String::from_utf8(export(&dst)).unwrap();
    assert_eq!(
        again
            .lines()
            .skip(1)
            .take(summary.operations as usize)
            .collect::<Vec<_>>(),
        text.lines().skip(1).collect::<Vec<_>>()
    );

    drop(dst);
    let dst = Store::open(b.path()).unwrap();
    assert_eq!(dst.count::<City>().unwrap(), 19);
    dst.check_indexes().unwrap();
}

#[test]
fn a_backup_goes_only_into_an_empty_store() {
    let (a, b) = (temp(), temp());
    let bytes = export(&source(a.path()));
    let dst = Store::open(b.path()).unwrap();
    dst.save(&city(&dst, "Prato", "IT", "Europe/Rome")).unwrap();
    let err = dst.import_backup(&mut bytes.as_slice()).unwrap_err();
    assert!(matches!(err, StoreError::NotEmpty));
    assert_eq!(err.code(), "store_not_empty");
    assert_eq!(dst.count::<City>().unwrap(), 1);
}

fn assert_refused(backup: &str, line: u64, reason_has: &str) {
    let dir = temp();
    let store = Store::open(dir.path()).unwrap();
    let err = store.import_backup(&mut backup.as_bytes()).unwrap_err();
    match &err {
        StoreError::BackupInvalid { line: l, reason } => {
            assert_eq!(*l, line, "{err}");
            assert!(reason.contains(reason_has), "{err}");
        }
        other => panic!("expected BackupInvalid, got {other:?}"),
    }
    assert_eq!(err.code(), "backup_invalid");
    assert!(err.to_string().contains(&format!("line {line}")));
    assert!(err.to_string().contains("Nothing was imported"));
    // Nothing written: the export of the store holds the header alone.
    assert!(store.is_empty().unwrap());
    let mut out = Vec::new();
    assert_eq!(store.export_backup(&mut out).unwrap().operations, 0);
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert!(store.is_empty().unwrap());
}

fn good_backup() -> Vec<String> {
    let dir = temp();
    String::from_utf8(export(&source(dir.path())))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn a_bad_backup_is_refused_at_its_first_bad_line_and_writes_nothing() {
    let good = good_backup();
    let join = |lines: &[String]| lines.join("\n") + "\n";

    let mut bad_json = good.clone();
    bad_json[5] = "{not json".into();
    assert_refused(&join(&bad_json), 6, "not an operation");

    let mut unknown = good.clone();
    unknown[3] = unknown[3].replace(r#""collection":"city""#, r#""collection":"spaceship""#);
    assert_refused(&join(&unknown), 4, "spaceship");

    // A population that is text: the ops parse, the record they make does not.
    let mut bad_record = good.clone();
    let at = bad_record
        .iter()
        .position(|l| l.contains(r#""field":"population""#))
        .unwrap();
    bad_record[at] = bad_record[at].replace(r#""value":null"#, r#""value":"lots""#);
    assert!(bad_record[at].contains("lots"));
    let last_line_of_that_record = {
        let id = serde_json::from_str::<serde_json::Value>(&bad_record[at]).unwrap()["id"].clone();
        bad_record
            .iter()
            .rposition(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"] == id)
            .unwrap()
    };
    assert_refused(
        &join(&bad_record),
        last_line_of_that_record as u64 + 1,
        "not valid",
    );

    let mut newer = good.clone();
    newer[0] = newer[0].replace(
        &format!(r#""schema_version":{RECORDS_VERSION}"#),
        r#""schema_version":99"#,
    );
    assert_refused(&join(&newer), 1, "newer ICP Desk");

    let mut not_ours = good.clone();
    not_ours[0] = r#"{"format":"something-else","schema_version":1,"device":"00000000000000000000000000000000","exported_at_ms":0}"#.into();
    assert_refused(&join(&not_ours), 1, "unknown format");

    let mut shuffled = good.clone();
    shuffled.swap(4, 7);
    // Line 5 now holds a later op, so line 6 is the first one out of order.
    assert_refused(&join(&shuffled), 6, "clock order");

    let mut too_long = good.clone();
    too_long[2] = "x".repeat(icp_store::MAX_LINE_BYTES + 10);
    assert_refused(&join(&too_long), 3, "longer than");

    // Cut off mid-line: the last line is not an op, so nothing at all is imported.
    let whole = join(&good);
    assert_refused(
        &whole[..whole.len() - 20],
        good.len() as u64,
        "not an operation",
    );

    assert_refused("", 1, "empty");
    assert_refused("hello\n", 1, "header");
}

#[test]
fn a_backup_from_an_older_version_is_brought_up_to_date() {
    use icp_domain::{BestPractice, Id};
    let (a, b) = (temp(), temp());
    let store = Store::open(a.path()).unwrap();
    let practice = BestPractice {
        title: "Repair cafés".into(),
        themes: vec!["circular_economy".into()],
        ..BestPractice::blank(Id::from_parts(7, 7))
    };
    store.save(&practice).unwrap();
    // Rewritten as version 2 wrote it: the header's version, and one `theme` set to a key.
    let text = String::from_utf8(export(&store)).unwrap();
    let old: Vec<String> = text
        .lines()
        .map(|line| {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            if v.get("schema_version").is_some() {
                v["schema_version"] = 2.into();
            }
            if v["change"]["field"] == "themes" {
                v["change"]["field"] = "theme".into();
                v["change"]["value"] = "circular_economy".into();
            }
            v.to_string()
        })
        .collect();
    assert!(old.iter().any(|l| l.contains("\"theme\"")), "{old:?}");

    let restored = Store::open(b.path()).unwrap();
    restored
        .import_backup(&mut old.join("\n").as_bytes())
        .unwrap();
    assert_eq!(
        restored.get::<BestPractice>(practice.id).unwrap(),
        Some(practice)
    );
    restored.check_indexes().unwrap();
}
