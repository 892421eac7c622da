//! Crash safety across processes. The test binary re-runs itself as the child (selected by an
//! environment variable), so no extra binary has to be built or found.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::city;
use icp_domain::{City, Id};
use icp_store::{Options, Store};
use rand::Rng;

const DIR_ENV: &str = "ICP_STORE_TEST_CHILD_DIR";
const MODE_ENV: &str = "ICP_STORE_TEST_CHILD_MODE";

/// The child's body; does nothing in an ordinary test run.
#[test]
fn child_process() {
    let Ok(dir) = std::env::var(DIR_ENV) else {
        return;
    };
    let store = Store::open(Path::new(&dir)).expect("the child opens the store");
    let mut out = std::io::stdout();
    writeln!(out, "OPEN").unwrap();
    out.flush().unwrap();
    if std::env::var(MODE_ENV).as_deref() == Ok("hold") {
        std::thread::sleep(Duration::from_secs(60));
        return;
    }
    let mut rng = rand::thread_rng();
    let mut saved: Vec<City> = Vec::new();
    for i in 0u64.. {
        // Every third write changes an earlier city, so index terms move while we are killed.
        if i % 3 == 2 && !saved.is_empty() {
            let at = rng.gen_range(0..saved.len());
            let c = &mut saved[at];
            c.name = format!("Renamed {i}");
            c.country = ["KR", "TW", "DE"][rng.gen_range(0..3)].into();
            store.save(c).expect("save");
            writeln!(out, "ID {}", c.id).unwrap();
        } else {
            let c = city(&store, &format!("City {i}"), "KR", "Asia/Seoul");
            store.save(&c).expect("save");
            // Only now is the city promised to be there.
            writeln!(out, "ID {}", c.id).unwrap();
            saved.push(c);
        }
        out.flush().unwrap();
    }
}

fn spawn_child(dir: &Path, mode: &str) -> (Child, mpsc::Receiver<String>) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_process",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(DIR_ENV, dir)
        .env(MODE_ENV, mode)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (child, rx)
}

#[test]
fn every_reported_save_survives_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = rand::thread_rng();
    let mut promised: Vec<Id> = Vec::new();
    let mut rounds_with_saves = 0;
    for round in 0..20 {
        let (mut child, lines) = spawn_child(dir.path(), "save");
        // Time from the child's start, so that some kills land while it is still opening.
        std::thread::sleep(Duration::from_millis(rng.gen_range(20..=300)));
        child.kill().unwrap(); // SIGKILL on unix: no destructor, no flush.
        child.wait().unwrap();
        let before = promised.len();
        for line in lines.iter() {
            if let Some(id) = line
                .strip_prefix("ID ")
                .and_then(|t| t.trim().parse::<Id>().ok())
            {
                promised.push(id);
            }
        }
        if promised.len() > before {
            rounds_with_saves += 1;
        }
        let store = Store::open(dir.path()).unwrap_or_else(|e| panic!("round {round}: {e}"));
        for id in &promised {
            assert!(
                store.get::<City>(*id).unwrap().is_some(),
                "round {round}: city {id} was reported saved but is gone"
            );
        }
        store
            .check_indexes()
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
    }
    eprintln!(
        "{} saves promised over 20 rounds; {rounds_with_saves} rounds were killed mid-saving",
        promised.len()
    );
    assert!(
        rounds_with_saves >= 5,
        "too few rounds reached the saving loop to mean anything"
    );
}

#[test]
fn another_process_holding_the_folder_means_already_open() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, lines) = spawn_child(dir.path(), "hold");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match lines.recv_timeout(Duration::from_secs(1)) {
            // libtest writes "test child_process ... " on the same line first.
            Ok(line) if line.ends_with("OPEN") => break,
            _ if Instant::now() > deadline => panic!("the child never opened the store"),
            _ => {}
        }
    }
    let opts = Options {
        lock_wait: Duration::from_millis(300),
        ..Options::default()
    };
    let err = Store::open_with(dir.path(), opts)
        .err()
        .expect("refused while the child holds it");
    assert_eq!(err.code(), "already_open");
    assert_eq!(
        err.to_string(),
        format!(
            "ICP Desk is already open (data folder {}).",
            dir.path().display()
        )
    );
    child.kill().unwrap();
    child.wait().unwrap();
    // The kernel drops the lock with the process.
    Store::open(dir.path()).unwrap();
}
