//! The minutes of a meeting, printed and read back as a person's PDF reader would: poppler's
//! `pdftotext`, `pdfinfo` and `pdffonts`, and `qpdf --check` for the file's structure.

mod common;

use std::process::Command;
use std::sync::OnceLock;

use common::{cities, meeting, people, LINK, SCRIPT, TITLE, VENUE};
use icp_domain::meeting::local_times;
use icp_print::documents::minutes::{
    minutes, CapturedPractice, EvaluationSummary, MinutesDocument,
};
use icp_print::documents::people::People;
use icp_print::{render_pdf, FontSet, Paper};

fn fonts() -> &'static FontSet {
    static SET: OnceLock<FontSet> = OnceLock::new();
    SET.get_or_init(|| match FontSet::from_system() {
        Ok(set) => set,
        Err(e) => panic!("the print tests need the Noto fonts: {e}"),
    })
}

fn tools() {
    for tool in ["pdftotext", "pdfinfo", "pdffonts", "qpdf"] {
        if Command::new(tool).arg("--version").output().is_err() {
            panic!(
                "{tool} is needed: poppler-utils and qpdf (scripts/deps-debian.sh installs them)"
            );
        }
    }
}

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} did not run: {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("pdftotext writes UTF-8")
}

/// The text with all white space removed: a table cell may wrap a name over two lines, and
/// Korean or Chinese wraps anywhere, so "exactly as typed" is checked on the characters.
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// pdftotext lays text out in lines and columns; runs of blanks collapsed.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Minutes long enough to run over several pages, with headings, a script and mixed scripts.
fn typed_minutes() -> String {
    let mut text = format!(
        "# Opening\nWelcome by Łukasz Wałęsa; 김민지 presented 광주광역시의 순환경제 계획.\n\n\
         ## Notes\n{SCRIPT}\n\n"
    );
    for i in 1..=70 {
        text.push_str(&format!(
            "Point {i}: the cities compared how they collect textiles; 臺中 reported its \
             figures and Łódź its new sorting hall, with questions from 광주.\n\n"
        ));
    }
    text.push_str("Closing words.");
    text
}

struct Printed {
    /// `pdftotext` of the whole file.
    text: String,
    /// `pdftotext -layout` of each page.
    pages: Vec<String>,
    info: String,
}

fn print(doc: &MinutesDocument, paper: Paper, name: &str) -> Printed {
    tools();
    let pdf = render_pdf(&minutes(doc, paper), fonts()).unwrap_or_else(|e| panic!("{e}"));
    let path = std::env::temp_dir().join(format!(
        "icp-print-minutes-{name}-{}.pdf",
        std::process::id()
    ));
    std::fs::write(&path, &pdf).expect("write the pdf");
    let p = path.to_str().unwrap();
    let info = run("pdfinfo", &[p]);
    let count: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    let pages = (1..=count)
        .map(|k| {
            let k = k.to_string();
            run("pdftotext", &["-layout", "-f", &k, "-l", &k, p, "-"])
        })
        .collect();
    let text = run("pdftotext", &[p, "-"]);

    let fonts = run("pdffonts", &[p]);
    for row in fonts.lines().skip(2).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "not embedded, subset and mapped: {row}"
        );
    }
    run("qpdf", &["--check", p]);
    let _ = std::fs::remove_file(&path);
    Printed { text, pages, info }
}

fn document() -> MinutesDocument {
    let people = people();
    MinutesDocument::from_meeting(&meeting(&typed_minutes()), &People(&people), &cities())
}

#[test]
fn the_minutes_read_back_as_typed_in_every_script_with_the_script_tag_verbatim() {
    let doc = MinutesDocument {
        part_of: Some("Circular economy cluster".into()),
        ..document()
    };
    let printed = print(&doc, Paper::A4, "a4");
    let all = squeezed(&printed.text);
    for expected in [
        &format!("Minutes — {TITLE}"),
        "Cluster meeting",
        "Circular economy cluster",
        LINK,
        VENUE,
        "김민지",
        "Łukasz Wałęsa",
        "광주광역시의 순환경제 계획",
        SCRIPT,
        "Welcome, and the cluster's plan; 2022",
        "Łódź's textile reuse",
        "Point 70: the cities compared",
        "Closing words.",
        "Next meeting in April, hosted by 광주",
        "Send the textile study to every city",
        "28 March 2022",
        "None captured.",
    ] {
        assert!(
            all.contains(&squeezed(expected)),
            "“{expected}” not in the PDF text:\n{}",
            printed.text
        );
    }
    // Shown, never interpreted nor escaped.
    assert!(
        printed.text.contains("<script>alert('x')"),
        "{}",
        printed.text
    );
    for escaped in ["&lt;", "&gt;", "&amp;"] {
        assert!(!printed.text.contains(escaped), "{escaped} in the text");
    }
    // "#" lines are headings: their text alone on a line, the marks gone.
    let lines: Vec<&str> = printed.text.lines().map(str::trim).collect();
    assert!(lines.contains(&"Opening") && lines.contains(&"Notes"));
    assert!(!printed.text.contains("# Opening") && !printed.text.contains("## Notes"));
    // No evaluation yet: no section for it.
    assert!(!printed.text.contains("Evaluation"), "{}", printed.text);

    let pages = &printed.pages;
    assert!(pages.len() >= 3, "the minutes should run over 3+ pages");
    assert!(
        printed.info.contains("595.276 x 841.89 pts"),
        "{}",
        printed.info
    );
    for (k, page) in pages.iter().enumerate() {
        let page = squash(page);
        let footer = format!("Page {} of {}", k + 1, pages.len());
        assert!(page.contains(&footer), "page {}: {page}", k + 1);
        assert!(
            page.contains(&format!("{} · 21 March 2022", squash(TITLE))),
            "page {} lacks the running header: {page}",
            k + 1
        );
    }
}

#[test]
fn every_city_and_attendee_reads_the_meeting_on_their_own_clock() {
    let printed = print(&document(), Paper::A4, "times");
    let layout = printed.pages.join("\n");
    let text = squash(&layout);
    assert!(
        text.contains("When Monday 21 March 2022, 16:30–18:00 (CET, Europe/Berlin)"),
        "{layout}"
    );
    // The local times table, one row a city.
    let row = |city: &str| {
        layout
            .lines()
            .map(squash)
            .find(|l| l.starts_with(city))
            .unwrap_or_else(|| panic!("no row for {city}:\n{layout}"))
    };
    assert_eq!(
        row("Berlin"),
        "Berlin Mon 21 Mar, 16:30–18:00 CET, Europe/Berlin"
    );
    assert_eq!(
        row("광주"),
        "광주 Tue 22 Mar, 00:30–02:00 (+1) KST, Asia/Seoul"
    );
    assert_eq!(
        row("Vancouver"),
        "Vancouver Mon 21 Mar, 08:30–10:00 PDT, America/Vancouver"
    );
    // Each attendee with their own city's start; the guest speaker first; someone with no
    // city in the directory still listed.
    let attendees = &layout[layout.find("Attendees").expect("attendees section")..];
    let attendee = |name: &str| {
        attendees
            .lines()
            .map(squash)
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no row for {name}:\n{attendees}"))
    };
    assert_eq!(
        attendee("Jean Tremblay"),
        "Jean Tremblay Vancouver Mon 21 Mar, 08:30 PDT Guest speaker"
    );
    assert_eq!(
        attendee("Łukasz Wałęsa"),
        "Łukasz Wałęsa Łódź Mon 21 Mar, 16:30 CET Attendee"
    );
    assert_eq!(
        attendee("김민지"),
        "김민지 광주 Tue 22 Mar, 00:30 KST (+1) Attendee"
    );
    assert_eq!(attendee("Ola Nordmann"), "Ola Nordmann — — Attendee");
    let at = |name: &str| attendees.find(name).unwrap();
    assert!(at("Jean Tremblay") < at("Łukasz Wałęsa"));
    assert!(
        at("Łukasz Wałęsa") < at("김민지"),
        "otherwise in the order given"
    );
}

#[test]
fn planned_in_seoul_the_other_cities_are_a_day_behind_and_letter_paper_is_used() {
    let mut doc = document();
    doc.planned_zone = chrono_tz::Asia::Seoul;
    doc.local_times = local_times(doc.start, 90, doc.planned_zone, &cities());
    doc.best_practices = vec![CapturedPractice {
        title: "Repair cafés in every district".into(),
        city: "Łódź".into(),
        theme: "Circular economy".into(),
        summary: "Volunteers repair clothes, 광주 will try it; costs, rooms & insurance listed."
            .into(),
    }];
    doc.evaluation = Some(EvaluationSummary {
        figures: vec![
            ("Responses".into(), "14".into()),
            ("Useful (1–5)".into(), "4.3".into()),
        ],
        comments: vec!["More time for questions, please — 질문 시간이 더 필요합니다.".into()],
    });
    let printed = print(&doc, Paper::Letter, "letter");
    assert!(printed.info.contains("612 x 792 pts"), "{}", printed.info);
    let layout = printed.pages.join("\n");
    let text = squash(&layout);
    assert!(
        text.contains("When Tuesday 22 March 2022, 00:30–02:00 (KST, Asia/Seoul)"),
        "{layout}"
    );
    assert!(
        text.contains("Vancouver Mon 21 Mar, 08:30–10:00 (−1) PDT, America/Vancouver"),
        "{layout}"
    );
    assert!(
        text.contains("광주 Tue 22 Mar, 00:30–02:00 KST, Asia/Seoul"),
        "{layout}"
    );
    // The header carries the planner's date.
    assert!(squash(&printed.pages[0]).contains(&format!("{} · 22 March 2022", squash(TITLE))));

    let all = squeezed(&printed.text);
    for expected in [
        "Repair cafés in every district",
        "Volunteers repair clothes, 광주 will try it; costs, rooms & insurance listed.",
        "Evaluation",
        "Useful (1–5)",
        "4.3",
        "질문 시간이 더 필요합니다.",
    ] {
        assert!(
            all.contains(&squeezed(expected)),
            "“{expected}” not in the PDF text:\n{}",
            printed.text
        );
    }
    assert!(!printed.text.contains("None captured"));
}
