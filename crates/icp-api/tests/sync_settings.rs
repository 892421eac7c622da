//! The window's side of the sync folder: settings that survive a restart and refuse a folder
//! that cannot serve, and passes whose status says what came in and when syncing is paused.

use icp_api::{Desk, SyncSettings};
use icp_domain::CityInput;

fn city(name: &str) -> CityInput {
    CityInput {
        name: name.into(),
        country: "IT".into(),
        time_zone: "Europe/Rome".into(),
        ..Default::default()
    }
}

fn settings(folder: &std::path::Path, person: &str) -> SyncSettings {
    SyncSettings {
        folder: Some(folder.display().to_string()),
        person: person.into(),
    }
}

#[test]
fn the_settings_survive_a_restart_and_a_folder_that_cannot_serve_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let data = dir.path().join("desk");
    {
        let desk = Desk::open(&data).unwrap();
        assert_eq!(desk.sync_settings().unwrap(), SyncSettings::default());
        let kept = desk
            .set_sync_settings(&settings(&shared, "  Ana Silva "))
            .unwrap();
        assert_eq!(kept.person, "Ana Silva");
    }
    let desk = Desk::open(&data).unwrap();
    let kept = desk.sync_settings().unwrap();
    assert_eq!(kept.person, "Ana Silva");
    assert_eq!(
        kept.folder.as_deref(),
        Some(shared.canonicalize().unwrap().to_str().unwrap())
    );

    let refused = [
        (std::path::PathBuf::from("relative/folder"), "whole path"),
        (dir.path().join("missing"), "no folder there"),
        (data.join("store"), "inside ICP Desk's own data folder"),
        (dir.path().to_path_buf(), "holds ICP Desk's own data folder"),
    ];
    for (folder, reason) in refused {
        let e = desk
            .set_sync_settings(&settings(&folder, "Ana Silva"))
            .unwrap_err();
        assert!(e.to_string().contains(reason), "{folder:?}: {e}");
        assert_eq!(
            desk.sync_settings().unwrap(),
            kept,
            "unchanged after {folder:?}"
        );
    }

    let off = desk
        .set_sync_settings(&SyncSettings {
            folder: Some("  ".into()),
            person: "Ana Silva".into(),
        })
        .unwrap();
    assert_eq!(off.folder, None, "an empty folder stops syncing");
    assert_eq!(desk.sync_now(true).unwrap().checked_at, None);
}

#[test]
fn passes_say_what_came_in_and_pause_while_the_folder_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let a = Desk::open(&dir.path().join("a")).unwrap();
    let b = Desk::open(&dir.path().join("b")).unwrap();
    a.set_sync_settings(&settings(&shared, "Ana Silva"))
        .unwrap();
    b.set_sync_settings(&settings(&shared, "Jae-won Park"))
        .unwrap();

    a.save_city(&city("Prato")).unwrap();
    let sent = a.sync_now(true).unwrap();
    assert!(sent.last_pass.unwrap().written.is_some());
    assert_eq!(sent.received, None);

    let got = b.sync_now(false).unwrap();
    let received = got.received.clone().expect("b received a's file");
    assert_eq!((received.merged_files, received.new_records), (1, 1));
    assert_eq!(
        received.collections,
        ["city"],
        "only the cities' views read again"
    );
    assert_eq!(got.received_at, got.checked_at);
    assert_eq!(got.paused, None);
    assert_eq!(b.cities_count(), 1);

    // The drive is unplugged: the pass pauses, says why, and keeps the change made meanwhile.
    let away = dir.path().join("away");
    std::fs::rename(&shared, &away).unwrap();
    b.save_city(&city("Gwangju")).unwrap();
    let paused = b.sync_now(true).unwrap();
    let why = paused.paused.expect("paused");
    assert!(why.contains("shared") && why.contains("not there"), "{why}");
    assert_eq!(
        paused.received, got.received,
        "what came in before is still said"
    );
    assert_eq!(b.sync_status().unwrap().paused, Some(why));

    // Plugged back in: the next pass resumes and the change goes out.
    std::fs::rename(&away, &shared).unwrap();
    let resumed = b.sync_now(true).unwrap();
    assert_eq!(resumed.paused, None);
    assert!(resumed.last_pass.unwrap().written.is_some());
    let caught_up = a.sync_now(false).unwrap().received.unwrap();
    assert_eq!(caught_up.new_records, 1);
    assert_eq!(a.cities_count(), 2);
}

trait Count {
    fn cities_count(&self) -> usize;
}

impl Count for Desk {
    fn cities_count(&self) -> usize {
        self.list_cities(&Default::default()).unwrap().len()
    }
}
