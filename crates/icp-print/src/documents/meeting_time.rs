//! How the meeting documents write a meeting's time: on the planner's clock with the zone's
//! name, and on each participating city's clock with the day marked when it is not the
//! planner's. The minutes and the calendar say it the same way.

use chrono::{DateTime, Offset, Utc};
use chrono_tz::{OffsetName, Tz};
use icp_domain::meeting::LocalTime;

/// What the zone's clocks are called at `t` ("CET", "KST"), or its offset from UTC
/// ("UTC+05:30") when the zone has only a number.
fn abbreviation(t: DateTime<Tz>) -> String {
    let offset = t.offset();
    match offset.abbreviation() {
        Some(a) if !a.starts_with(['+', '-']) => a.to_string(),
        _ => utc_offset(offset.fix().local_minus_utc() / 60),
    }
}

/// "UTC+05:30", "UTC−03:30", "UTC".
fn utc_offset(minutes: i32) -> String {
    if minutes == 0 {
        return "UTC".into();
    }
    let sign = if minutes > 0 { '+' } else { '−' };
    let m = minutes.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

/// "CET, Europe/Berlin"; just "UTC" for UTC.
fn zone_words(abbreviation: &str, zone: &str) -> String {
    if abbreviation == zone || zone.is_empty() {
        abbreviation.to_string()
    } else {
        format!("{abbreviation}, {zone}")
    }
}

/// The meeting on the planner's clock: "Monday 21 March 2022, 15:00–16:30 (CET, Europe/Berlin)";
/// a meeting that ends on the next day names both days.
pub(crate) fn planner_when(start: DateTime<Utc>, end: DateTime<Utc>, zone: Tz) -> String {
    let s = start.with_timezone(&zone);
    let e = end.with_timezone(&zone);
    let zone_text = zone_words(&abbreviation(s), zone.name());
    if s.date_naive() == e.date_naive() {
        format!(
            "{}, {}–{} ({zone_text})",
            s.format("%A %-d %B %Y"),
            s.format("%H:%M"),
            e.format("%H:%M")
        )
    } else {
        format!(
            "{}, {} – {}, {} ({zone_text})",
            s.format("%A %-d %B %Y"),
            s.format("%H:%M"),
            e.format("%A %-d %B %Y"),
            e.format("%H:%M")
        )
    }
}

/// " (+1)" or " (−1)" when the local date is not the planner's; nothing otherwise.
pub(crate) fn day_mark(offset: i64) -> String {
    match offset {
        0 => String::new(),
        n if n > 0 => format!(" (+{n})"),
        n => format!(" (−{})", -n),
    }
}

/// A city's local time of the meeting: "Tue 22 Mar, 23:00–00:30 (+1)".
pub(crate) fn local_range(t: &LocalTime) -> String {
    format!(
        "{}, {}–{}{}",
        t.start.format("%a %-d %b"),
        t.start.format("%H:%M"),
        t.end.format("%H:%M"),
        day_mark(t.day_offset)
    )
}

/// A city's local start only: "Tue 22 Mar, 08:30 KST (+1)".
pub(crate) fn local_start(t: &LocalTime) -> String {
    format!(
        "{}, {} {}{}",
        t.start.format("%a %-d %b"),
        t.start.format("%H:%M"),
        local_abbreviation(t),
        day_mark(t.day_offset)
    )
}

/// The zone's abbreviation then, or its offset when it has none.
fn local_abbreviation(t: &LocalTime) -> String {
    if t.abbreviation.is_empty() {
        utc_offset(t.utc_offset_minutes)
    } else {
        t.abbreviation.clone()
    }
}

/// A city's zone: "KST, Asia/Seoul".
pub(crate) fn local_zone(t: &LocalTime) -> String {
    zone_words(&local_abbreviation(t), &t.zone)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::{America, Asia, Europe};

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn the_planners_clock_is_named_with_its_zone() {
        assert_eq!(
            planner_when(
                utc(2022, 3, 21, 14, 0),
                utc(2022, 3, 21, 15, 30),
                Europe::Berlin
            ),
            "Monday 21 March 2022, 15:00–16:30 (CET, Europe/Berlin)"
        );
        assert_eq!(
            planner_when(
                utc(2022, 3, 21, 22, 30),
                utc(2022, 3, 22, 0, 30),
                chrono_tz::UTC
            ),
            "Monday 21 March 2022, 22:30 – Tuesday 22 March 2022, 00:30 (UTC)"
        );
        // St John's has a name for its clock; Kolkata's is written as a number by chrono-tz
        // in some versions, so only the shape is checked there.
        assert!(planner_when(
            utc(2022, 7, 1, 12, 0),
            utc(2022, 7, 1, 13, 0),
            America::St_Johns
        )
        .ends_with("(NDT, America/St_Johns)"));
        assert!(planner_when(
            utc(2022, 7, 1, 12, 0),
            utc(2022, 7, 1, 13, 0),
            Asia::Kolkata
        )
        .contains("17:30–18:30 ("));
    }

    #[test]
    fn offsets_without_a_name_are_written_as_numbers() {
        assert_eq!(utc_offset(330), "UTC+05:30");
        assert_eq!(utc_offset(-210), "UTC−03:30");
        assert_eq!(utc_offset(0), "UTC");
        assert_eq!(day_mark(1), " (+1)");
        assert_eq!(day_mark(-1), " (−1)");
        assert_eq!(day_mark(0), "");
    }
}
