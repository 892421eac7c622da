//! The headless commands as a script runs them: the real binary, its exit status, its output.

use std::path::Path;
use std::process::{Command, Output};

fn icp_desk(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_icp-desk"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on standard output")
}

#[test]
fn selection_and_pairing_suggestions_come_out_as_json() {
    let dir = tempfile::tempdir().unwrap();
    assert!(icp_desk(dir.path(), &["sample-data"]).status.success());

    let selection = json(&icp_desk(dir.path(), &["selection", "suggest", "--json"]));
    let entries = selection["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 40);
    assert_eq!(entries.iter().filter(|e| e["selected"] == true).count(), 28);
    for e in entries {
        assert!(
            e["group"].is_string() && e["why"].is_string() && e["reason"]["code"].is_string(),
            "{e}"
        );
    }

    let pairings = json(&icp_desk(dir.path(), &["pairings", "suggest", "--json"]));
    let matrix = pairings["matrix"].as_array().unwrap();
    assert_eq!(matrix.len(), pairings["eu"].as_array().unwrap().len());
    assert!(matrix.iter().all(|row| row.as_array().unwrap().len() == 7));
    let pairs = pairings["suggestion"]["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 7);
    let total: i64 = pairs.iter().map(|p| p["score"].as_i64().unwrap()).sum();
    assert_eq!(pairings["suggestion"]["total"].as_i64().unwrap(), total);
}

#[test]
fn a_bad_candidatures_file_fails_with_its_lines_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/candidatures.csv");
    let text = std::fs::read_to_string(&good).unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, text.replacen(",PT,", ",Narnia,", 1)).unwrap();
    let data = dir.path().join("data");
    let out = icp_desk(&data, &["candidatures", "import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Line 4, column “Country”") && err.contains("Narnia"),
        "{err}"
    );
    let none = json(&icp_desk(&data, &["selection", "suggest", "--json"]));
    assert!(none["entries"].as_array().unwrap().is_empty());

    let out = icp_desk(&data, &["candidatures", "import", good.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Imported 40 candidatures"));
}

#[test]
fn a_pre_scored_file_needs_its_reviewer_and_then_fills_every_quota() {
    let dir = tempfile::tempdir().unwrap();
    let scored =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/candidatures-scored.csv");
    let file = scored.to_str().unwrap();
    let out = icp_desk(dir.path(), &["candidatures", "import", file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("who gave the file's scores"));

    let out = icp_desk(
        dir.path(),
        &[
            "candidatures",
            "import",
            file,
            "--reviewer",
            "Selection committee",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let selection = json(&icp_desk(dir.path(), &["selection", "suggest", "--json"]));
    let entries = selection["entries"].as_array().unwrap();
    assert_eq!(entries.iter().filter(|e| e["selected"] == true).count(), 28);
    assert_eq!(
        entries
            .iter()
            .filter(|e| e["reason"]["code"] == "late")
            .count(),
        3
    );
}

#[test]
fn a_meetings_minutes_and_the_meetings_calendar_are_written_headless() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let desk = icp_api::Desk::open(&data).unwrap();
        let input: icp_domain::meeting::MeetingInput = serde_json::from_value(serde_json::json!({
            "id": null, "title": "Second working meeting", "kind": "working_meeting",
            "belongs_to": { "kind": "programme" }, "date": "2023-02-14", "time": "09:30",
            "end": "12:00", "planned_zone": "Europe/Lisbon", "venue": "Porto City Hall" }))
        .unwrap();
        desk.save_meeting(&input).unwrap();
    }
    let pdf = dir.path().join("minutes.pdf");
    let out = icp_desk(
        &data,
        &[
            "print",
            "minutes",
            "second working",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    let ics = dir.path().join("meetings.ics");
    let out = icp_desk(&data, &["calendar", "--out", ics.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.contains("DTSTART:20230214T093000Z"), "{text}");

    let out = icp_desk(
        &data,
        &["print", "minutes", "nothing like it", "--out", "x.pdf"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("No meeting is called"));
}

#[test]
fn a_pairs_cooperation_plan_prints_headless_as_draft_or_as_an_issued_version() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(icp_desk(&data, &["sample-data"]).status.success());
    let pdftotext = |pdf: &std::path::Path| {
        let out = std::process::Command::new("pdftotext")
            .args([pdf.to_str().unwrap(), "-"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    for (args, label) in [
        (vec![], "Draft, printed"),
        (vec!["--version", "1"], "Version 1, issued"),
    ] {
        let pdf = dir.path().join(format!("plan{}.pdf", args.len()));
        let mut all = vec!["print", "plan", "eThekwini"];
        all.extend(args);
        all.extend(["--out", pdf.to_str().unwrap(), "--paper", "letter"]);
        let out = icp_desk(&data, &all);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = pdftotext(&pdf);
        assert!(text.contains(label), "{label} not in:\n{text}");
        assert!(text.contains("Pilot energy community"), "{text}");
    }

    let book = dir.path().join("book.pdf");
    let out = icp_desk(&data, &["print", "book", "--out", book.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = pdftotext(&book);
    assert!(
        text.contains("Dissemination plans") && text.contains("Porto, Portugal"),
        "{text}"
    );

    let missing = dir.path().join("v7.pdf");
    let out = icp_desk(
        &data,
        &[
            "print",
            "plan",
            "eThekwini",
            "--version",
            "7",
            "--out",
            missing.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !missing.exists(),
        "nothing is written for a version never issued"
    );
    let out = icp_desk(&data, &["print", "plan", "Atlantis", "--out", "x.pdf"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("No cooperation plan is called"));
    // A malformed command line is told apart from a failed job by its exit code.
    let out = icp_desk(
        &data,
        &[
            "print",
            "plan",
            "Porto",
            "--version",
            "one",
            "--out",
            "x.pdf",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--version takes"));
}

#[test]
fn the_catalogue_and_the_practices_spreadsheet_are_written_headless() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(icp_desk(&data, &["sample-data"]).status.success());

    let pdf = dir.path().join("catalogue.pdf");
    let out = icp_desk(
        &data,
        &[
            "print",
            "catalogue",
            "--theme",
            "air quality",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Contents") && text.contains("Index of cities"),
        "{text}"
    );
    assert!(
        text.contains("Low-cost air sensors at every school"),
        "{text}"
    );
    assert!(
        !text.contains("Recycled wool supply chain label"),
        "only the theme asked for"
    );

    let csv = dir.path().join("practices.csv");
    let out = icp_desk(&data, &["practices", "csv", "--out", csv.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = std::fs::read_to_string(&csv).unwrap();
    assert!(rows.contains("Recycled wool supply chain label"));

    let refused = dir.path().join("refused.pdf");
    let out = icp_desk(
        &data,
        &[
            "print",
            "catalogue",
            "--theme",
            "space",
            "--out",
            refused.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no theme \"space\"") && err.contains("Air quality"),
        "{err}"
    );
    assert!(!refused.exists());
}

#[test]
fn two_desktops_exchange_files_headless_and_a_bad_file_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    assert!(icp_desk(&a, &["sample-data"]).status.success());
    let file = dir.path().join("from-a.icpx");
    let out = icp_desk(
        &a,
        &[
            "exchange",
            "export",
            file.to_str().unwrap(),
            "--person",
            "Ana Silva",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let first = icp_desk(&b, &["exchange", "import", file.to_str().unwrap()]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let said = String::from_utf8_lossy(&first.stdout);
    assert!(
        said.contains("from Ana Silva") && said.contains("0 in conflict"),
        "{said}"
    );
    assert!(!said.contains(" 0 new records"), "{said}");
    let again = icp_desk(&b, &["exchange", "import", file.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&again.stdout);
    assert!(
        said.contains("0 new records, 0 changed, 0 in conflict (0 new changes"),
        "{said}"
    );

    // The other desktop now prints the same catalogue.
    let pdf = dir.path().join("b.pdf");
    let out = icp_desk(&b, &["print", "catalogue", "--out", pdf.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let bytes = std::fs::read(&file).unwrap();
    let cut = dir.path().join("cut.icpx");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let fresh = dir.path().join("c");
    let out = icp_desk(&fresh, &["exchange", "import", cut.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("refused") && err.contains("Nothing was changed"),
        "{err}"
    );
    let csv = dir.path().join("c.csv");
    assert!(icp_desk(
        &fresh,
        &["practices", "csv", "--out", csv.to_str().unwrap()]
    )
    .status
    .success());
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap().lines().count(),
        1,
        "only the header"
    );
}

#[test]
fn a_sync_folder_carries_one_desktops_work_to_another_and_a_missing_one_pauses() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    assert!(icp_desk(&a, &["sample-data"]).status.success());
    let out = icp_desk(
        &a,
        &["sync", shared.to_str().unwrap(), "--person", "Ana Silva"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("wrote "));
    let out = icp_desk(&b, &["sync", shared.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("merged 1 file(s)") && said.contains("nothing new to write"),
        "{said}"
    );

    let gone = dir.path().join("unplugged");
    let out = icp_desk(&b, &["sync", gone.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("paused") && err.contains("nothing was lost"),
        "{err}"
    );
    assert!(!gone.exists(), "nothing is created where the folder was");
}
