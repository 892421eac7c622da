//! A study visit's sessions as calendar events, so that each participant can import the
//! programme and see it in their own calendar at the right times.

use chrono::{NaiveDate, NaiveTime};
use icp_domain::time::convert;
use icp_domain::{Session, StudyVisit};

use super::cities::{zone, Cities};
use crate::ics::{Calendar, Event};
use crate::PrintError;

/// One event per session of a (valid) visit, in time order.
pub fn visit_calendar(visit: &StudyVisit, cities: &Cities) -> Result<Calendar, PrintError> {
    let host = cities.get(visit.host_city);
    let Some(host_tz) = zone(host) else {
        return Err(PrintError::HostCityUnknown {
            visit: visit.title.clone(),
        });
    };
    let host_name = cities.name(visit.host_city);
    let mut sessions: Vec<&Session> = visit.sessions.iter().collect();
    sessions.sort_by(|a, b| (&a.date, &a.start).cmp(&(&b.date, &b.start)));
    let events = sessions
        .into_iter()
        .filter_map(|s| {
            // A saved visit's sessions always parse; one that does not is left out rather
            // than placed at a made-up time.
            let date = NaiveDate::parse_from_str(&s.date, "%Y-%m-%d").ok()?;
            let start = NaiveTime::parse_from_str(&s.start, "%H:%M").ok()?;
            let end = NaiveTime::parse_from_str(&s.end, "%H:%M").ok()?;
            let (start_utc, _) = convert(date, start, host_tz, chrono_tz::UTC);
            let (end_utc, _) = convert(date, end, host_tz, chrono_tz::UTC);
            Some(Event {
                uid: format!("{}-{}@icp-desk", visit.id, s.key),
                start_utc,
                end_utc,
                summary: format!("{} — {}", s.kind.label(), s.title),
                url: String::new(),
                location: [s.venue.as_str(), s.address.as_str()]
                    .iter()
                    .filter(|p| !p.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", "),
                description: description(s, &host_name),
                category: s.kind.label().into(),
            })
        })
        .collect();
    Ok(Calendar {
        name: visit.title.clone(),
        events,
    })
}

fn description(s: &Session, host_name: &str) -> String {
    // The host's own clock too: the one the printed itinerary and the signs on the day use.
    let mut lines = vec![format!("{}–{} {host_name} time", s.start, s.end)];
    if !s.description.is_empty() {
        lines.push(s.description.clone());
    }
    if !s.speakers.is_empty() {
        lines.push(format!("With: {}", s.speakers.join(", ")));
    }
    if !s.notes.is_empty() {
        lines.push(format!("Note: {}", s.notes));
    }
    lines.join("\n")
}
