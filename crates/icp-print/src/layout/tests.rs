//! Pagination, checked on the positioned boxes.

use super::{layout, Kind, Layout, Part, Split};
use crate::blocks::{Block, Column, Document};
use crate::fonts::tests::system;
use crate::paper::Paper;

fn doc(blocks: Vec<Block>) -> Layout {
    let d = Document {
        paper: Paper::A4,
        header: None,
        footer: None,
        blocks,
    };
    layout(&d, system())
}

fn page_of(lay: &Layout, needle: &str) -> Vec<usize> {
    lay.pages
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.items
                .iter()
                .any(|it| matches!(&it.kind, Kind::Text { text, .. } if text.contains(needle)))
        })
        .map(|(i, _)| i)
        .collect()
}

#[test]
fn a_group_that_does_not_fit_moves_whole_to_the_next_page() {
    let filler = Block::Spacer(240.0);
    let group = Block::KeepTogether(vec![
        Block::Heading {
            level: 2,
            text: "Day 2 entry".into(),
        },
        Block::Paragraph("first line of the entry ".repeat(30)),
    ]);
    let lay = doc(vec![Block::Paragraph("start".into()), filler, group]);
    assert_eq!(page_of(&lay, "Day 2 entry"), [1]);
    assert_eq!(page_of(&lay, "first line"), [1]);
    assert!(lay.splits.is_empty());
}

#[test]
fn a_group_taller_than_a_page_is_split_instead_of_looping() {
    let group = Block::KeepTogether(vec![Block::Paragraph("long ".repeat(6000))]);
    let lay = doc(vec![group]);
    assert!(lay.pages.len() >= 2);
    assert_eq!(lay.splits, [Split::Group { block: 0 }]);
}

#[test]
fn continued_table_repeats_its_header_and_rows_stay_whole() {
    let columns = vec![
        Column {
            title: "When".into(),
            width_fraction: 1.0,
        },
        Column {
            title: "What".into(),
            width_fraction: 3.0,
        },
    ];
    let rows = (0..120)
        .map(|i| vec![format!("{i}"), format!("row {i} 광주 ").repeat(3)])
        .collect();
    let lay = doc(vec![Block::Table { columns, rows }]);
    assert!(lay.pages.len() >= 3);
    for page in &lay.pages {
        let first = page.items.first().map(|it| it.tag.part);
        assert_eq!(first, Some(Part::TableHeader { table: 0 }));
    }
    for r in 0..120 {
        let pages = page_of(&lay, &format!("row {r} "));
        assert_eq!(pages.len(), 1, "row {r} on pages {pages:?}");
    }
}

#[test]
fn heading_is_not_left_alone_at_the_bottom() {
    // The heading alone would fit at the foot of page 1; with its first line it does not.
    let lay = doc(vec![
        Block::Paragraph("x".into()),
        Block::Spacer(231.0),
        Block::Heading {
            level: 1,
            text: "Orphan?".into(),
        },
        Block::Paragraph("body ".repeat(40)),
    ]);
    assert_eq!(page_of(&lay, "Orphan?"), [1]);
    let without_body = doc(vec![
        Block::Paragraph("x".into()),
        Block::Spacer(231.0),
        Block::Heading {
            level: 1,
            text: "Orphan?".into(),
        },
    ]);
    assert_eq!(page_of(&without_body, "Orphan?"), [0]);
}

#[test]
fn a_group_ending_with_a_heading_keeps_with_what_follows() {
    // The group fits at the foot of page 1, but its closing heading would be left there
    // without the paragraph it introduces.
    let group = |last_is_heading: bool| {
        let last = if last_is_heading {
            Block::Heading {
                level: 3,
                text: "Summary".into(),
            }
        } else {
            Block::Paragraph("Summary".into())
        };
        Block::KeepTogether(vec![
            Block::Heading {
                level: 2,
                text: "Entry title".into(),
            },
            last,
        ])
    };
    let blocks = |last_is_heading: bool| {
        vec![
            Block::Paragraph("x".into()),
            Block::Spacer(223.0),
            group(last_is_heading),
            Block::Paragraph("body ".repeat(40)),
        ]
    };
    let lay = doc(blocks(true));
    assert_eq!(page_of(&lay, "Entry title"), [1]);
    assert_eq!(page_of(&lay, "Summary"), [1]);
    // Ending with anything else, the group stays where it fits.
    let lay = doc(blocks(false));
    assert_eq!(page_of(&lay, "Entry title"), [0]);
}

#[test]
fn a_heading_over_a_table_keeps_with_its_header_and_first_row() {
    // Wherever the foot of the page falls, the heading, the header row and the first row
    // share a page: the heading is never left alone above a header that moved on.
    for tenth in 2000..2500 {
        let lay = doc(vec![
            Block::Paragraph("x".into()),
            Block::Spacer(tenth as f32 / 10.0),
            Block::Heading {
                level: 2,
                text: "Section".into(),
            },
            Block::Table {
                columns: vec![Column {
                    title: "Head".into(),
                    width_fraction: 1.0,
                }],
                rows: vec![vec!["first row".into()], vec!["second row".into()]],
            },
        ]);
        let heading = page_of(&lay, "Section");
        assert_eq!(heading, page_of(&lay, "first row"), "spacer {tenth}");
        // (The header repeats on the next page when the second row goes there.)
        assert_eq!(heading[..], page_of(&lay, "Head")[..1], "spacer {tenth}");
    }
}

fn texts(lay: &Layout, part: Part, page: usize) -> Vec<String> {
    lay.pages[page]
        .items
        .iter()
        .filter(|it| it.tag.part == part)
        .filter_map(|it| match &it.kind {
            Kind::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_long_running_header_wraps_whole_and_the_body_moves_down_for_it() {
    let header = "Study visit of the delegation of eThekwini, 광주광역시 and 臺中市 to Porto, \
                  Łódź and München, with the pairing managers of every city "
        .repeat(2);
    let d = Document {
        paper: Paper::Letter,
        header: Some(header.clone()),
        footer: Some(header.clone()),
        blocks: vec![Block::Paragraph("body ".repeat(2000))],
    };
    let lay = layout(&d, system());
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for p in 0..lay.pages.len() {
        let head = texts(&lay, Part::PageHeader, p);
        assert!(head.len() >= 2, "{head:?}");
        assert_eq!(
            squeeze(&head.concat()),
            squeeze(&header),
            "header cut on page {p}"
        );
        let foot: Vec<String> = texts(&lay, Part::PageFooter, p)
            .into_iter()
            .filter(|t| !t.starts_with("Page "))
            .collect();
        assert_eq!(
            squeeze(&foot.concat()),
            squeeze(&header),
            "footer cut on page {p}"
        );
        let items = &lay.pages[p].items;
        let running_bottom = items
            .iter()
            .filter(|it| it.tag.part == Part::PageHeader)
            .map(|it| it.rect.y + it.rect.h)
            .fold(0.0_f32, f32::max);
        let footer_top = items
            .iter()
            .filter(|it| it.tag.part == Part::PageFooter)
            .map(|it| it.rect.y)
            .fold(f32::MAX, f32::min);
        for it in items.iter().filter(|it| it.tag.part == Part::Body) {
            assert!(it.rect.y >= running_bottom, "body under the header: {it:?}");
            assert!(
                it.rect.y + it.rect.h <= footer_top,
                "body under the footer: {it:?}"
            );
        }
    }
}

#[test]
fn a_header_row_taller_than_a_third_of_the_page_prints_whole_once() {
    let title = "A column title that goes on and on ".repeat(40);
    let columns = vec![
        Column {
            title: title.clone(),
            width_fraction: 1.0,
        },
        Column {
            title: "What".into(),
            width_fraction: 3.0,
        },
    ];
    let rows = (0..80)
        .map(|i| vec![format!("{i}"), format!("row {i}.")])
        .collect();
    let lay = doc(vec![Block::Table { columns, rows }]);
    let head: Vec<String> = (0..lay.pages.len())
        .flat_map(|p| texts(&lay, Part::TableHeader { table: 0 }, p))
        .collect();
    let words = |s: &str| s.split_whitespace().count();
    assert_eq!(
        words(&head.join(" ")),
        words(&title) + 1,
        "header text lost"
    );
    assert!(lay.splits.contains(&Split::TableHeader { table: 0 }));
    for r in 0..80 {
        assert_eq!(page_of(&lay, &format!("row {r}.")).len(), 1);
    }
}

mod timeline {
    use super::super::timeline::{BAR_INSET, LABEL_FRACTION};
    use super::{page_of, texts};
    use crate::blocks::{Block, Document, Month, Timeline, TimelineRow};
    use crate::fonts::tests::system;
    use crate::layout::{layout, Kind, Layout, Part, Placed, Shade};
    use crate::paper::Paper;

    /// October 2021 to December 2023: 27 months.
    fn period() -> Vec<Month> {
        Month::range(
            Month {
                year: 2021,
                month: 10,
            },
            Month {
                year: 2023,
                month: 12,
            },
        )
    }

    fn chart(paper: Paper, rows: Vec<TimelineRow>) -> Layout {
        let d = Document {
            paper,
            header: Some("Plan · 광주 – Αθήνα".into()),
            footer: Some("Version 2".into()),
            blocks: vec![
                Block::Heading {
                    level: 2,
                    text: "Timeline".into(),
                },
                Block::Timeline(Timeline {
                    label_title: "Action".into(),
                    months: period(),
                    rows,
                }),
            ],
        };
        layout(&d, system())
    }

    fn row(label: &str, bars: Vec<(usize, usize)>) -> TimelineRow {
        TimelineRow {
            label: label.into(),
            bars,
            note: String::new(),
        }
    }

    fn items(lay: &Layout) -> impl Iterator<Item = (usize, &Placed)> {
        lay.pages
            .iter()
            .enumerate()
            .flat_map(|(p, page)| page.items.iter().map(move |it| (p, it)))
    }

    fn bars_of(lay: &Layout, r: usize) -> Vec<&Placed> {
        items(lay)
            .map(|(_, it)| it)
            .filter(|it| it.kind == Kind::Fill { shade: Shade::Bar })
            .filter(|it| it.tag.part == Part::TimelineRow { chart: 0, row: r })
            .collect()
    }

    #[test]
    fn the_period_has_27_months_in_order() {
        let months = period();
        assert_eq!(months.len(), 27);
        assert_eq!(
            months[3],
            Month {
                year: 2022,
                month: 1
            }
        );
        assert_eq!(months[26].short_name(), "Dec");
    }

    #[test]
    fn bars_span_their_months_and_are_cut_at_the_period_end() {
        let lay = chart(
            Paper::A4,
            vec![
                row("first month", vec![(0, 0)]),
                row("광주 workshop", vec![(3, 8), (12, 14)]),
                row("reversed", vec![(20, 10)]),
                row("past the end", vec![(25, 40)]),
                row("outside", vec![(30, 31)]),
            ],
        );
        let g = lay.geometry;
        let left = g.margin_x + g.content_width() * LABEL_FRACTION;
        let month_w = g.content_width() * (1.0 - LABEL_FRACTION) / 27.0;
        let expect = |r: usize, spans: &[(usize, usize)]| {
            let mut bars = bars_of(&lay, r);
            bars.sort_by(|a, b| a.rect.x.total_cmp(&b.rect.x));
            assert_eq!(bars.len(), spans.len(), "row {r}: {bars:?}");
            for (bar, &(a, b)) in bars.iter().zip(spans) {
                let x = left + a as f32 * month_w;
                let w = (b - a + 1) as f32 * month_w;
                assert!(
                    (bar.rect.x - (x + BAR_INSET)).abs() < 1e-3,
                    "row {r}: {bar:?}"
                );
                assert!(
                    (bar.rect.w - (w - 2.0 * BAR_INSET)).abs() < 1e-3,
                    "row {r}: {bar:?}"
                );
                assert!(bar.rect.h > 1.0);
            }
        };
        expect(0, &[(0, 0)]);
        expect(1, &[(3, 8), (12, 14)]);
        expect(2, &[(10, 20)]);
        expect(3, &[(25, 26)]);
        expect(4, &[]);
        // Year lines at January 2022 and January 2023 run through every row.
        for r in 0..5 {
            let xs: Vec<f32> = items(&lay)
                .map(|(_, it)| it)
                .filter(|it| it.kind == Kind::VRule)
                .filter(|it| it.tag.part == Part::TimelineRow { chart: 0, row: r })
                .map(|it| it.rect.x)
                .collect();
            for i in [3, 15] {
                let x = left + i as f32 * month_w;
                assert!(xs.iter().any(|v| (v - x).abs() < 1e-3), "row {r}: {xs:?}");
            }
        }
    }

    #[test]
    fn the_header_repeats_on_every_page_and_rows_stay_whole() {
        let rows: Vec<TimelineRow> = (0..90)
            .map(|i| TimelineRow {
                label: format!("action {i}: 광주 Αθήνα 臺中 ").repeat(1 + i % 4),
                bars: vec![(i % 27, (i % 27 + 5).min(26))],
                note: if i % 5 == 0 {
                    format!("note {i}")
                } else {
                    String::new()
                },
            })
            .collect();
        let lay = chart(Paper::A4, rows);
        assert!(lay.pages.len() >= 3, "{} pages", lay.pages.len());
        assert!(lay.splits.is_empty());
        for (p, page) in lay.pages.iter().enumerate() {
            let body: Vec<&Placed> = page
                .items
                .iter()
                .filter(|it| !matches!(it.tag.part, Part::PageHeader | Part::PageFooter))
                .collect();
            if p > 0 {
                assert_eq!(
                    body.first().map(|it| it.tag.part),
                    Some(Part::TimelineHeader { chart: 0 }),
                    "page {p}"
                );
            }
            let head_bottom = body
                .iter()
                .filter(|it| it.tag.part == Part::TimelineHeader { chart: 0 })
                .map(|it| it.rect.y + it.rect.h)
                .fold(f32::MIN, f32::max);
            for it in &body {
                if let Part::TimelineRow { .. } = it.tag.part {
                    assert!(
                        it.rect.y >= head_bottom - 1e-3,
                        "row above the header: {it:?}"
                    );
                }
            }
            assert!(
                texts(&lay, Part::TimelineHeader { chart: 0 }, p).contains(&"Action".to_string()),
                "page {p}"
            );
        }
        for r in 0..90 {
            let pages: Vec<usize> = items(&lay)
                .filter(|(_, it)| it.tag.part == Part::TimelineRow { chart: 0, row: r })
                .map(|(p, _)| p)
                .collect();
            assert!(!pages.is_empty());
            assert!(pages.iter().all(|&p| p == pages[0]), "row {r} on {pages:?}");
            // The bar sits within its row's lines.
            let rows: Vec<&Placed> = items(&lay)
                .map(|(_, it)| it)
                .filter(|it| it.tag.part == Part::TimelineRow { chart: 0, row: r })
                .collect();
            let top = rows.iter().map(|it| it.rect.y).fold(f32::MAX, f32::min);
            let bottom = rows
                .iter()
                .map(|it| it.rect.y + it.rect.h)
                .fold(f32::MIN, f32::max);
            for bar in bars_of(&lay, r) {
                assert!(bar.rect.y >= top && bar.rect.y + bar.rect.h <= bottom);
            }
        }
        assert_eq!(page_of(&lay, "note 85").len(), 1);
    }

    #[test]
    fn a_27_month_period_fits_the_text_width_of_a4_and_letter() {
        for paper in [Paper::A4, Paper::Letter] {
            let lay = chart(paper, vec![row("all of it", vec![(0, 26)])]);
            let g = lay.geometry;
            let (lo, hi) = (g.margin_x - 1e-3, g.width - g.margin_x + 1e-3);
            for (_, it) in items(&lay) {
                if matches!(it.tag.part, Part::PageHeader | Part::PageFooter) {
                    continue;
                }
                assert!(
                    it.rect.x >= lo && it.rect.x + it.rect.w <= hi,
                    "{paper:?}: {it:?}"
                );
            }
            assert_eq!(lay.pages.len(), 1);
            let bar = bars_of(&lay, 0)[0];
            assert!((bar.rect.x + bar.rect.w + BAR_INSET - (hi - 1e-3)).abs() < 1e-2);
            // Years and months are labelled, none over another.
            let labels: Vec<&Placed> = items(&lay)
                .map(|(_, it)| it)
                .filter(|it| it.tag.part == Part::TimelineHeader { chart: 0 })
                .filter(|it| matches!(it.kind, Kind::Text { .. }))
                .collect();
            let names = texts(&lay, Part::TimelineHeader { chart: 0 }, 0);
            for year in ["2021", "2022", "2023"] {
                assert!(names.iter().any(|n| n == year), "{paper:?}: {names:?}");
            }
            let months = names.iter().filter(|n| n.len() == 3).count();
            assert!(months >= 9, "{paper:?}: {names:?}");
            for line in [0, 1] {
                let mut row: Vec<&&Placed> = labels
                    .iter()
                    .filter(|it| it.rect.x > g.margin_x + 1.0)
                    .filter(|it| {
                        let year = matches!(&it.kind, Kind::Text { text, .. } if text.len() == 4);
                        year == (line == 0)
                    })
                    .collect();
                row.sort_by(|a, b| a.rect.x.total_cmp(&b.rect.x));
                for pair in row.windows(2) {
                    assert!(
                        pair[0].rect.x + pair[0].rect.w <= pair[1].rect.x,
                        "{paper:?}: {pair:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_long_period_labels_fewer_months_and_still_fits() {
        let d = Document {
            paper: Paper::Letter,
            header: None,
            footer: None,
            blocks: vec![Block::Timeline(Timeline {
                label_title: "Action".into(),
                months: Month::range(
                    Month {
                        year: 2020,
                        month: 1,
                    },
                    Month {
                        year: 2029,
                        month: 12,
                    },
                ),
                rows: vec![row("long", vec![(0, 119)])],
            })],
        };
        let lay = layout(&d, system());
        let g = lay.geometry;
        for it in &lay.pages[0].items {
            assert!(
                it.rect.x + it.rect.w <= g.width - g.margin_x + 1e-3,
                "{it:?}"
            );
        }
        let names = texts(&lay, Part::TimelineHeader { chart: 0 }, 0);
        assert!(names.iter().any(|n| n == "2020"), "{names:?}");
        assert!(names.iter().filter(|n| n.len() == 3).count() < 120);
    }
}
