//! How one candidate slot sits in one city's working day: inside, early, late or on a day off,
//! how far outside, and the same in words.

use chrono::{DateTime, Timelike};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::query::SlotCity;
use crate::time::Weekday;
use crate::Id;

/// What a meeting on a city's day off weighs against minutes outside its working hours: 12
/// hours, more than a meeting of a few hours can be before 08:00 or after 19:00 on a working
/// day, so the ranking prefers even a working day's small hours to taking a day off. It does
/// not grow with the hour: a Saturday morning is no less a day off than a Saturday night.
pub const OFF_DAY_MINUTES: i64 = 12 * 60;

const DAY: i64 = 86_400;

/// Where a slot falls in a city's working week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    /// The whole meeting lies inside working hours on a working day.
    Inside,
    /// It starts before the working day does (the larger part of it outside, for a meeting
    /// longer than the working day).
    Early,
    /// It ends after the working day does.
    Late,
    /// The local date it starts on is not a working day.
    OffDay,
}

/// One city's view of a ranked slot, with the reason in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CityFit {
    pub city: Id,
    pub name: String,
    /// `YYYY-MM-DD`, the local date the meeting starts on.
    pub local_date: String,
    pub day: Weekday,
    /// `HH:MM`, local.
    pub local_start: String,
    pub local_end: String,
    pub fit: Fit,
    /// How far the meeting lies outside working hours, in minutes: 0 inside, the minutes before
    /// the start plus the minutes after the end of the working day, [`OFF_DAY_MINUTES`] on a
    /// day off. This is the inconvenience the ranking adds up.
    #[ts(type = "number")]
    pub minutes_outside: i64,
    /// e.g. "Vancouver Mon 07:00–08:00, 1 h early".
    pub why: String,
}

/// A city's working week in the seconds the finder computes with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hours {
    /// Seconds after local midnight.
    start: i64,
    end: i64,
    /// Bit `i` for the `i`-th day of [`Weekday::ALL`].
    days: u8,
}

impl Hours {
    pub(crate) fn of(city: &SlotCity) -> Hours {
        Hours {
            start: i64::from(city.work_start.num_seconds_from_midnight()),
            end: i64::from(city.work_end.num_seconds_from_midnight()),
            days: city
                .working_days
                .iter()
                .fold(0, |bits, d| bits | 1 << d.index()),
        }
    }
}

/// A slot against a city's hours, before any words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Assessment {
    pub fit: Fit,
    /// Minutes before the working day's start and after its end (0 when not so).
    pub early: i64,
    pub late: i64,
}

impl Assessment {
    pub(crate) fn minutes_outside(&self) -> i64 {
        match self.fit {
            Fit::OffDay => OFF_DAY_MINUTES,
            _ => self.early + self.late,
        }
    }
}

/// The day of the week of a local clock reading in Unix seconds (1 January 1970 was a
/// Thursday, index 3).
fn weekday(local: i64) -> usize {
    (local.div_euclid(DAY) + 3).rem_euclid(7) as usize
}

/// Whole minutes, rounded up: a meeting 30 seconds early is a minute early, never "0 min".
fn minutes(seconds: i64) -> i64 {
    (seconds.max(0) + 59) / 60
}

/// The meeting from `local_start` to `local_end` (local clock readings, Unix seconds) against a
/// city's week. The working day is the one of the local date the meeting starts on: a meeting
/// that runs past local midnight is late by everything after the working day's end.
pub(crate) fn assess(hours: &Hours, local_start: i64, local_end: i64) -> Assessment {
    let midnight = local_start.div_euclid(DAY) * DAY;
    let early = minutes(midnight + hours.start - local_start);
    let late = minutes(local_end - (midnight + hours.end));
    let fit = if hours.days & (1 << weekday(local_start)) == 0 {
        Fit::OffDay
    } else if early == 0 && late == 0 {
        Fit::Inside
    } else if early >= late {
        Fit::Early
    } else {
        Fit::Late
    };
    Assessment { fit, early, late }
}

/// "1 h", "30 min", "1 h 15 min".
pub(crate) fn duration_words(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// How far outside, in a few words: "1 h early", "30 min early and 1 h late", "day off";
/// "inside" when it is not.
pub(crate) fn outside_words(a: &Assessment) -> String {
    match a.fit {
        Fit::Inside => "inside".to_string(),
        Fit::OffDay => "day off".to_string(),
        Fit::Early | Fit::Late => {
            let mut parts = Vec::new();
            if a.early > 0 {
                parts.push(format!("{} early", duration_words(a.early)));
            }
            if a.late > 0 {
                parts.push(format!("{} late", duration_words(a.late)));
            }
            parts.join(" and ")
        }
    }
}

/// The city's view of the meeting (`a`, its assessment), with its reason in words.
pub(crate) fn describe(
    city: &SlotCity,
    a: &Assessment,
    local_start: i64,
    local_end: i64,
) -> CityFit {
    let clock = |t: i64| {
        DateTime::from_timestamp(t, 0)
            .expect("a local time")
            .naive_utc()
    };
    let (start, end) = (clock(local_start), clock(local_end));
    let day = Weekday::ALL[weekday(local_start)];
    let end_text = if end.date() == start.date() {
        end.format("%H:%M").to_string()
    } else {
        // Past midnight: say which day it ends on.
        format!(
            "{} {}",
            Weekday::ALL[weekday(local_end)].short(),
            end.format("%H:%M")
        )
    };
    let when = format!(
        "{} {} {}–{}",
        city.city.name,
        day.short(),
        start.format("%H:%M"),
        end_text
    );
    let how = match a.fit {
        Fit::Inside => "inside working hours".to_string(),
        Fit::OffDay => format!("not a working day ({})", day.label()),
        // Early and late are against the city's own day when it has one: say which.
        Fit::Early | Fit::Late if city.has_own_hours() => format!(
            "{} (works {}–{})",
            outside_words(a),
            city.work_start.format("%H:%M"),
            city.work_end.format("%H:%M")
        ),
        Fit::Early | Fit::Late => outside_words(a),
    };
    CityFit {
        city: city.city.id,
        name: city.city.name.clone(),
        local_date: start.format("%Y-%m-%d").to_string(),
        day,
        local_start: start.format("%H:%M").to_string(),
        local_end: end.format("%H:%M").to_string(),
        fit: a.fit,
        minutes_outside: a.minutes_outside(),
        why: format!("{when}, {how}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, NaiveTime};

    fn local(d: u32, h: u32, m: u32) -> i64 {
        // March 2022: the 14th is a Monday, the 19th a Saturday.
        NaiveDate::from_ymd_opt(2022, 3, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
            .and_utc()
            .timestamp()
    }

    fn describe(c: &SlotCity, start: i64, end: i64) -> CityFit {
        super::describe(c, &assess(&Hours::of(c), start, end), start, end)
    }

    fn city() -> SlotCity {
        SlotCity::new(
            Id::from_parts(1, 1),
            "Vancouver",
            chrono_tz::America::Vancouver,
        )
    }

    #[test]
    fn inside_early_late_and_day_off_in_words() {
        let c = city();
        let f = describe(&c, local(14, 8, 0), local(14, 9, 0));
        assert_eq!((f.fit, f.minutes_outside), (Fit::Inside, 0));
        assert_eq!(f.why, "Vancouver Mon 08:00–09:00, inside working hours");
        let f = describe(&c, local(14, 7, 0), local(14, 8, 0));
        assert_eq!((f.fit, f.minutes_outside), (Fit::Early, 60));
        assert_eq!(f.why, "Vancouver Mon 07:00–08:00, 1 h early");
        let f = describe(&c, local(14, 18, 30), local(14, 20, 15));
        assert_eq!((f.fit, f.minutes_outside), (Fit::Late, 75));
        assert_eq!(f.why, "Vancouver Mon 18:30–20:15, 1 h 15 min late");
        let f = describe(&c, local(14, 23, 30), local(15, 0, 30));
        assert_eq!((f.fit, f.minutes_outside), (Fit::Late, 330));
        assert_eq!(f.why, "Vancouver Mon 23:30–Tue 00:30, 5 h 30 min late");
        let f = describe(&c, local(19, 10, 0), local(19, 11, 0));
        assert_eq!((f.fit, f.minutes_outside), (Fit::OffDay, OFF_DAY_MINUTES));
        assert_eq!(f.day, Weekday::Saturday);
        assert_eq!(
            f.why,
            "Vancouver Sat 10:00–11:00, not a working day (Saturday)"
        );
        // Longer than the working day: both sides count, the larger names it.
        let f = describe(&c, local(15, 7, 30), local(15, 20, 0));
        assert_eq!((f.fit, f.minutes_outside), (Fit::Late, 90));
        assert_eq!(
            f.why,
            "Vancouver Tue 07:30–20:00, 30 min early and 1 h late"
        );
    }

    #[test]
    fn own_hours_are_said_with_the_reason() {
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        let c = city().with_hours(t(9), t(17));
        let f = describe(&c, local(14, 8, 30), local(14, 9, 30));
        assert_eq!(
            f.why,
            "Vancouver Mon 08:30–09:30, 30 min early (works 09:00–17:00)"
        );
    }
}
