//! Property tests of pagination: whatever the document, nothing leaves the printable area,
//! rows and keep-together groups stay on one page, and continued tables repeat their header.

use std::collections::HashMap;
use std::sync::OnceLock;

use icp_print::layout::{Kind, Part, Split};
use icp_print::{layout, Block, Column, Document, FontSet, Paper};
use proptest::prelude::*;

fn fonts() -> &'static FontSet {
    static SET: OnceLock<FontSet> = OnceLock::new();
    SET.get_or_init(|| match FontSet::from_system() {
        Ok(set) => set,
        Err(e) => panic!("the print tests need the Noto fonts: {e}"),
    })
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z]{1,12}",
        Just("Łódź".to_string()),
        Just("München".to_string()),
        Just("광주광역시와".to_string()),
        Just("臺中市與普拉托的合作".to_string()),
        Just("Donaudampfschifffahrtsgesellschaftskapitänsmütze".to_string()),
    ]
}

fn text(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 0..max_words).prop_map(|w| w.join(" "))
}

fn leaf() -> impl Strategy<Value = Block> {
    prop_oneof![
        3 => text(80).prop_map(Block::Paragraph),
        1 => (1u8..4, text(12)).prop_map(|(level, text)| Block::Heading { level, text }),
        1 => prop::collection::vec((text(3), text(30)), 1..6).prop_map(Block::KeyValue),
        1 => (0.0f32..40.0).prop_map(Block::Spacer),
    ]
}

fn table() -> impl Strategy<Value = Block> {
    (1usize..5).prop_flat_map(|n| {
        (
            prop::collection::vec((text(3), 0.1f32..1.0), n),
            // Some cells are long enough to make a row taller than a page.
            prop::collection::vec(prop::collection::vec(text(40), n), 0..45),
            prop::option::of(Just(text_block_huge())),
        )
            .prop_map(|(cols, mut rows, huge)| {
                if let Some(cell) = huge {
                    if let Some(row) = rows.first_mut() {
                        row[0] = cell;
                    }
                }
                Block::Table {
                    columns: cols
                        .into_iter()
                        .map(|(title, width_fraction)| Column {
                            title,
                            width_fraction,
                        })
                        .collect(),
                    rows,
                }
            })
    })
}

fn text_block_huge() -> String {
    "Gwangju Athens 광주 ".repeat(400)
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        4 => leaf(),
        2 => table(),
        2 => prop::collection::vec(leaf(), 1..8).prop_map(Block::KeepTogether),
        1 => Just(Block::PageBreak),
    ]
}

fn document() -> impl Strategy<Value = Document> {
    (
        prop::bool::ANY,
        prop::option::of(text(30)),
        prop::option::of(text(30)),
        prop::collection::vec(block(), 0..12),
    )
        .prop_map(|(letter, header, footer, blocks)| Document {
            paper: if letter { Paper::Letter } else { Paper::A4 },
            header,
            footer,
            blocks,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn layout_keeps_its_promises(doc in document()) {
        let lay = layout(&doc, fonts());
        let g = lay.geometry;
        let eps = 1e-2;
        prop_assert!(!lay.pages.is_empty());

        let mut row_pages: HashMap<(usize, usize), usize> = HashMap::new();
        let mut group_pages: HashMap<usize, usize> = HashMap::new();
        for (p, page) in lay.pages.iter().enumerate() {
            for it in &page.items {
                let r = it.rect;
                // Nothing leaves the page's printable area (10 mm on every side) …
                prop_assert!(r.x >= 10.0 - eps && r.x + r.w <= g.width - 10.0 + eps, "x out: {:?}", it);
                prop_assert!(r.y >= 10.0 - eps && r.y + r.h <= g.height - 10.0 + eps, "y out: {:?}", it);
                match it.tag.part {
                    Part::PageHeader | Part::PageFooter => {}
                    // … and the body stays inside the margins.
                    _ => {
                        prop_assert!(r.x >= g.margin_x - eps && r.x + r.w <= g.width - g.margin_x + eps, "body x out: {:?}", it);
                        prop_assert!(r.y >= g.content_top() - eps && r.y + r.h <= g.content_bottom() + eps, "body y out: {:?}", it);
                    }
                }
                if let Part::Row { table, row } = it.tag.part {
                    let split = lay.splits.contains(&Split::Row { table, row });
                    let first = *row_pages.entry((table, row)).or_insert(p);
                    prop_assert!(split || first == p, "row {row} of table {table} split across pages");
                }
                if let Some(Block::KeepTogether(_)) = doc.blocks.get(it.tag.block) {
                    let split = lay.splits.contains(&Split::Group { block: it.tag.block });
                    let first = *group_pages.entry(it.tag.block).or_insert(p);
                    prop_assert!(split || first == p, "group {} split across pages", it.tag.block);
                }
            }
            // A table continued from an earlier page starts this page with its header row.
            let body: Vec<_> = page.items.iter()
                .filter(|it| !matches!(it.tag.part, Part::PageHeader | Part::PageFooter))
                .collect();
            let repeated = |table: usize| !lay.splits.contains(&Split::TableHeader { table });
            if let Some(first) = body.first() {
                if let Part::Row { table, .. } = first.tag.part {
                    prop_assert!(!repeated(table), "page {} starts with a row of table {table} before its header", p + 1);
                }
                if let Part::TableHeader { table } = first.tag.part {
                    // Header texts come before the rows' on the page, and above them.
                    let head_bottom = body.iter()
                        .filter(|it| it.tag.part == Part::TableHeader { table })
                        .map(|it| it.rect.y + it.rect.h)
                        .fold(0.0f32, f32::max);
                    for it in &body {
                        if let Part::Row { table: t, .. } = it.tag.part {
                            if t == table && matches!(it.kind, Kind::Text { .. }) {
                                prop_assert!(it.rect.y >= head_bottom - eps);
                            }
                        }
                    }
                }
            }
            // Every page with rows of a table that began on an earlier page shows that
            // table's header.
            for it in &body {
                if let Part::Row { table, .. } = it.tag.part {
                    let continued = lay.pages[..p].iter().flat_map(|pg| &pg.items)
                        .any(|x| x.tag.part == Part::TableHeader { table });
                    if continued && repeated(table) {
                        prop_assert!(body.iter().any(|x| x.tag.part == Part::TableHeader { table }),
                            "page {} continues table {table} without its header", p + 1);
                    }
                }
            }
        }
        // The running header and footer are whole (the documents here are far from needing
        // a quarter of the page for them) and the body keeps clear of them.
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        for page in &lay.pages {
            for (part, text) in [(Part::PageHeader, &doc.header), (Part::PageFooter, &doc.footer)] {
                let lines: String = page.items.iter()
                    .filter(|it| it.tag.part == part)
                    .filter_map(|it| match &it.kind { Kind::Text { text, .. } => Some(text.as_str()), _ => None })
                    .filter(|t| !t.starts_with("Page "))
                    .collect();
                if let Some(text) = text {
                    prop_assert_eq!(squeeze(&lines), squeeze(text));
                }
            }
            for it in &page.items {
                match it.tag.part {
                    Part::PageHeader => prop_assert!(it.rect.y + it.rect.h <= g.content_top() + eps),
                    Part::PageFooter => prop_assert!(it.rect.y >= g.content_bottom() - eps),
                    _ => {}
                }
            }
        }
        // Page numbers: one "Page X of N" per page.
        let n = lay.pages.len();
        for (p, page) in lay.pages.iter().enumerate() {
            let want = format!("Page {} of {}", p + 1, n);
            let numbered = page.items.iter().any(|it| matches!(&it.kind, Kind::Text { text, .. } if *text == want));
            prop_assert!(numbered, "page {} lacks {:?}", p + 1, want);
        }
    }
}
