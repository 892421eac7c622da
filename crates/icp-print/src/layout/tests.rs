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
            Kind::Rule => None,
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
