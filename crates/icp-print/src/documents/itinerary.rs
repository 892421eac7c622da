//! The printed itinerary a delegation carries: a cover, each day with every session in the
//! host's time and in the delegation's home time(s), then contacts, logistics and participants.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use icp_domain::time::convert;
use icp_domain::StudyVisit;

use super::cities::{zone, Cities};
use crate::{Block, Column, Document, Paper};

fn long_date(d: NaiveDate) -> String {
    d.format("%A %-d %B %Y").to_string()
}

/// "09:00–10:30", with "(+1)" or "(−1)" when the home date differs from the host's.
fn home_range(date: NaiveDate, start: NaiveTime, end: NaiveTime, host: Tz, home: Tz) -> String {
    let (s, s_off) = convert(date, start, host, home);
    let (e, _) = convert(date, end, host, home);
    let mark = match s_off {
        0 => String::new(),
        n if n > 0 => format!(" (+{n})"),
        n => format!(" (−{})", -n),
    };
    format!("{}–{}{mark}", s.format("%H:%M"), e.format("%H:%M"))
}

/// Builds the itinerary of a (valid) visit.
pub fn itinerary(visit: &StudyVisit, cities: &Cities, paper: Paper) -> Document {
    let host = cities.get(visit.host_city);
    let host_tz = zone(host);
    let host_name = cities.name(visit.host_city);
    // One home-time column for each clock of the delegation that differs from the host's and
    // from the others during the visit (Łódź and München read the same time: one column).
    let dates = visit.dates();
    let same_clock = |a: Tz, b: Tz| {
        dates.iter().all(|d| {
            let noon = d.and_hms_opt(12, 0, 0).expect("noon exists");
            convert(noon.date(), noon.time(), a, b).0 == noon
        })
    };
    // Cities sharing a clock share a column, named after all of them ("eThekwini / Łódź").
    let mut homes: Vec<(String, Tz)> = Vec::new();
    for id in &visit.delegation {
        let Some(tz) = zone(cities.get(*id)) else {
            continue;
        };
        if host_tz.is_some_and(|h| same_clock(h, tz)) {
            continue;
        }
        let name = cities.get(*id).map(|c| c.name.clone()).unwrap_or_default();
        match homes.iter_mut().find(|(_, z)| same_clock(*z, tz)) {
            Some((names, _)) => {
                names.push_str(" / ");
                names.push_str(&name);
            }
            None => homes.push((name, tz)),
        }
    }
    let delegation: Vec<String> = visit.delegation.iter().map(|id| cities.name(*id)).collect();
    let range = match (dates.first(), dates.last()) {
        (Some(a), Some(b)) => format!("{} – {}", long_date(*a), long_date(*b)),
        _ => visit.start_date.clone(),
    };

    let mut blocks = vec![
        Block::Heading { level: 1, text: visit.title.clone() },
        Block::KeyValue(vec![
            ("Host city".into(), host_name.clone()),
            ("Dates".into(), range),
            ("Delegation".into(), if delegation.is_empty() { "—".into() } else { delegation.join(", ") }),
            ("Participants".into(), visit.participants.len().to_string()),
        ]),
        Block::Paragraph(match (host, homes.is_empty()) {
            (Some(h), false) => format!(
                "Times are given in {host_name} local time ({}) and in the delegation's home time ({}).",
                h.time_zone,
                homes.iter().map(|(n, z)| format!("{n}: {}", z.name())).collect::<Vec<_>>().join(", ")
            ),
            (Some(h), true) => format!("Times are {host_name} local time ({}).", h.time_zone),
            (None, _) => "Times are the host city's local time.".into(),
        }),
    ];

    let host_short = host
        .map(|c| c.name.clone())
        .unwrap_or_else(|| "Host".into());
    let time_cols = 1 + homes.len();
    let time_width = 0.15;
    let rest = 1.0 - time_width * time_cols as f32;
    let mut columns = vec![Column {
        title: format!("{host_short} time"),
        width_fraction: time_width,
    }];
    for (name, _) in &homes {
        columns.push(Column {
            title: format!("{name} time"),
            width_fraction: time_width,
        });
    }
    columns.push(Column {
        title: "Session".into(),
        width_fraction: rest * 0.62,
    });
    columns.push(Column {
        title: "Where".into(),
        width_fraction: rest * 0.38,
    });

    for (n, date) in dates.iter().enumerate() {
        blocks.push(Block::Heading {
            level: 2,
            text: format!("Day {} — {}", n + 1, long_date(*date)),
        });
        let sessions = visit.sessions_on(*date);
        if sessions.is_empty() {
            blocks.push(Block::Paragraph("No sessions planned.".into()));
            continue;
        }
        let rows = sessions
            .iter()
            .map(|s| {
                let start = NaiveTime::parse_from_str(&s.start, "%H:%M").unwrap_or_default();
                let end = NaiveTime::parse_from_str(&s.end, "%H:%M").unwrap_or_default();
                let mut row = vec![format!("{}–{}", s.start, s.end)];
                for (_, home) in &homes {
                    row.push(match host_tz {
                        Some(h) => home_range(*date, start, end, h, *home),
                        None => "—".into(),
                    });
                }
                let mut what = format!("{} — {}", s.kind.label(), s.title);
                if !s.description.is_empty() {
                    what.push_str(&format!("\n{}", s.description));
                }
                if !s.speakers.is_empty() {
                    what.push_str(&format!("\nWith: {}", s.speakers.join(", ")));
                }
                if !s.notes.is_empty() {
                    what.push_str(&format!("\nNote: {}", s.notes));
                }
                row.push(what);
                row.push(match (s.venue.is_empty(), s.address.is_empty()) {
                    (false, false) => format!("{}\n{}", s.venue, s.address),
                    (false, true) => s.venue.clone(),
                    (true, false) => s.address.clone(),
                    (true, true) => "—".into(),
                });
                row
            })
            .collect();
        blocks.push(Block::Table {
            columns: columns.clone(),
            rows,
        });
    }

    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading {
        level: 1,
        text: "Contacts and logistics".into(),
    });
    let l = &visit.logistics;
    let or_dash = |s: &str| {
        if s.is_empty() {
            "—".to_string()
        } else {
            s.to_string()
        }
    };
    blocks.push(Block::KeyValue(vec![
        ("Hotel".into(), or_dash(&l.hotel)),
        ("Transport".into(), or_dash(&l.transport)),
        ("Practical notes".into(), or_dash(&l.notes)),
    ]));
    listing(
        &mut blocks,
        "Emergency contacts",
        &[("Name", 0.35), ("Role", 0.35), ("Phone", 0.30)],
        l.emergency_contacts
            .iter()
            .map(|c| vec![c.name.clone(), or_dash(&c.role), or_dash(&c.phone)])
            .collect(),
    );
    listing(
        &mut blocks,
        "Participants",
        &[
            ("Name", 0.28),
            ("Role", 0.24),
            ("Organisation", 0.26),
            ("Home city", 0.22),
        ],
        visit
            .participants
            .iter()
            .map(|p| {
                vec![
                    p.name.clone(),
                    or_dash(&p.role),
                    or_dash(&p.organisation),
                    cities.name(p.home_city),
                ]
            })
            .collect(),
    );

    Document {
        paper,
        header: Some(format!("{} · {}", visit.title, host_name)),
        footer: Some("ICP AGIR study visit · printed by ICP Desk".into()),
        blocks,
    }
}

/// A titled table, or "None recorded." when there is nothing to list.
fn listing(blocks: &mut Vec<Block>, title: &str, columns: &[(&str, f32)], rows: Vec<Vec<String>>) {
    blocks.push(Block::Heading {
        level: 2,
        text: title.into(),
    });
    if rows.is_empty() {
        blocks.push(Block::Paragraph("None recorded.".into()));
        return;
    }
    blocks.push(Block::Table {
        columns: columns
            .iter()
            .map(|(title, width_fraction)| Column {
                title: (*title).into(),
                width_fraction: *width_fraction,
            })
            .collect(),
        rows,
    });
}
