//! The closing-conference book: every city's dissemination plan, one after the other, each
//! starting on a page of its own so that a city can hand out its pages alone.
//!
//! Like the other documents it takes its own print-side data, already worded for display;
//! the API fills [`BookDocument`] from the plans' records.

use crate::{Block, Column, Document, Paper};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct BookDocument {
    /// "Closing conference · ICP AGIR".
    pub title: String,
    /// "Printed 30 November 2026": on the title page and in every footer.
    pub printed: String,
    pub cities: Vec<CityChapter>,
}

/// One city's plan.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CityChapter {
    /// "Porto, Portugal".
    pub city: String,
    pub summary: String,
    pub practices: Vec<PracticeRow>,
}

/// One practice to spread, as its table row prints it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PracticeRow {
    pub practice: String,
    /// "Braga (city); National Association of Portuguese Municipalities (national body)".
    pub adopters: String,
    pub adaptation: String,
    pub channels: String,
    pub status: String,
}

const NONE_RECORDED: &str = "None recorded.";

const COLUMNS: [(&str, f32); 5] = [
    ("Practice", 0.22),
    ("Who may adopt it", 0.24),
    ("What needs adapting", 0.24),
    ("Channels", 0.18),
    ("Status", 0.12),
];

fn or_dash(s: &str) -> String {
    match s.trim() {
        "" => "—".into(),
        t => t.into(),
    }
}

/// Builds the book.
pub fn closing_book(doc: &BookDocument, paper: Paper) -> Document {
    let mut blocks = vec![
        Block::Heading {
            level: 3,
            text: "ICP AGIR".into(),
        },
        // A spacer is dropped at the top of a page: the programme's name goes first.
        Block::Spacer(50.0),
        Block::Heading {
            level: 1,
            text: or_dash(&doc.title),
        },
        Block::Heading {
            level: 2,
            text: "Dissemination plans".into(),
        },
        Block::Spacer(6.0),
        Block::Paragraph(doc.printed.clone()),
    ];
    if doc.cities.is_empty() {
        blocks.push(Block::Paragraph(
            "No city has a dissemination plan yet.".into(),
        ));
    } else {
        blocks.push(Block::Spacer(10.0));
        blocks.push(Block::Heading {
            level: 3,
            text: "Cities".into(),
        });
        blocks.push(Block::Paragraph(
            doc.cities
                .iter()
                .map(|c| c.city.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        ));
    }
    for chapter in &doc.cities {
        blocks.push(Block::PageBreak);
        blocks.push(Block::Heading {
            level: 1,
            text: or_dash(&chapter.city),
        });
        for para in chapter
            .summary
            .replace("\r\n", "\n")
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            blocks.push(Block::Paragraph(para.into()));
        }
        blocks.push(Block::Heading {
            level: 2,
            text: "Practices to spread".into(),
        });
        if chapter.practices.is_empty() {
            blocks.push(Block::Paragraph(NONE_RECORDED.into()));
        } else {
            blocks.push(Block::Table {
                columns: COLUMNS
                    .iter()
                    .map(|(title, width_fraction)| Column {
                        title: (*title).into(),
                        width_fraction: *width_fraction,
                    })
                    .collect(),
                rows: chapter
                    .practices
                    .iter()
                    .map(|p| {
                        vec![
                            or_dash(&p.practice),
                            or_dash(&p.adopters),
                            or_dash(&p.adaptation),
                            or_dash(&p.channels),
                            or_dash(&p.status),
                        ]
                    })
                    .collect(),
            });
        }
    }
    Document {
        paper,
        header: Some(format!("{} · dissemination plans", doc.title.trim())),
        footer: Some(doc.printed.clone()),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_city_starts_a_page_and_an_empty_plan_says_so() {
        let doc = BookDocument {
            title: "Closing conference".into(),
            printed: "Printed 30 November 2026".into(),
            cities: vec![
                CityChapter {
                    city: "Porto, Portugal".into(),
                    summary: "First.\n\nSecond.".into(),
                    practices: vec![PracticeRow {
                        practice: "Street markets".into(),
                        ..Default::default()
                    }],
                },
                CityChapter {
                    city: "eThekwini, South Africa".into(),
                    ..Default::default()
                },
            ],
        };
        let built = closing_book(&doc, Paper::A4);
        let breaks = built
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::PageBreak))
            .count();
        assert_eq!(breaks, 2);
        assert!(built
            .blocks
            .contains(&Block::Paragraph(NONE_RECORDED.into())));
        assert!(built.blocks.contains(&Block::Paragraph("Second.".into())));
        assert_eq!(built.footer.as_deref(), Some("Printed 30 November 2026"));
    }
}
