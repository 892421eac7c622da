//! Meetings as calendar events, so that every participant can import them and see each one
//! in their own calendar at the right time, wherever they are.

use icp_domain::meeting::Meeting;

use super::meeting_time::planner_when;
use super::people::People;
use crate::ics::{Calendar, Event};

/// One event per meeting, in time order, named `name` on import. The UID is the meeting's id
/// (`<id>@icp-desk`), so importing a newer file updates the events instead of doubling them.
pub fn meeting_calendar(name: &str, meetings: &[Meeting], people: &People) -> Calendar {
    let mut sorted: Vec<&Meeting> = meetings.iter().collect();
    sorted.sort_by_key(|m| (m.start, m.id));
    let events = sorted
        .into_iter()
        .map(|m| {
            let link = m.online_link.trim();
            let venue = m.venue.trim();
            Event {
                uid: format!("{}@icp-desk", m.id),
                start_utc: m.start.naive_utc(),
                end_utc: m.end().naive_utc(),
                summary: m.title.clone(),
                location: if venue.is_empty() { link } else { venue }.to_string(),
                url: link.to_string(),
                description: description(m, people),
                category: m.kind.label().into(),
            }
        })
        .collect();
    Calendar {
        name: name.into(),
        events,
    }
}

fn description(m: &Meeting, people: &People) -> String {
    // The planner's own clock too: the one the invitation and the minutes use.
    let zone = m.zone().unwrap_or(chrono_tz::UTC);
    let mut lines = vec![
        m.kind.label().to_string(),
        planner_when(m.start, m.end(), zone),
    ];
    if !m.online_link.trim().is_empty() {
        lines.push(format!("Online: {}", m.online_link.trim()));
    }
    if !m.venue.trim().is_empty() {
        lines.push(format!("Venue: {}", m.venue.trim()));
    }
    if !m.agenda.is_empty() {
        lines.push(String::new());
        lines.push("Agenda".into());
        for (i, a) in m.agenda.iter().enumerate() {
            let presenter = a
                .presenter
                .map(|p| format!(" — {}", people.name(p)))
                .unwrap_or_default();
            lines.push(format!(
                "{}. {}{presenter} ({} min)",
                i + 1,
                a.title,
                a.minutes
            ));
        }
    }
    lines.join("\n")
}
