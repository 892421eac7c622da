//! The minutes of a meeting: when it was (on the planner's clock and on every participating
//! city's), where, the agenda, who came (each with their own local start), the minutes as
//! typed, decisions, action items, the best practices captured and, when there is one, the
//! evaluation's summary.
//!
//! The minutes are Markdown kept as text (DESIGN §6, and the meeting record says so): blank
//! lines part paragraphs and `#` lines print as headings, but nothing else is interpreted, so
//! HTML or a script in them prints exactly as typed.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use icp_domain::meeting::{local_times, ActionStatus, LocalTime, Meeting, MeetingWarning};
use icp_domain::CityZone;

use super::meeting_time::{local_range, local_start, local_zone, planner_when};
use super::people::People;
use crate::{Block, Column, Document, Paper};

/// Everything the minutes print, as plain data. [`MinutesDocument::from_meeting`] fills what
/// the meeting record and the directory say; the caller adds what lives elsewhere.
#[derive(Debug, Clone, PartialEq)]
pub struct MinutesDocument {
    pub title: String,
    /// The kind's label ("Cluster meeting": `MeetingKind::label`).
    pub kind: String,
    /// What the meeting is part of, as people call it ("Circular economy cluster",
    /// "Gwangju – Łódź pairing"); `None` prints nothing (the programme as a whole).
    pub part_of: Option<String>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// The zone the meeting was planned in: the "When" line is on its clock.
    pub planned_zone: Tz,
    /// The meeting on each participating city's clock (`Meeting::local_times`), in the order
    /// to print.
    pub local_times: Vec<LocalTime>,
    /// Printed as notes under the times (clock changes, an agenda longer than the meeting).
    pub warnings: Vec<MeetingWarning>,
    /// Empty when the meeting was not online.
    pub online_link: String,
    /// Empty when the meeting had no venue.
    pub venue: String,
    pub agenda: Vec<MinutesAgendaItem>,
    /// In the order to print; guest speakers are listed first whatever the order.
    pub attendees: Vec<MinutesAttendee>,
    /// Markdown, as typed.
    pub minutes: String,
    pub decisions: Vec<String>,
    pub actions: Vec<MinutesAction>,
    /// An empty list prints "None captured."
    pub best_practices: Vec<CapturedPractice>,
    /// Not printed at all when `None`.
    pub evaluation: Option<EvaluationSummary>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MinutesAgendaItem {
    pub title: String,
    /// The presenter's name.
    pub presenter: Option<String>,
    /// Minutes allotted.
    pub minutes: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MinutesAttendee {
    pub name: String,
    /// Their city and its clock, for their local start; `None` prints "—".
    pub city: Option<CityZone>,
    pub guest_speaker: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MinutesAction {
    pub text: String,
    /// The owner's name.
    pub owner: Option<String>,
    /// `YYYY-MM-DD`, as the meeting record keeps it.
    pub due: Option<String>,
    pub status: ActionStatus,
}

/// A best practice captured at the meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct CapturedPractice {
    pub title: String,
    /// The city it comes from.
    pub city: String,
    pub theme: String,
    pub summary: String,
}

/// The evaluation's results, when there is an evaluation: figures ("Responses" → "14",
/// "Useful (1–5)" → "4.3") and free comments, each printed as a paragraph.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvaluationSummary {
    pub figures: Vec<(String, String)>,
    pub comments: Vec<String>,
}

impl MinutesDocument {
    /// What the meeting record says, with people's names from `people` and every city's
    /// local time from `cities` (the participating cities and their clocks; an attendee whose
    /// city is not among them prints without a local time). `part_of`, `warnings` and
    /// `best_practices` are left empty and `evaluation` `None`, for the caller to fill.
    pub fn from_meeting(meeting: &Meeting, people: &People, cities: &[CityZone]) -> Self {
        let name = |id| people.name(id);
        MinutesDocument {
            title: meeting.title.clone(),
            kind: meeting.kind.label().into(),
            part_of: None,
            start: meeting.start,
            end: meeting.end(),
            planned_zone: meeting.zone().unwrap_or(chrono_tz::UTC),
            local_times: meeting.local_times(cities),
            warnings: Vec::new(),
            online_link: meeting.online_link.clone(),
            venue: meeting.venue.clone(),
            agenda: meeting
                .agenda
                .iter()
                .map(|a| MinutesAgendaItem {
                    title: a.title.clone(),
                    presenter: a.presenter.map(name),
                    minutes: a.minutes,
                })
                .collect(),
            attendees: meeting
                .attendees
                .iter()
                .map(|a| {
                    let home = people.get(a.person).and_then(|p| p.city);
                    MinutesAttendee {
                        name: name(a.person),
                        city: home.and_then(|id| cities.iter().find(|c| c.id == id).cloned()),
                        guest_speaker: a.guest_speaker,
                    }
                })
                .collect(),
            minutes: meeting.minutes.clone(),
            decisions: meeting.decisions.clone(),
            actions: meeting
                .actions
                .iter()
                .map(|a| MinutesAction {
                    text: a.text.clone(),
                    owner: a.owner.map(name),
                    due: a.due.clone(),
                    status: a.status,
                })
                .collect(),
            best_practices: Vec::new(),
            evaluation: None,
        }
    }
}

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s.to_string()
    }
}

fn status_label(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Open => "Open",
        ActionStatus::Done => "Done",
        ActionStatus::Dropped => "Dropped",
    }
}

/// "28 March 2022"; a date that does not read as one prints as it is.
fn due_date(due: Option<&str>) -> String {
    match due.map(str::trim) {
        None | Some("") => "—".into(),
        Some(text) => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(d) => d.format("%-d %B %Y").to_string(),
            Err(_) => text.to_string(),
        },
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

/// A titled table, or `empty` when there is nothing to list.
fn section(
    blocks: &mut Vec<Block>,
    title: &str,
    spec: &[(&str, f32)],
    rows: Vec<Vec<String>>,
    empty: &str,
) {
    blocks.push(Block::Heading {
        level: 2,
        text: title.into(),
    });
    if rows.is_empty() {
        blocks.push(Block::Paragraph(empty.into()));
    } else {
        blocks.push(Block::Table {
            columns: columns(spec),
            rows,
        });
    }
}

/// Builds the minutes of a meeting.
pub fn minutes(doc: &MinutesDocument, paper: Paper) -> Document {
    let planner_start = doc.start.with_timezone(&doc.planned_zone);
    let mut facts = vec![("Kind".to_string(), or_dash(&doc.kind))];
    if let Some(part_of) = doc.part_of.as_deref().filter(|p| !p.trim().is_empty()) {
        facts.push(("Part of".into(), part_of.to_string()));
    }
    facts.push((
        "When".into(),
        planner_when(doc.start, doc.end, doc.planned_zone),
    ));
    let link = doc.online_link.trim();
    let venue = doc.venue.trim();
    if !link.is_empty() {
        facts.push(("Online".into(), link.to_string()));
    }
    if !venue.is_empty() {
        facts.push(("Venue".into(), venue.to_string()));
    }
    if link.is_empty() && venue.is_empty() {
        facts.push(("Place".into(), "—".into()));
    }

    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: format!("Minutes — {}", doc.title),
        },
        Block::KeyValue(facts),
    ];

    if !doc.local_times.is_empty() {
        section(
            &mut blocks,
            "Local times",
            &[("City", 0.32), ("Local time", 0.38), ("Zone", 0.30)],
            doc.local_times
                .iter()
                .map(|t| vec![t.name.clone(), local_range(t), local_zone(t)])
                .collect(),
            "",
        );
        if doc.local_times.iter().any(|t| t.day_offset != 0) {
            blocks.push(Block::Paragraph(
                "(+1) and (−1): the meeting fell on the next or the previous day there, compared \
                 with the planner's date."
                    .into(),
            ));
        }
    }
    for w in &doc.warnings {
        blocks.push(Block::Paragraph(format!("Note: {}", w.message)));
    }

    let duration = u32::try_from((doc.end - doc.start).num_minutes().max(0)).unwrap_or(u32::MAX);
    section(
        &mut blocks,
        "Agenda",
        &[
            ("#", 0.06),
            ("Item", 0.56),
            ("Presenter", 0.26),
            ("Minutes", 0.12),
        ],
        doc.agenda
            .iter()
            .enumerate()
            .map(|(i, a)| {
                vec![
                    (i + 1).to_string(),
                    a.title.clone(),
                    or_dash(a.presenter.as_deref().unwrap_or("")),
                    a.minutes.to_string(),
                ]
            })
            .collect(),
        "No agenda recorded.",
    );

    // Guest speakers first, each group in the order given.
    let mut attendees: Vec<&MinutesAttendee> = doc.attendees.iter().collect();
    attendees.sort_by_key(|a| !a.guest_speaker);
    section(
        &mut blocks,
        "Attendees",
        &[
            ("Name", 0.30),
            ("City", 0.22),
            ("Local start", 0.30),
            ("Role", 0.18),
        ],
        attendees
            .iter()
            .map(|a| {
                let (city, start) = match &a.city {
                    Some(c) => {
                        let t = local_times(
                            doc.start,
                            duration,
                            doc.planned_zone,
                            std::slice::from_ref(c),
                        );
                        (c.name.clone(), t.first().map(local_start))
                    }
                    None => ("—".into(), None),
                };
                vec![
                    a.name.clone(),
                    city,
                    start.unwrap_or_else(|| "—".into()),
                    if a.guest_speaker {
                        "Guest speaker"
                    } else {
                        "Attendee"
                    }
                    .into(),
                ]
            })
            .collect(),
        "None recorded.",
    );

    blocks.push(Block::Heading {
        level: 2,
        text: "Minutes".into(),
    });
    let text = minutes_blocks(&doc.minutes);
    if text.is_empty() {
        blocks.push(Block::Paragraph("No minutes recorded.".into()));
    }
    blocks.extend(text);

    section(
        &mut blocks,
        "Decisions",
        &[("#", 0.06), ("Decision", 0.94)],
        doc.decisions
            .iter()
            .filter(|d| !d.trim().is_empty())
            .enumerate()
            .map(|(i, d)| vec![(i + 1).to_string(), d.clone()])
            .collect(),
        "None recorded.",
    );
    section(
        &mut blocks,
        "Action items",
        &[
            ("Action", 0.46),
            ("Owner", 0.22),
            ("Due", 0.18),
            ("Status", 0.14),
        ],
        doc.actions
            .iter()
            .map(|a| {
                vec![
                    a.text.clone(),
                    or_dash(a.owner.as_deref().unwrap_or("")),
                    due_date(a.due.as_deref()),
                    status_label(a.status).into(),
                ]
            })
            .collect(),
        "None recorded.",
    );
    section(
        &mut blocks,
        "Best practices captured",
        &[
            ("Practice", 0.24),
            ("City", 0.16),
            ("Theme", 0.16),
            ("Summary", 0.44),
        ],
        doc.best_practices
            .iter()
            .map(|p| {
                vec![
                    p.title.clone(),
                    or_dash(&p.city),
                    or_dash(&p.theme),
                    or_dash(&p.summary),
                ]
            })
            .collect(),
        "None captured.",
    );

    if let Some(evaluation) = &doc.evaluation {
        blocks.push(Block::Heading {
            level: 2,
            text: "Evaluation".into(),
        });
        if evaluation.figures.is_empty() && evaluation.comments.is_empty() {
            blocks.push(Block::Paragraph("No responses yet.".into()));
        }
        if !evaluation.figures.is_empty() {
            // Read as one table: the means are compared with each other.
            blocks.push(Block::KeepTogether(vec![Block::KeyValue(
                evaluation.figures.clone(),
            )]));
        }
        blocks.extend(
            evaluation
                .comments
                .iter()
                .filter(|c| !c.trim().is_empty())
                .map(|c| Block::Paragraph(c.clone())),
        );
    }

    Document {
        paper,
        header: Some(format!(
            "{} · {}",
            doc.title,
            planner_start.format("%-d %B %Y")
        )),
        footer: Some("ICP AGIR meeting minutes · printed by ICP Desk".into()),
        blocks,
    }
}

/// The minutes' Markdown as blocks: paragraphs parted by blank lines (line ends inside one
/// kept, so lists stay one item a line), `#` to `######` lines as headings, everything else
/// exactly as typed. Inside a fenced code block (``` or ~~~) a `#` line is text.
fn minutes_blocks(text: &str) -> Vec<Block> {
    fn flush(lines: &mut Vec<String>, out: &mut Vec<Block>) {
        if !lines.is_empty() {
            out.push(Block::Paragraph(lines.join("\n")));
            lines.clear();
        }
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut fenced = false;
    for line in text.split('\n') {
        // A tab has no glyph; four spaces keep the indent it stood for.
        let line = line.replace('\t', "    ");
        let line = line.trim_end();
        if line.trim().is_empty() {
            flush(&mut lines, &mut out);
            continue;
        }
        let lead = line.trim_start();
        if lead.starts_with("```") || lead.starts_with("~~~") {
            fenced = !fenced;
        } else if let Some(heading) = atx_heading(line).filter(|_| !fenced) {
            flush(&mut lines, &mut out);
            if !heading.is_empty() {
                out.push(Block::Heading {
                    level: 3,
                    text: heading.to_string(),
                });
            }
            continue;
        }
        lines.push(line.to_string());
    }
    flush(&mut lines, &mut out);
    out
}

/// The text of a Markdown ATX heading ("## Notes" → "Notes", "# Title #" → "Title"): up to
/// three spaces, one to six `#`, then a space or the line's end. `#hashtag` is no heading.
fn atx_heading(line: &str) -> Option<&str> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &rest[hashes..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let text = rest.trim();
    // A closing run of # counts only after a space: "C#" stays.
    let closed = text.trim_end_matches('#');
    Some(if closed.is_empty() {
        ""
    } else if closed.ends_with(' ') {
        closed.trim_end()
    } else {
        text
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Heading { level, text } => format!("h{level}:{text}"),
                Block::Paragraph(p) => format!("p:{p}"),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn blank_lines_part_paragraphs_and_hash_lines_are_headings() {
        let typed = "# Opening\r\nWelcome by Łucja.\nSecond line\n\n   \n## Notes\n<script>alert('x')</script> <b>bold</b>\n\n- one\n\t- two\n#hashtag stays\nC# ##\n####### seven";
        assert_eq!(
            texts(&minutes_blocks(typed)),
            [
                "h3:Opening",
                "p:Welcome by Łucja.\nSecond line",
                "h3:Notes",
                "p:<script>alert('x')</script> <b>bold</b>",
                "p:- one\n    - two\n#hashtag stays\nC# ##\n####### seven",
            ]
        );
    }

    #[test]
    fn fenced_code_keeps_its_hash_lines_and_empty_minutes_give_nothing() {
        assert_eq!(
            texts(&minutes_blocks("```\n# not a heading\n```\n# Heading #")),
            ["p:```\n# not a heading\n```", "h3:Heading"]
        );
        assert!(minutes_blocks("  \n\n\t\n").is_empty());
        assert_eq!(atx_heading("#"), Some(""));
        assert_eq!(atx_heading("    # code"), None);
    }

    #[test]
    fn due_dates_read_as_dates_and_others_as_typed() {
        assert_eq!(due_date(Some("2022-03-28")), "28 March 2022");
        assert_eq!(due_date(Some("soon")), "soon");
        assert_eq!(due_date(None), "—");
    }
}
