//! Renders real PDFs and reads them back with poppler, as a person's PDF reader would.

use std::process::Command;
use std::sync::OnceLock;

use icp_print::{render_pdf, Block, Column, Document, FontSet, Paper};

fn fonts() -> &'static FontSet {
    static SET: OnceLock<FontSet> = OnceLock::new();
    SET.get_or_init(|| match FontSet::from_system() {
        Ok(set) => set,
        Err(e) => panic!("the print tests need the Noto fonts: {e}"),
    })
}

fn have(tool: &str) -> bool {
    Command::new(tool).arg("-v").output().is_ok()
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
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const HEADING: &str = "Study visit Gwangju (광주) → Athens";
const MIXED: &str = "Łódź, 광주, 臺中 and München";
const HEADER: &str = "ICP AGIR · Study visit 광주 → Athens";
const COLUMNS: [&str; 3] = ["Time", "Meeting", "Place"];

fn sample(paper: Paper) -> Document {
    let columns = COLUMNS
        .iter()
        .zip([0.2, 0.5, 0.3])
        .map(|(t, f)| Column {
            title: t.to_string(),
            width_fraction: f,
        })
        .collect();
    let rows = (0..130)
        .map(|i| {
            vec![
                format!("{:02}:{:02}", 8 + i / 12, (i % 12) * 5),
                format!("Meeting {i} with the delegation of 臺中市 and 광주광역시"),
                if i % 3 == 0 {
                    "Łódź city hall".into()
                } else {
                    "München Rathaus".into()
                },
            ]
        })
        .collect();
    Document {
        paper,
        header: Some(HEADER.into()),
        footer: Some("Printed by ICP Desk".into()),
        blocks: vec![
            Block::Heading {
                level: 1,
                text: HEADING.into(),
            },
            Block::Paragraph(MIXED.into()),
            Block::KeyValue(vec![
                ("Host city".into(), "광주 (Gwangju)".into()),
                ("Guest cities".into(), "臺中, Łódź, München".into()),
            ]),
            Block::KeepTogether(vec![
                Block::Heading {
                    level: 2,
                    text: "Day 1 — 月曜日".into(),
                },
                Block::Paragraph("Arrival, 광주광역시와 아테네의 협력 계획.".into()),
            ]),
            Block::Table { columns, rows },
        ],
    }
}

/// pdftotext lays text out in lines and columns; compare with runs of blanks collapsed.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check(paper: Paper, path: &str) {
    if !have("pdftotext") || !have("pdffonts") || !have("pdfinfo") {
        eprintln!("SKIPPED: poppler-utils (pdftotext, pdffonts, pdfinfo) is not installed");
        return;
    }
    let pdf = match render_pdf(&sample(paper), fonts()) {
        Ok(pdf) => pdf,
        Err(e) => panic!("render failed: {e}"),
    };
    std::fs::write(path, &pdf).expect("write sample pdf");

    let info = run("pdfinfo", &[path]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    assert!(pages >= 3, "table should span 3+ pages, got {pages}");
    let size = match paper {
        Paper::A4 => "595.276 x 841.89 pts",
        Paper::Letter => "612 x 792 pts",
    };
    assert!(info.contains(size), "expected {size} in\n{info}");

    let all = squash(&run("pdftotext", &["-layout", path, "-"]));
    for needle in [
        HEADING,
        MIXED,
        HEADER,
        "광주 (Gwangju)",
        "臺中, Łódź, München",
        "Day 1 — 月曜日",
    ] {
        assert!(all.contains(needle), "{needle:?} not read back from\n{all}");
    }
    for k in 1..=pages {
        let page = squash(&run(
            "pdftotext",
            &[
                "-layout",
                "-f",
                &k.to_string(),
                "-l",
                &k.to_string(),
                path,
                "-",
            ],
        ));
        assert!(
            page.contains(&format!("Page {k} of {pages}")),
            "page {k}: {page}"
        );
        assert!(page.contains(HEADER), "page {k} lacks the running header");
        let table_here = page.contains("Meeting ") && page.contains("臺中市");
        if k > 1 || table_here {
            assert!(
                page.contains("Time Meeting Place"),
                "page {k} lacks the table header: {page}"
            );
        }
    }
    // Every row comes back whole and on one page.
    let rows: String = (1..=pages)
        .map(|k| {
            squash(&run(
                "pdftotext",
                &["-f", &k.to_string(), "-l", &k.to_string(), path, "-"],
            ))
        })
        .collect::<Vec<_>>()
        .join("\n");
    for i in [0, 57, 129] {
        assert!(
            rows.contains(&format!("Meeting {i} with")),
            "row {i} missing"
        );
    }

    let fonts_out = run("pdffonts", &[path]);
    let mut lines = fonts_out.lines().skip(2).peekable();
    assert!(lines.peek().is_some(), "no fonts listed:\n{fonts_out}");
    let mut families = Vec::new();
    for line in lines {
        // name type encoding emb sub uni object-id: columns counted from the right,
        // because a type such as "CID Type 0C" has spaces in it.
        let cols: Vec<&str> = line.split_whitespace().collect();
        let n = cols.len();
        assert!(n >= 7, "odd pdffonts line {line}");
        assert_eq!(cols[n - 5], "yes", "not embedded: {line}");
        assert_eq!(cols[n - 4], "yes", "not subset: {line}");
        assert_eq!(cols[n - 3], "yes", "no ToUnicode: {line}");
        // Subset fonts are named ABCDEF+Family.
        assert!(cols[0].get(6..7) == Some("+"), "no subset prefix: {line}");
        families.push(cols[0].to_string());
    }
    assert!(families.iter().any(|f| f.contains("CJK")), "{families:?}");
    assert!(families.iter().any(|f| !f.contains("CJK")), "{families:?}");
}

#[test]
fn a4_pdf_reads_back_as_typed() {
    check(Paper::A4, "/tmp/icp-print-sample.pdf");
}

#[test]
fn letter_pdf_reads_back_as_typed() {
    check(Paper::Letter, "/tmp/icp-print-sample-letter.pdf");
}

#[test]
fn a_character_no_font_has_prints_as_a_visible_replacement_mark() {
    if !have("pdftotext") {
        eprintln!("SKIPPED: poppler-utils (pdftotext) is not installed");
        return;
    }
    // U+13000, an Egyptian hieroglyph: in none of Noto Sans, Noto Sans CJK and DejaVu Sans.
    let doc = Document {
        paper: Paper::A4,
        header: None,
        footer: None,
        blocks: vec![Block::Paragraph("Before \u{13000} after, 광주".into())],
    };
    let pdf = render_pdf(&doc, fonts()).unwrap_or_else(|e| panic!("render failed: {e}"));
    let path = std::env::temp_dir().join(format!("icp-print-missing-{}.pdf", std::process::id()));
    std::fs::write(&path, &pdf).expect("write pdf");
    let text = squash(&run("pdftotext", &[path.to_str().unwrap(), "-"]));
    let _ = std::fs::remove_file(&path);
    assert!(
        text.contains("Before \u{FFFD} after, 광주"),
        "the missing character should read back as the replacement mark: {text:?}"
    );
}
