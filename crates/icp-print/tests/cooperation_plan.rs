//! A cooperation plan of 120 actions, printed and read back as a person's PDF reader would:
//! poppler's `pdftotext`, `pdfinfo`, `pdffonts` and `pdfimages`, and qpdf for the file's
//! structure and its uncompressed page content.

mod readback;

use icp_print::documents::cooperation_plan::{
    cooperation_plan, PlanActionRow, PlanDocument, ACTION_COLUMNS,
};
use icp_print::layout::{Kind, Part, Shade};
use icp_print::{layout, render_pdf, Month, Paper, Timeline, TimelineRow};
use readback::{fonts, run, squash, squeezed};

const TITLE: &str = "Cooperation plan 2021–2023";
const PAIRING: &str = "광주 Gwangju – Αθήνα Athens";
const VERSION: &str = "Version 2, issued 14 March 2023";
const ACTIONS: usize = 120;

/// Action `i`'s title, in Latin, Korean, Greek or Han by turns.
fn action_title(i: usize) -> String {
    match i % 4 {
        0 => format!("Action {i}: open data on waste collection in Łódź and Athens"),
        1 => format!("행동 {i}: 광주 시민 참여 워크숍과 공공 공간"),
        2 => format!("Δράση {i}: Αθήνα, δημόσιοι χώροι και πράσινες στέγες"),
        _ => format!("行动 {i}：臺中與光州的智慧城市交流"),
    }
}

/// Action `i`'s label in the timeline: not its title, so the titles are read from the
/// actions table alone.
fn chart_label(i: usize) -> String {
    match i % 3 {
        0 => format!("{}. Schedule {i}, Łódź", i + 1),
        1 => format!("{}. 일정 {i}: 광주광역시", i + 1),
        _ => format!("{}. 日程 {i}：臺中市 Αθήνα", i + 1),
    }
}

fn plan() -> PlanDocument {
    let months = Month::range(
        Month {
            year: 2021,
            month: 10,
        },
        Month {
            year: 2023,
            month: 12,
        },
    );
    let actions: Vec<PlanActionRow> = (0..ACTIONS)
        .map(|i| PlanActionRow {
            title: action_title(i),
            lead: if i % 2 == 0 { "광주" } else { "Athens" }.into(),
            partners: "Αθήνα, 臺中".into(),
            start: months[i % 20].short_name().to_string() + " " + &months[i % 20].year.to_string(),
            end: "Dec 2023".into(),
            indicators: format!("{} participants", 10 + i),
            status: ["Planned", "Under way", "Done"][i % 3].into(),
            objectives: format!("{}, {}", 1 + i % 3, 2 + i % 2),
        })
        .collect();
    let rows = (0..ACTIONS)
        .map(|i| TimelineRow {
            label: chart_label(i),
            bars: if i % 7 == 0 {
                vec![(i % 20, i % 20 + 2), (i % 20 + 4, 26)]
            } else {
                vec![(i % 20, (i % 20 + 3 + i % 5).min(26))]
            },
            note: if i % 10 == 0 {
                "Funded by the city".into()
            } else {
                String::new()
            },
        })
        .collect();
    PlanDocument {
        title: TITLE.into(),
        pairing: PAIRING.into(),
        version_label: VERSION.into(),
        sections: vec![
            (
                "Context".into(),
                "Gwangju (광주) and Athens (Αθήνα) are paired in ICP AGIR to share their work on \
                 public space and citizens' participation.\n\nA second paragraph: 两个城市的合作."
                    .into(),
            ),
            (
                "Challenge".into(),
                "Heat islands in dense districts.".into(),
            ),
            ("Lessons so far".into(), "  ".into()),
        ],
        objectives: vec![
            "Cool three districts with green roofs".into(),
            "시민 참여를 늘린다".into(),
            "Open the cities' data".into(),
        ],
        actions,
        timeline: Timeline {
            label_title: "Action".into(),
            months,
            rows,
        },
        risks: vec![(
            "Elections in 2022 change priorities".into(),
            "Agree the plan with both councils".into(),
        )],
        practices: vec![("Green roof subsidy".into(), "Αθήνα".into())],
    }
}

struct Printed {
    text: String,
    pages: Vec<String>,
    /// The uncompressed content of each page (`qpdf --qdf`).
    content: String,
    images: String,
    /// The actions table's "Action" column alone, every page's, white space removed.
    action_column: String,
}

fn print(doc: &PlanDocument, paper: Paper, path: &str) -> Printed {
    let pdf = render_pdf(&cooperation_plan(doc, paper), fonts()).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(path, &pdf).expect("write the pdf");
    let info = run("pdfinfo", &[path]);
    let count: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    let pages = (1..=count)
        .map(|k| {
            let k = k.to_string();
            run("pdftotext", &["-layout", "-f", &k, "-l", &k, path, "-"])
        })
        .collect();
    let text = run("pdftotext", &[path, "-"]);
    for row in run("pdffonts", &[path])
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
    {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "not embedded, subset and mapped: {row}"
        );
    }
    run("qpdf", &["--check", path]);
    let qdf = format!("{path}.qdf");
    run(
        "qpdf",
        &["--qdf", "--object-streams=disable", path, qdf.as_str()],
    );
    let content = String::from_utf8_lossy(&std::fs::read(&qdf).expect("qdf")).into_owned();
    let _ = std::fs::remove_file(&qdf);
    let images = run("pdfimages", &["-list", path]);
    // pdftotext crops in points (at its default 72 dpi) from the top left.
    let geo = layout(&cooperation_plan(doc, paper), fonts()).geometry;
    let total: f32 = ACTION_COLUMNS.iter().map(|c| c.1).sum();
    let share = |n: usize| ACTION_COLUMNS[..n].iter().map(|c| c.1).sum::<f32>() / total;
    let pt = |mm: f32| mm * 72.0 / 25.4;
    let left = pt(geo.margin_x + geo.content_width() * share(1) + 0.5).ceil() as i32;
    let right = pt(geo.margin_x + geo.content_width() * share(2) - 0.5).floor() as i32;
    let crop = [
        "-x".to_string(),
        left.to_string(),
        "-y".into(),
        "0".into(),
        "-W".into(),
        (right - left).to_string(),
        "-H".into(),
        pt(geo.height).ceil().to_string(),
    ];
    let mut args: Vec<&str> = crop.iter().map(String::as_str).collect();
    args.extend([path, "-"]);
    let action_column = squeezed(&run("pdftotext", &args));
    Printed {
        text,
        pages,
        content,
        images,
        action_column,
    }
}

#[test]
fn a_plan_of_120_actions_prints_every_title_with_the_header_and_footer_on_every_page() {
    let doc = plan();
    // Kept as a sample to look at.
    let printed = print(&doc, Paper::A4, "/tmp/plan-sample.pdf");
    let pages = &printed.pages;
    assert!(pages.len() >= 5, "only {} pages", pages.len());

    // The title page.
    let first = squash(&pages[0]);
    for expected in ["ICP AGIR", TITLE, PAIRING, VERSION] {
        assert!(
            first.contains(expected),
            "title page lacks {expected}: {first}"
        );
    }

    // The actions table's title column: every title, whole, in order.
    let mut at = 0;
    for i in 0..ACTIONS {
        let title = squeezed(&action_title(i));
        let found = printed.action_column[at..].find(&title);
        assert!(
            found.is_some(),
            "{title} not in the actions table after {at}:\n{}",
            printed.action_column
        );
        at += found.unwrap_or(0) + title.len();
    }
    // The timeline's labels, in every script.
    let all = squeezed(&printed.text);
    for i in [0, 1, 2, 118, 119] {
        let label = squeezed(&chart_label(i));
        assert!(all.contains(&label), "{label} not in the timeline");
    }
    for expected in [
        "Context",
        "两个城市的合作.",
        "Lessons so far",
        "None recorded.",
        "시민 참여를 늘린다",
        "Elections in 2022 change priorities",
        "Green roof subsidy",
        "Practices to transfer",
    ] {
        assert!(
            all.contains(&squeezed(expected)),
            "{expected} not read back"
        );
    }

    // Every page after the title page: the running header, the version in the footer; each
    // page the actions table reaches starts it with its header row.
    let header = squash(&format!("{TITLE} · {PAIRING}"));
    let head_row = "# Action Lead Partners Dates Indicators Status Objectives";
    // The indicators column is the actions table's alone.
    let table_pages: Vec<usize> = (0..pages.len())
        .filter(|&k| pages[k].contains("participants"))
        .collect();
    assert!(table_pages.len() >= 3, "table on pages {table_pages:?}");
    for (k, page) in pages.iter().enumerate() {
        let page = squash(page);
        assert!(
            page.contains(&format!("Page {} of {}", k + 1, pages.len())),
            "page {k}"
        );
        assert!(
            page.contains(VERSION),
            "page {} lacks the version: {page}",
            k + 1
        );
        if k > 0 {
            assert!(
                page.contains(&header),
                "page {} lacks the header: {page}",
                k + 1
            );
        }
        if table_pages.contains(&k) {
            assert!(
                page.contains(head_row),
                "page {} lacks the table header: {page}",
                k + 1
            );
        }
    }

    // The timeline: vector shapes, no picture; its header on each page it reaches.
    assert_eq!(
        printed
            .images
            .lines()
            .skip(2)
            .filter(|l| !l.trim().is_empty())
            .count(),
        0,
        "images in the PDF:\n{}",
        printed.images
    );
    // One fill operator in the pages' content per filled rect the layout placed: a bar
    // each, and a tint behind each header row of the chart.
    let mut fills = 0;
    let mut in_page = false;
    for line in printed.content.lines() {
        if line.starts_with("%% Contents for page") {
            in_page = true;
        } else if line == "endstream" {
            in_page = false;
        } else if in_page && line.trim() == "f" {
            fills += 1;
        }
    }
    let lay = layout(&cooperation_plan(&doc, Paper::A4), fonts());
    let placed = lay
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|it| matches!(it.kind, Kind::Fill { .. }))
        .count();
    let bars: usize = doc.timeline.rows.iter().map(|r| r.bars.len()).sum();
    assert!(placed > bars, "{placed} rects for {bars} bars");
    assert_eq!(fills, placed, "fill operators in the pages' content");
    let chart_pages: Vec<usize> = (0..pages.len())
        .filter(|&k| pages[k].contains("Funded by the city"))
        .collect();
    assert!(chart_pages.len() >= 2, "chart on {chart_pages:?}");
    for k in chart_pages {
        let page = squash(&pages[k]);
        assert!(
            page.contains("2022") && page.contains("2023") && page.contains("Action"),
            "page {} lacks the chart's header: {page}",
            k + 1
        );
    }
}

#[test]
fn every_bar_is_one_filled_rect_and_a_row_keeps_to_one_page() {
    let doc = plan();
    for paper in [Paper::A4, Paper::Letter] {
        let lay = layout(&cooperation_plan(&doc, paper), fonts());
        let bars: usize = doc.timeline.rows.iter().map(|r| r.bars.len()).sum();
        let fills = lay
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter(|it| it.kind == Kind::Fill { shade: Shade::Bar })
            .count();
        assert_eq!(fills, bars, "{paper:?}");
        for r in 0..ACTIONS {
            let on: Vec<usize> = (0..lay.pages.len())
                .filter(|&p| {
                    lay.pages[p]
                        .items
                        .iter()
                        .any(|it| it.tag.part == Part::TimelineRow { chart: 0, row: r })
                })
                .collect();
            assert_eq!(on.len(), 1, "{paper:?}: row {r} on pages {on:?}");
        }
        assert!(lay.splits.is_empty(), "{paper:?}: {:?}", lay.splits);
    }
}

#[test]
fn a_letter_plan_reads_back_too() {
    let printed = print(
        &plan(),
        Paper::Letter,
        &format!("/tmp/icp-print-plan-letter-{}.pdf", std::process::id()),
    );
    for i in [0, 1, 2, 3, 119] {
        assert!(printed.action_column.contains(&squeezed(&action_title(i))));
    }
    for page in &printed.pages {
        assert!(squash(page).contains(VERSION));
    }
    let _ = std::fs::remove_file(
        std::env::temp_dir().join(format!("icp-print-plan-letter-{}.pdf", std::process::id())),
    );
}
