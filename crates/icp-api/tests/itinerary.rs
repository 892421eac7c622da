//! The printed itinerary, read back as a person's PDF reader would: poppler's `pdftotext` and
//! `pdffonts`, and `qpdf --check` for the file's structure.

mod common;

use std::path::Path;
use std::process::Command;

use common::city;
use icp_api::{Desk, NewStudyVisit, Paper};
use icp_domain::{Session, SessionKind};

fn tool(name: &str) -> bool {
    Command::new(name).arg("--version").output().is_ok()
}

fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text with all white space removed: a table cell may wrap a name over two lines, and
/// Chinese or Korean wraps anywhere, so "exactly as typed" is checked on the characters.
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn session(key: &str, date: &str, start: &str, end: &str, title: &str) -> Session {
    Session {
        key: key.into(),
        date: date.into(),
        start: start.into(),
        end: end.into(),
        kind: SessionKind::Roundtable,
        title: title.into(),
        description: String::new(),
        venue: "City Hall".into(),
        address: String::new(),
        speakers: vec![],
        notes: String::new(),
    }
}

#[test]
fn every_script_comes_back_exactly_and_fonts_are_embedded_and_subset() {
    if !(tool("pdftotext") && tool("pdffonts") && tool("qpdf")) {
        panic!("poppler-utils and qpdf are needed (scripts/deps-debian.sh installs them)");
    }
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let gwangju = city(&desk, "광주", "KR", "Asia/Seoul");
    let lodz = city(&desk, "Łódź", "PL", "Europe/Warsaw");
    let munich = city(&desk, "München", "DE", "Europe/Berlin");
    let taichung = city(&desk, "臺中", "TW", "Asia/Taipei");
    let mut visit = desk
        .create_study_visit(&NewStudyVisit {
            title: "Study visit to 광주".into(),
            host_city: Some(gwangju),
            delegation: vec![lodz, munich, taichung],
            start_date: "2022-10-10".into(),
            days: 3,
        })
        .unwrap()
        .visit;
    visit.sessions = vec![
        session(
            "a",
            "2022-10-10",
            "09:00",
            "10:30",
            "Łódź and München on air quality",
        ),
        session("b", "2022-10-11", "08:00", "09:00", "臺中市與光州的合作"),
        session(
            "c",
            "2022-10-12",
            "14:00",
            "15:00",
            "광주광역시 에너지 전환 계획",
        ),
    ];
    desk.save_study_visit(&visit).unwrap();

    let pdf = dir.path().join("itinerary.pdf");
    desk.export_itinerary(visit.id, Paper::A4, &pdf).unwrap();
    let p = pdf.to_str().unwrap();
    let text = run("pdftotext", &[p, "-"]);
    let all = squeezed(&text);
    for expected in [
        "Łódź",
        "München",
        "광주",
        "臺中",
        "臺中市與光州的合作",
        "광주광역시 에너지 전환 계획",
        "Day 3",
    ] {
        assert!(
            all.contains(&squeezed(expected)),
            "“{expected}” not in the PDF text:\n{text}"
        );
    }
    // 08:00 in Gwangju is 01:00 in Łódź and München (one column: the same clock in October)
    // and 07:00 in Taichung.
    let text = run("pdftotext", &["-layout", p, "-"]);
    assert!(text.contains("08:00–09:00"), "{text}");
    assert!(text.contains("01:00–02:00"), "{text}");
    assert!(text.contains("07:00–08:00"), "{text}");

    let fonts = run("pdffonts", &[p]);
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "not embedded, subset and mapped: {row}"
        );
    }
    run("qpdf", &["--check", p]);
}

#[test]
fn the_sample_visit_prints_on_letter_with_home_times_and_contacts() {
    if !tool("pdftotext") {
        panic!("poppler-utils is needed (scripts/deps-debian.sh installs it)");
    }
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    assert_eq!(desk.load_sample_data().unwrap().study_visits, 1);
    let visit = desk.list_study_visits().unwrap().remove(0);
    let pdf = dir.path().join("porto.pdf");
    desk.export_itinerary(visit.id, Paper::Letter, &pdf)
        .unwrap();
    let p = pdf.to_str().unwrap();
    let info = run("pdfinfo", &[p]);
    assert!(info.contains("612 x 792 pts"), "{info}");
    let text = run("pdftotext", &[p, "-"]);
    let all = squeezed(&text);
    for expected in [
        "Study visit of eThekwini to Porto",
        "Day 6",
        "Porto time",
        "eThekwini (Durban) time",
        "Emergency contacts",
        "Nomvula Dlamini",
    ] {
        assert!(
            all.contains(&squeezed(expected)),
            "“{expected}” not in:\n{text}"
        );
    }
    // 09:00 in Porto (WEST, UTC+1) is 10:00 in eThekwini (SAST, UTC+2).
    assert!(text.contains("10:00–11:30"), "{text}");
}

#[test]
fn a_refused_export_leaves_no_file_behind() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    desk.load_sample_data().unwrap();
    let visit = desk.list_study_visits().unwrap().remove(0);
    let target = dir.path().join("no-such-folder").join("x.pdf");
    let err = desk
        .export_itinerary(visit.id, Paper::A4, &target)
        .unwrap_err();
    assert_eq!(err.code(), "file");
    assert!(!Path::new(&target).exists());
}
