//! A series of meetings ("the cluster meets on the 2nd Tuesday of each month at 15:00 Berlin
//! time"), its exceptions, and the meetings it gives.
//!
//! A series keeps its wall-clock time in its zone: the cluster manager meant 15:00 in Berlin in
//! January and in July alike. So its UTC instants move when Berlin's clocks change, and every
//! other city's local time moves when its clocks and Berlin's change on different dates;
//! [`series_warnings`](super::series_warnings) says where.
//!
//! Here: the series and its meetings; `dates`: the dates its rule gives and the exceptions
//! applied; `validate`: every field checked.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::record::{
    check_belongs, check_online_link, duration_out_of_range, BelongsTo, Meeting, MeetingKind,
    MeetingRefs, DURATION_MAX_MINUTES, TITLE_MAX, VENUE_MAX,
};
use super::wall_clock::{resolve, time_skipped, WallClock};
use super::warnings::{series_warnings, MeetingWarning};
use crate::checks::{in_list, optional_text, required_text, required_zone};
use crate::time::{zone_named, Weekday};
use crate::{parse_date, parse_time, CityZone, DomainError, Id, Record};

/// At most this many meetings in one series: five years of weekly meetings.
pub const OCCURRENCES_MAX: u32 = 260;

/// Which of a month's weekdays: the first to the fourth, or the last (a fifth is not in
/// every month, so it is not offered).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WeekOfMonth {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

fn one() -> u32 {
    1
}

/// How a series repeats. Serialised as `{"kind": "monthly", "every": 1, "week": "second",
/// "weekday": "tuesday"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SeriesRule {
    /// On `weekday` every `every` weeks.
    Weekly {
        #[serde(default = "one")]
        every: u32,
        weekday: Weekday,
    },
    /// On a month's `week`th `weekday` ("the 2nd Tuesday") every `every` months.
    Monthly {
        #[serde(default = "one")]
        every: u32,
        week: WeekOfMonth,
        weekday: Weekday,
    },
    /// On day `day` every `every` months; in a month without that day (the 31st in April),
    /// on its last day, which is what people mean by "the 31st of each month".
    MonthlyOnDay {
        #[serde(default = "one")]
        every: u32,
        day: u32,
    },
}

/// One meeting of a series moved to another day or time (wall clock in the series' zone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MovedOccurrence {
    /// `YYYY-MM-DD`: the date the rule gives, which names the meeting moved.
    pub date: String,
    /// `YYYY-MM-DD`.
    pub to_date: String,
    /// `HH:MM`.
    pub to_time: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingSeries {
    pub id: Id,
    pub title: String,
    pub kind: MeetingKind,
    pub belongs_to: BelongsTo,
    pub rule: SeriesRule,
    /// `HH:MM`, wall clock in `planned_zone`, kept across daylight-saving changes.
    pub time: String,
    /// IANA name.
    pub planned_zone: String,
    pub duration_minutes: u32,
    /// `YYYY-MM-DD`: the first day the rule may fall on.
    pub from: String,
    /// `YYYY-MM-DD`, inclusive; empty when the series ends after `count` meetings. With both,
    /// whichever comes first ends it.
    #[serde(default)]
    pub until: String,
    /// How many dates the rule gives, skipped ones included ("12 monthly meetings, none in
    /// August" is 11 meetings), as in iCalendar.
    #[serde(default)]
    pub count: Option<u32>,
    /// `YYYY-MM-DD` dates the rule gives on which there is no meeting.
    #[serde(default)]
    pub skipped: Vec<String>,
    #[serde(default)]
    pub moved: Vec<MovedOccurrence>,
    #[serde(default)]
    pub online_link: String,
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub sample: bool,
}

/// One meeting of a series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Occurrence {
    /// The date the rule gives (`YYYY-MM-DD`); it names the meeting in the exceptions.
    #[ts(type = "string")]
    pub date: NaiveDate,
    #[ts(type = "string")]
    pub start: DateTime<Utc>,
    /// Its date and time on the series' clock (after a move, the new ones).
    #[ts(type = "string")]
    pub local_date: NaiveDate,
    #[ts(type = "string")]
    pub local_time: NaiveTime,
    pub moved: bool,
}

impl Record for MeetingSeries {
    const COLLECTION: &'static str = "meeting_series";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        let mut terms = vec![("from", self.from.clone())];
        terms.extend(self.belongs_to.index_term());
        terms
    }
}

mod dates;
#[cfg(test)]
mod tests;
mod validate;

impl MeetingSeries {
    /// The meeting record for one of the series' meetings, to fill in with its agenda.
    pub fn meeting(&self, occurrence: &Occurrence, id: Id) -> Meeting {
        Meeting {
            id,
            title: self.title.clone(),
            kind: self.kind,
            belongs_to: self.belongs_to,
            start: occurrence.start,
            planned_zone: self.planned_zone.clone(),
            duration_minutes: self.duration_minutes,
            online_link: self.online_link.clone(),
            venue: self.venue.clone(),
            agenda: Vec::new(),
            attendees: Vec::new(),
            minutes: String::new(),
            decisions: Vec::new(),
            actions: Vec::new(),
            series: Some(self.id),
            occurrence: Some(occurrence.date.format("%Y-%m-%d").to_string()),
            sample: self.sample,
        }
    }

    /// Clock changes inside the series for these cities ([`series_warnings`]) and exceptions
    /// that no longer match a date of the rule (after the rule or its dates were changed).
    pub fn warnings(&self, cities: &[CityZone]) -> Vec<MeetingWarning> {
        let p = self.parsed();
        let mut out = Vec::new();
        if let Some(from) = p.from {
            let dates = self.rule_dates(from, p.until);
            // Indices of the lists as stored, so each warning lands on its row.
            let unused = |text: &str| {
                NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                    .ok()
                    .filter(|d| !dates.contains(d))
            };
            for (index, text) in self.skipped.iter().enumerate() {
                if let Some(d) = unused(text) {
                    out.push(unused_exception("skipped", index, d));
                }
            }
            for (index, m) in self.moved.iter().enumerate() {
                if let Some(d) = unused(&m.date) {
                    out.push(unused_exception("moved", index, d));
                }
            }
        }
        if let Some(zone) = p.zone {
            out.extend(series_warnings(zone, &self.occurrences(), cities));
        }
        out
    }
}

/// `list` is `skipped` or `moved`, which also reads as what was done to the date.
fn unused_exception(list: &str, index: usize, date: NaiveDate) -> MeetingWarning {
    let what = list;
    MeetingWarning {
        code: "exception_unused".into(),
        message: format!(
            "{} is {what} but the series has no meeting that day any more; remove it or change \
             its date.",
            date.format("%-d %b %Y")
        ),
        field: Some(format!("{list}.{index}")),
        cities: Vec::new(),
    }
}
