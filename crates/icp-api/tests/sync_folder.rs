//! Two desktops sharing one sync folder: each writes only its own new files, merges the
//! other's, catches up, waits for a file still arriving, and pauses when the folder is gone.

mod common;

use std::path::Path;

use icp_api::{Desk, SyncReport};
use icp_domain::CityInput;

fn city(id: Option<icp_domain::Id>, name: &str, population: &str) -> CityInput {
    CityInput {
        id,
        name: name.into(),
        country: "IT".into(),
        time_zone: "Europe/Rome".into(),
        population: population.into(),
        ..Default::default()
    }
}

fn sync(desk: &Desk, folder: &Path) -> SyncReport {
    desk.sync_folder(folder, "Ana Silva").unwrap()
}

/// Every file under the folder, relative to it.
fn files(folder: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for sub in std::fs::read_dir(folder).unwrap() {
        let sub = sub.unwrap().path();
        for f in std::fs::read_dir(&sub).unwrap() {
            let f = f.unwrap().path();
            out.push(
                f.strip_prefix(folder)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    out.sort();
    out
}

#[test]
fn two_desktops_share_one_folder_each_writing_only_its_own_files() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let (a, b) = (
        Desk::open(&dir.path().join("a")).unwrap(),
        Desk::open(&dir.path().join("b")).unwrap(),
    );
    let prato = a.save_city(&city(None, "Prato", "")).unwrap().id;
    let first = sync(&a, &folder);
    assert!(first.written.is_some());
    let on_b = sync(&b, &folder);
    assert_eq!((on_b.merged_files, on_b.new_records), (1, 1));
    assert_eq!(on_b.written, None, "b has nothing the folder lacks");
    assert_eq!(b.get_city(prato).unwrap().name, "Prato");

    // Both rename it; b also sets the population.
    a.save_city(&city(Some(prato), "Prato A", "")).unwrap();
    b.save_city(&city(Some(prato), "Prato B", "195000"))
        .unwrap();
    sync(&a, &folder);
    let on_b = sync(&b, &folder);
    assert_eq!(on_b.conflicted_records, 1);
    assert!(on_b.written.is_some());
    sync(&a, &folder);
    for desk in [&a, &b] {
        let c = desk.get_city(prato).unwrap();
        assert_eq!(c.population, Some(195_000));
        assert_eq!(desk.list_conflicts().unwrap().len(), 1);
    }
    assert_eq!(
        a.get_city(prato).unwrap().name,
        b.get_city(prato).unwrap().name
    );

    // Settled on a; the next passes settle it on b.
    a.settle_conflict("city", prato, "name", "\"Prato\"")
        .unwrap();
    sync(&a, &folder);
    sync(&b, &folder);
    assert!(b.list_conflicts().unwrap().is_empty());
    assert_eq!(b.get_city(prato).unwrap().name, "Prato");

    // Each desktop wrote only in its own subfolder, and never one file twice.
    let all = files(&folder);
    let (ours, theirs): (Vec<&String>, Vec<&String>) =
        all.iter().partition(|f| f.starts_with(&a.device_name()));
    assert_eq!(ours.len(), 3, "{all:?}");
    assert!(
        theirs.iter().all(|f| f.starts_with(&b.device_name())),
        "{all:?}"
    );
}

#[test]
fn a_file_still_arriving_waits_and_a_missing_folder_pauses_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let (a, b) = (
        Desk::open(&dir.path().join("a")).unwrap(),
        Desk::open(&dir.path().join("b")).unwrap(),
    );
    a.save_city(&city(None, "Milan", "")).unwrap();
    let written = sync(&a, &folder).written.unwrap();
    let path = folder.join(&written);
    let whole = std::fs::read(&path).unwrap();
    std::fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    let waiting = sync(&b, &folder);
    assert_eq!(waiting.waiting, [written.clone()]);
    assert!(b.list_cities(&Default::default()).unwrap().is_empty());
    std::fs::write(&path, &whole).unwrap();
    let arrived = sync(&b, &folder);
    assert_eq!((arrived.merged_files, arrived.new_records), (1, 1));
    assert!(arrived.waiting.is_empty());

    // An unplugged drive: said so, and nothing changes.
    let gone = dir.path().join("unplugged");
    let err = b.sync_folder(&gone, "").unwrap_err();
    assert_eq!(err.code(), "file");
    let message = err.to_string();
    assert!(
        message.contains("paused") && message.contains("nothing was lost"),
        "{message}"
    );
    assert_eq!(b.list_cities(&Default::default()).unwrap().len(), 1);
}
