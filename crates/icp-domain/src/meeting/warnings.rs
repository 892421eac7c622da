//! What the planner and the cities should know about a meeting's time that does not stop a
//! save: a daylight-saving change before the meeting (today's difference between two cities is
//! not the meeting's), a change inside a series (one meeting is an hour earlier somewhere than
//! the one before), a wall-clock time that happens twice, an agenda longer than the meeting.
//!
//! The EU switches on the last Sundays of March and October, Canada on the second Sunday of
//! March and the first of November; Korea, Taiwan, Singapore, Hong Kong and South Africa do not
//! switch. So for a few weeks a year the differences people know are wrong.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::clock_changes::{dst_changes, offset_at, DstChange};
use super::record::Meeting;
use super::series::Occurrence;
use crate::text::and_list;
use crate::{CityZone, Id};

/// Something to look at that does not stop a save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingWarning {
    /// Stable: `clock_change`, `ambiguous_time`, `agenda_too_long`, `exception_unused`.
    pub code: String,
    pub message: String,
    /// The form field it is about, when it is about one (`time`, `end`, `agenda`).
    #[serde(default)]
    pub field: Option<String>,
    /// The cities whose local time it is about, so their rows can be marked.
    #[serde(default)]
    pub cities: Vec<Id>,
}

/// Warnings for one meeting seen at `now`: each clock change in any participating zone (or
/// the planner's) between now and the meeting, saying how the difference to the planner's
/// clock changes; and an agenda longer than the meeting.
pub fn meeting_warnings(
    now: DateTime<Utc>,
    meeting: &Meeting,
    cities: &[CityZone],
) -> Vec<MeetingWarning> {
    let mut out = Vec::new();
    let agenda: u32 = meeting.agenda.iter().map(|a| a.minutes).sum();
    if agenda > meeting.duration_minutes {
        out.push(MeetingWarning {
            code: "agenda_too_long".into(),
            message: format!(
                "The agenda takes {agenda} minutes; the meeting lasts {}.",
                meeting.duration_minutes
            ),
            field: Some("agenda".into()),
            cities: Vec::new(),
        });
    }
    let Some(planner) = meeting.zone() else {
        return out;
    };
    if meeting.start <= now {
        return out;
    }
    let planner_name = place_name(planner, cities);
    let changes = dst_changes(&zones_of(planner, cities), now, meeting.start);
    for group in same_instant(&changes) {
        let at = group[0].at;
        let just_before = at - Duration::seconds(1);
        let mut effects = Vec::new();
        let mut concerned = Vec::new();
        for (zone, members) in by_zone(cities) {
            if zone == planner {
                continue;
            }
            let before = minutes_between(zone, planner, just_before);
            let after = minutes_between(zone, planner, at);
            if before != after {
                let names: Vec<&str> = members.iter().map(|c| c.name.as_str()).collect();
                effects.push(format!(
                    "{} {} {} ({} until then)",
                    and_list(&names),
                    if names.len() == 1 { "is" } else { "are" },
                    difference(after, &planner_name),
                    difference_short(before)
                ));
                concerned.extend(members.iter().map(|c| c.id));
            }
        }
        let clause = capitalised(&clauses(&group, cities));
        let message = if effects.is_empty() {
            format!("{clause}, before this meeting; the differences between the cities' clocks stay the same.")
        } else {
            format!(
                "{clause}, before this meeting: from then on {}.",
                effects.join("; ")
            )
        };
        out.push(MeetingWarning {
            code: "clock_change".into(),
            message,
            field: None,
            cities: concerned,
        });
    }
    out
}

/// Warnings for a series whose meetings keep their wall-clock time in `planned_zone`: for each
/// gap between two meetings that holds a clock change in any participating zone, which cities
/// see the later meeting earlier or later than the one before. `occurrences` in time order, as
/// [`super::MeetingSeries::occurrences`] gives them.
pub fn series_warnings(
    planned_zone: Tz,
    occurrences: &[Occurrence],
    cities: &[CityZone],
) -> Vec<MeetingWarning> {
    let (Some(first), Some(last)) = (occurrences.first(), occurrences.last()) else {
        return Vec::new();
    };
    let changes = dst_changes(&zones_of(planned_zone, cities), first.start, last.start);
    let mut out = Vec::new();
    for pair in occurrences.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let inside: Vec<DstChange> = changes
            .iter()
            .filter(|c| a.start < c.at && c.at <= b.start)
            .copied()
            .collect();
        if inside.is_empty() {
            continue;
        }
        let changed: Vec<Tz> = inside.iter().map(|c| c.zone).collect();
        // Shift of each zone's clock against the planner's between the two meetings: the
        // series keeps the planner's wall clock, so that is how far the meeting moves there.
        let mut shifts: Vec<(i32, Vec<&CityZone>)> = Vec::new();
        let mut kept: Vec<&str> = Vec::new();
        for (zone, members) in by_zone(cities) {
            let shift = minutes_between(zone, planned_zone, b.start)
                - minutes_between(zone, planned_zone, a.start);
            if shift == 0 {
                if changed.contains(&zone) {
                    kept.extend(members.iter().map(|c| c.name.as_str()));
                }
            } else {
                match shifts.iter_mut().find(|(s, _)| *s == shift) {
                    Some((_, list)) => list.extend(members),
                    None => shifts.push((shift, members)),
                }
            }
        }
        let moved: Vec<Id> = shifts
            .iter()
            .flat_map(|(_, list)| list.iter().map(|c| c.id))
            .collect();
        // "there" when exactly the cities whose clocks changed see the meeting move.
        let only_changed = {
            let mut a = moved.clone();
            let mut b: Vec<Id> = cities
                .iter()
                .filter(|c| changed.contains(&c.zone))
                .map(|c| c.id)
                .collect();
            a.sort();
            b.sort();
            a == b
        };
        let effect = match shifts.as_slice() {
            [] => "the meeting keeps its time in every city".to_string(),
            [(shift, _)] if kept.is_empty() && only_changed => {
                format!("that meeting is {} there", later_or_earlier(*shift))
            }
            _ => {
                let parts: Vec<String> = shifts
                    .iter()
                    .map(|(shift, list)| {
                        let names: Vec<&str> = list.iter().map(|c| c.name.as_str()).collect();
                        format!("{} in {}", later_or_earlier(*shift), and_list(&names))
                    })
                    .collect();
                let mut text = format!("that meeting is {}", parts.join(", and "));
                if !kept.is_empty() {
                    text.push_str(&format!("; it keeps its time in {}", and_list(&kept)));
                }
                text
            }
        };
        let (da, db) = (
            a.start.with_timezone(&planned_zone).date_naive(),
            b.start.with_timezone(&planned_zone).date_naive(),
        );
        let groups: Vec<Vec<DstChange>> = same_instant(&inside);
        let clause_list: Vec<String> = groups.iter().map(|g| clauses(g, cities)).collect();
        out.push(MeetingWarning {
            code: "clock_change".into(),
            message: format!(
                "{}, between the meetings of {}: {effect}.",
                capitalised(&and_list(&clause_list)),
                between(da, db),
            ),
            field: None,
            cities: moved,
        });
    }
    out
}

/// The planner's zone first, then each city's, once each.
fn zones_of(planner: Tz, cities: &[CityZone]) -> Vec<Tz> {
    let mut zones = vec![planner];
    for c in cities {
        if !zones.contains(&c.zone) {
            zones.push(c.zone);
        }
    }
    zones
}

/// The cities grouped by zone, zones in the order their first city comes.
fn by_zone(cities: &[CityZone]) -> Vec<(Tz, Vec<&CityZone>)> {
    let mut out: Vec<(Tz, Vec<&CityZone>)> = Vec::new();
    for c in cities {
        match out.iter_mut().find(|(z, _)| *z == c.zone) {
            Some((_, list)) => list.push(c),
            None => out.push((c.zone, vec![c])),
        }
    }
    out
}

/// Changes that happen at the same instant by the same amount (the whole EU at 01:00 UTC), so
/// one sentence names all their cities.
fn same_instant(changes: &[DstChange]) -> Vec<Vec<DstChange>> {
    let mut out: Vec<Vec<DstChange>> = Vec::new();
    for c in changes {
        match out.iter_mut().find(|g| {
            g[0].at == c.at
                && g[0].offset_before == c.offset_before
                && g[0].offset_after == c.offset_after
        }) {
            Some(g) => g.push(*c),
            None => out.push(vec![*c]),
        }
    }
    out
}

/// "clocks in Vancouver go back on 6 Nov 2022" for one group of same-instant changes.
fn clauses(group: &[DstChange], cities: &[CityZone]) -> String {
    let mut names: Vec<String> = Vec::new();
    for change in group {
        let in_zone: Vec<String> = cities
            .iter()
            .filter(|c| c.zone == change.zone)
            .map(|c| c.name.clone())
            .collect();
        if in_zone.is_empty() {
            names.push(place_name(change.zone, cities));
        } else {
            names.extend(in_zone);
        }
    }
    let shift = group[0].shift_minutes();
    let way = if shift > 0 { "forward" } else { "back" };
    let by = if shift.abs() == 60 {
        String::new()
    } else {
        format!(" {}", amount(shift))
    };
    format!(
        "clocks in {} go {way}{by} on {}",
        and_list(&names),
        group[0].local_date().format("%-d %b %Y")
    )
}

/// How messages name a zone: the first participating city in it, else the place in its IANA
/// name ("America/St_Johns" → "St Johns"), which is how people know zones anyway.
fn place_name(zone: Tz, cities: &[CityZone]) -> String {
    cities
        .iter()
        .find(|c| c.zone == zone)
        .map(|c| c.name.clone())
        .unwrap_or_else(|| {
            let name = zone.name();
            name.rsplit('/').next().unwrap_or(name).replace('_', " ")
        })
}

/// Minutes `zone`'s clock is ahead of `planner`'s at `t` (negative: behind).
fn minutes_between(zone: Tz, planner: Tz, t: DateTime<Utc>) -> i32 {
    (offset_at(zone, t).local_minus_utc() - offset_at(planner, t).local_minus_utc()) / 60
}

/// "an hour", "half an hour", "8 hours", "5 hours 30 minutes" (sign ignored).
fn amount(minutes: i32) -> String {
    let m = minutes.unsigned_abs();
    match (m / 60, m % 60) {
        (1, 0) => "an hour".into(),
        (0, 30) => "half an hour".into(),
        (0, 1) => "a minute".into(),
        (0, min) => format!("{min} minutes"),
        (h, 0) => format!("{h} hours"),
        (1, min) => format!("1 hour {min} minutes"),
        (h, min) => format!("{h} hours {min} minutes"),
    }
}

fn difference(minutes: i32, planner: &str) -> String {
    match minutes {
        0 => format!("on {planner}'s time"),
        m if m > 0 => format!("{} ahead of {planner}", amount(m)),
        m => format!("{} behind {planner}", amount(m)),
    }
}

fn difference_short(minutes: i32) -> String {
    match minutes {
        0 => "on the same time".into(),
        m if m > 0 => format!("{} ahead", amount(m)),
        m => format!("{} behind", amount(m)),
    }
}

fn later_or_earlier(shift: i32) -> String {
    format!(
        "{} {}",
        amount(shift),
        if shift > 0 { "later" } else { "earlier" }
    )
}

/// "1 Nov and 8 Nov"; with the years when they differ.
fn between(a: NaiveDate, b: NaiveDate) -> String {
    use chrono::Datelike;
    let f = if a.year() == b.year() {
        "%-d %b"
    } else {
        "%-d %b %Y"
    };
    format!("{} and {}", a.format(f), b.format(f))
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::record::tests::meeting;
    use crate::meeting::test_support::{four_cities, utc};

    #[test]
    fn a_change_between_now_and_the_meeting_says_how_the_difference_moves() {
        // Planned on 1 March for Monday 21 March, 15:00 Berlin: Vancouver switches on 13 March,
        // Berlin only on 27 March, after the meeting.
        let m = meeting();
        let w = meeting_warnings(utc(2022, 3, 1, 9, 0), &m, &four_cities());
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].code, "clock_change");
        assert_eq!(
            w[0].message,
            "Clocks in Vancouver go forward on 13 Mar 2022, before this meeting: from then on \
             Vancouver is 8 hours behind Berlin (9 hours behind until then)."
        );
        assert_eq!(w[0].cities, [four_cities()[1].id]);

        // For a meeting on 4 April both switches fall in between; Berlin's moves every other
        // city against it, Seoul and Johannesburg included though their clocks stay.
        let april = Meeting {
            start: utc(2022, 4, 4, 13, 0),
            ..meeting()
        };
        let w = meeting_warnings(utc(2022, 3, 1, 9, 0), &april, &four_cities());
        let messages: Vec<&str> = w.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "Clocks in Vancouver go forward on 13 Mar 2022, before this meeting: from then \
                 on Vancouver is 8 hours behind Berlin (9 hours behind until then).",
                "Clocks in Berlin go forward on 27 Mar 2022, before this meeting: from then on \
                 Vancouver is 9 hours behind Berlin (8 hours behind until then); Seoul is 7 \
                 hours ahead of Berlin (8 hours ahead until then); Johannesburg is on Berlin's \
                 time (an hour ahead until then).",
            ]
        );
        // Seen after the meeting, or with nothing in between, there is nothing to say.
        assert!(meeting_warnings(utc(2022, 4, 5, 0, 0), &april, &four_cities()).is_empty());
        assert!(meeting_warnings(utc(2022, 3, 14, 0, 0), &m, &four_cities()).is_empty());
    }

    #[test]
    fn an_agenda_longer_than_the_meeting_is_warned() {
        let mut m = meeting();
        m.duration_minutes = 30;
        let w = meeting_warnings(utc(2022, 3, 20, 0, 0), &m, &four_cities());
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].code, "agenda_too_long");
        assert_eq!(
            w[0].message,
            "The agenda takes 40 minutes; the meeting lasts 30."
        );
    }

    #[test]
    fn zones_are_named_by_their_city_or_their_place() {
        let cities = [CityZone::new(
            Id::from_parts(1, 1),
            "eThekwini (Durban)",
            chrono_tz::Africa::Johannesburg,
        )];
        assert_eq!(
            place_name(chrono_tz::Africa::Johannesburg, &cities),
            "eThekwini (Durban)"
        );
        assert_eq!(
            place_name(chrono_tz::America::St_Johns, &cities),
            "St Johns"
        );
    }

    #[test]
    fn amounts_read_as_people_say_them() {
        assert_eq!(amount(-60), "an hour");
        assert_eq!(amount(30), "half an hour");
        assert_eq!(amount(480), "8 hours");
        assert_eq!(amount(-570), "9 hours 30 minutes");
        assert_eq!(amount(90), "1 hour 30 minutes");
        assert_eq!(difference(0, "Berlin"), "on Berlin's time");
        assert_eq!(capitalised("clocks"), "Clocks");
    }
}
