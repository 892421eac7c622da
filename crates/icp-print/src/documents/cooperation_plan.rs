//! A pair of cities' cooperation plan: a title page, the plan's sections, its objectives,
//! the actions table (its header on every page), the actions' timeline as a vector chart,
//! the risks and the practices to transfer. The running header names the plan and the pair;
//! the footer carries the version and its date on every page.
//!
//! The document takes its own print-side data, already worded for display: the caller
//! (the API, from the plan's record) fills [`PlanDocument`].

use crate::{Block, Column, Document, Paper, Timeline};

/// Everything a cooperation plan prints, as display text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanDocument {
    pub title: String,
    /// The pair of cities, as people call it ("Gwangju – Athens").
    pub pairing: String,
    /// "Version 2, issued 14 March 2023", "Draft, printed 30 November 2026": on the title
    /// page and in every page's footer.
    pub version_label: String,
    /// Headed sections in order (("Context", …), ("Challenge", …)); blank lines part a
    /// text's paragraphs, and an empty text prints "None recorded."
    pub sections: Vec<(String, String)>,
    /// Numbered in the order given.
    pub objectives: Vec<String>,
    pub actions: Vec<PlanActionRow>,
    /// The actions as bars by month across the programme period. With no months or no rows
    /// it prints "None recorded."; an empty `label_title` prints "Action".
    pub timeline: Timeline,
    /// (Risk, mitigation).
    pub risks: Vec<(String, String)>,
    /// (Practice, the city it comes from).
    pub practices: Vec<(String, String)>,
}

/// One action, as the actions table prints it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanActionRow {
    pub title: String,
    /// The leading city or organisation.
    pub lead: String,
    pub partners: String,
    /// Display dates ("Oct 2021"); either may be empty.
    pub start: String,
    pub end: String,
    pub indicators: String,
    pub status: String,
    /// The objectives it serves ("1, 3").
    pub objectives: String,
}

/// The name the title page prints over the plan.
pub const PROGRAMME: &str = "ICP AGIR";
/// What an empty part of the plan prints.
pub const NONE_RECORDED: &str = "None recorded.";
/// The actions table's columns, and their shares of the text width.
pub const ACTION_COLUMNS: [(&str, f32); 8] = [
    ("#", 0.05),
    ("Action", 0.24),
    ("Lead", 0.11),
    ("Partners", 0.12),
    ("Dates", 0.13),
    ("Indicators", 0.13),
    ("Status", 0.10),
    ("Objectives", 0.12),
];

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s.trim().to_string()
    }
}

fn columns(spec: &[(&str, f32)]) -> Vec<Column> {
    spec.iter()
        .map(|(title, width_fraction)| Column {
            title: (*title).into(),
            width_fraction: *width_fraction,
        })
        .collect()
}

fn heading(blocks: &mut Vec<Block>, text: &str) {
    blocks.push(Block::Heading {
        level: 2,
        text: text.into(),
    });
}

/// A titled table, or "None recorded." when there is nothing to list.
fn table(blocks: &mut Vec<Block>, title: &str, spec: &[(&str, f32)], rows: Vec<Vec<String>>) {
    heading(blocks, title);
    if rows.is_empty() {
        blocks.push(Block::Paragraph(NONE_RECORDED.into()));
    } else {
        blocks.push(Block::Table {
            columns: columns(spec),
            rows,
        });
    }
}

/// Paragraphs parted by blank lines; nothing when the text is blank.
pub(crate) fn paragraphs(text: &str) -> Vec<Block> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for line in text.split('\n').chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !lines.is_empty() {
                out.push(Block::Paragraph(lines.join("\n")));
                lines.clear();
            }
        } else {
            lines.push(line.trim_end());
        }
    }
    out
}

/// "Oct 2021 – Mar 2022"; one date alone when the other is missing.
fn dates(start: &str, end: &str) -> String {
    match (start.trim(), end.trim()) {
        ("", "") => "—".into(),
        (s, "") => format!("from {s}"),
        ("", e) => format!("until {e}"),
        (s, e) => format!("{s} – {e}"),
    }
}

/// Builds a cooperation plan.
pub fn cooperation_plan(doc: &PlanDocument, paper: Paper) -> Document {
    // A spacer is dropped at the top of a page: the programme's name goes first.
    let mut blocks = vec![
        Block::Heading {
            level: 3,
            text: PROGRAMME.into(),
        },
        Block::Spacer(50.0),
        Block::Heading {
            level: 1,
            text: or_dash(&doc.title),
        },
    ];
    if !doc.pairing.trim().is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: doc.pairing.trim().into(),
        });
    }
    if !doc.version_label.trim().is_empty() {
        blocks.push(Block::Spacer(6.0));
        blocks.push(Block::Paragraph(doc.version_label.trim().into()));
    }
    blocks.push(Block::PageBreak);

    for (title, text) in &doc.sections {
        heading(&mut blocks, &or_dash(title));
        let body = paragraphs(text);
        if body.is_empty() {
            blocks.push(Block::Paragraph(NONE_RECORDED.into()));
        }
        blocks.extend(body);
    }

    table(
        &mut blocks,
        "Objectives",
        &[("#", 0.05), ("Objective", 0.95)],
        doc.objectives
            .iter()
            .filter(|o| !o.trim().is_empty())
            .enumerate()
            .map(|(i, o)| vec![(i + 1).to_string(), o.trim().to_string()])
            .collect(),
    );

    table(
        &mut blocks,
        "Actions",
        &ACTION_COLUMNS,
        doc.actions
            .iter()
            .enumerate()
            .map(|(i, a)| {
                vec![
                    (i + 1).to_string(),
                    or_dash(&a.title),
                    or_dash(&a.lead),
                    or_dash(&a.partners),
                    dates(&a.start, &a.end),
                    or_dash(&a.indicators),
                    or_dash(&a.status),
                    or_dash(&a.objectives),
                ]
            })
            .collect(),
    );

    heading(&mut blocks, "Timeline");
    if doc.timeline.months.is_empty() || doc.timeline.rows.is_empty() {
        blocks.push(Block::Paragraph(NONE_RECORDED.into()));
    } else {
        let mut chart = doc.timeline.clone();
        if chart.label_title.trim().is_empty() {
            chart.label_title = "Action".into();
        }
        blocks.push(Block::Timeline(chart));
    }

    table(
        &mut blocks,
        "Risks",
        &[("Risk", 0.45), ("Mitigation", 0.55)],
        doc.risks
            .iter()
            .map(|(risk, mitigation)| vec![or_dash(risk), or_dash(mitigation)])
            .collect(),
    );
    table(
        &mut blocks,
        "Practices to transfer",
        &[("Practice", 0.7), ("City", 0.3)],
        doc.practices
            .iter()
            .map(|(practice, city)| vec![or_dash(practice), or_dash(city)])
            .collect(),
    );

    let header = [doc.title.trim(), doc.pairing.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    Document {
        paper,
        header: (!header.is_empty()).then_some(header),
        footer: Some(doc.version_label.trim())
            .filter(|v| !v.is_empty())
            .map(str::to_string),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_part_paragraphs() {
        assert_eq!(
            paragraphs("One\r\ntwo\n\n  \nThree  "),
            [
                Block::Paragraph("One\ntwo".into()),
                Block::Paragraph("Three".into())
            ]
        );
        assert!(paragraphs(" \n\t\n").is_empty());
    }

    #[test]
    fn empty_parts_print_none_recorded() {
        let doc = PlanDocument {
            title: "Plan".into(),
            sections: vec![("Context".into(), "  ".into())],
            ..Default::default()
        };
        let printed = cooperation_plan(&doc, Paper::A4);
        let nones = printed
            .blocks
            .iter()
            .filter(|b| **b == Block::Paragraph(NONE_RECORDED.into()))
            .count();
        // Context, objectives, actions, timeline, risks, practices.
        assert_eq!(nones, 6);
        assert_eq!(printed.footer, None);
        assert_eq!(printed.header.as_deref(), Some("Plan"));
    }

    #[test]
    fn dates_read_as_a_range() {
        assert_eq!(dates("Oct 2021", "Mar 2022"), "Oct 2021 – Mar 2022");
        assert_eq!(dates("Oct 2021", ""), "from Oct 2021");
        assert_eq!(dates(" ", ""), "—");
    }
}
