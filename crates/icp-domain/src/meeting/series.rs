//! A series of meetings ("the cluster meets on the 2nd Tuesday of each month at 15:00 Berlin
//! time"), its exceptions, and the meetings it gives.
//!
//! A series keeps its wall-clock time in its zone: the cluster manager meant 15:00 in Berlin in
//! January and in July alike. So its UTC instants move when Berlin's clocks change, and every
//! other city's local time moves when its clocks and Berlin's change on different dates;
//! [`series_warnings`](super::series_warnings) says where.

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

/// The series' fields read as values; `None` where a field does not read.
struct Parsed {
    zone: Option<Tz>,
    time: Option<NaiveTime>,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    skipped: Vec<NaiveDate>,
    /// Rule date → new local date and time.
    moved: BTreeMap<NaiveDate, (NaiveDate, NaiveTime)>,
}

impl MeetingSeries {
    fn parsed(&self) -> Parsed {
        let date = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        let time = |s: &str| NaiveTime::parse_from_str(s.trim(), "%H:%M").ok();
        Parsed {
            zone: zone_named(&self.planned_zone),
            time: time(&self.time),
            from: date(&self.from),
            until: date(&self.until),
            skipped: self.skipped.iter().filter_map(|s| date(s)).collect(),
            moved: self
                .moved
                .iter()
                .filter_map(|m| Some((date(&m.date)?, (date(&m.to_date)?, time(&m.to_time)?))))
                .collect(),
        }
    }

    /// The dates the rule gives, before exceptions; one more than [`OCCURRENCES_MAX`] at most,
    /// so a caller can tell that the series is too long.
    fn rule_dates(&self, from: NaiveDate, until: Option<NaiveDate>) -> Vec<NaiveDate> {
        let limit = self
            .count
            .unwrap_or(OCCURRENCES_MAX + 1)
            .min(OCCURRENCES_MAX + 1) as usize;
        if until.is_none() && self.count.is_none() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut push = |d: NaiveDate| {
            if until.is_some_and(|u| d > u) || out.len() >= limit {
                return false;
            }
            if d >= from {
                out.push(d);
            }
            true
        };
        match self.rule {
            SeriesRule::Weekly { every, weekday } => {
                let ahead = (7 + weekday.chrono().num_days_from_monday()
                    - from.weekday().num_days_from_monday())
                    % 7;
                let step = Duration::weeks(i64::from(every.max(1)));
                let mut d = from.checked_add_signed(Duration::days(ahead.into()));
                while let Some(day) = d {
                    if !push(day) {
                        break;
                    }
                    d = day.checked_add_signed(step);
                }
            }
            SeriesRule::Monthly { every, .. } | SeriesRule::MonthlyOnDay { every, .. } => {
                let every = every.max(1) as i32;
                let mut month = from.year() * 12 + from.month0() as i32;
                // Each month gives one date at most; the first may fall before `from`.
                for _ in 0..=(OCCURRENCES_MAX + 1) {
                    let Some(day) = self.day_in_month(month.div_euclid(12), month.rem_euclid(12))
                    else {
                        break;
                    };
                    if !push(day) {
                        break;
                    }
                    month += every;
                }
            }
        }
        out
    }

    /// The rule's date in a month (`month0` from 0), for the monthly rules.
    fn day_in_month(&self, year: i32, month0: i32) -> Option<NaiveDate> {
        let first = NaiveDate::from_ymd_opt(year, month0 as u32 + 1, 1)?;
        let last = first
            .checked_add_months(chrono::Months::new(1))?
            .pred_opt()?;
        match self.rule {
            SeriesRule::Weekly { .. } => None,
            SeriesRule::MonthlyOnDay { day, .. } => {
                NaiveDate::from_ymd_opt(year, first.month(), day.clamp(1, last.day()))
            }
            SeriesRule::Monthly { week, weekday, .. } => {
                let wd = weekday.chrono();
                match week {
                    WeekOfMonth::Last => {
                        let back = (7 + last.weekday().num_days_from_monday()
                            - wd.num_days_from_monday())
                            % 7;
                        last.checked_sub_signed(Duration::days(back.into()))
                    }
                    n => {
                        let nth = match n {
                            WeekOfMonth::First => 1,
                            WeekOfMonth::Second => 2,
                            WeekOfMonth::Third => 3,
                            _ => 4,
                        };
                        NaiveDate::from_weekday_of_month_opt(year, first.month(), wd, nth)
                    }
                }
            }
        }
    }

    /// The series' meetings in time order, exceptions applied: a skipped date gives none, a
    /// moved one gives its new date and time. Each wall-clock time is read in the series' zone:
    /// one the clocks go back over is taken the first time it happens, one they jump over is
    /// read with the offset before the jump (02:30 becomes 03:30), as iCalendar does. A series
    /// that does not validate gives what can be read of it, possibly nothing.
    pub fn occurrences(&self) -> Vec<Occurrence> {
        let p = self.parsed();
        let (Some(zone), Some(time), Some(from)) = (p.zone, p.time, p.from) else {
            return Vec::new();
        };
        let mut out: Vec<Occurrence> = self
            .rule_dates(from, p.until)
            .into_iter()
            .take(OCCURRENCES_MAX as usize)
            .filter(|d| !p.skipped.contains(d))
            .map(|date| {
                let (on, at, moved) = match p.moved.get(&date) {
                    Some(&(on, at)) => (on, at, true),
                    None => (date, time, false),
                };
                let start = resolve(zone, on.and_time(at)).earliest();
                let local = start.with_timezone(&zone);
                Occurrence {
                    date,
                    start,
                    local_date: local.date_naive(),
                    local_time: local.time(),
                    moved,
                }
            })
            .collect();
        out.sort_by_key(|o| (o.start, o.date));
        out
    }

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

    /// Checks every field and returns the series tidied (times `HH:MM`, dates `YYYY-MM-DD`,
    /// skipped dates sorted and once each); every problem has its field (`rule.every`,
    /// `moved.1.to_time`, `skipped.0.date`).
    pub fn validate(&self, refs: &impl MeetingRefs) -> Result<MeetingSeries, DomainError> {
        let mut problems = Vec::new();
        let title = required_text(&self.title, "title", "Title", TITLE_MAX, &mut problems);
        check_belongs(self.kind, self.belongs_to, refs, &mut problems);
        match self.rule {
            SeriesRule::Weekly { every, .. } if !(1..=52).contains(&every) => {
                problems.push(DomainError::OutOfRange {
                    field: "rule.every",
                    label: "Every how many weeks",
                    min: 1,
                    max: 52,
                })
            }
            SeriesRule::Monthly { every, .. } | SeriesRule::MonthlyOnDay { every, .. }
                if !(1..=12).contains(&every) =>
            {
                problems.push(DomainError::OutOfRange {
                    field: "rule.every",
                    label: "Every how many months",
                    min: 1,
                    max: 12,
                })
            }
            _ => {}
        }
        if let SeriesRule::MonthlyOnDay { day, .. } = self.rule {
            if !(1..=31).contains(&day) {
                problems.push(DomainError::OutOfRange {
                    field: "rule.day",
                    label: "Day of the month",
                    min: 1,
                    max: 31,
                });
            }
        }
        let time = parse_time(&self.time, "time", "Time")
            .map_err(|e| problems.push(e))
            .ok();
        let zone = required_zone(&self.planned_zone, "planned_zone", &mut problems);
        if !(1..=DURATION_MAX_MINUTES).contains(&self.duration_minutes) {
            problems.push(duration_out_of_range("duration_minutes"));
        }
        let from = parse_date(&self.from, "from", "First day")
            .map_err(|e| problems.push(e))
            .ok();
        let until = match self.until.trim() {
            "" => None,
            text => parse_date(text, "until", "Last day")
                .map_err(|e| problems.push(e))
                .ok(),
        };
        if let (Some(from), Some(until)) = (from, until) {
            if until < from {
                problems.push(DomainError::EndBeforeStart { field: "until" });
            }
        }
        let too_many = |field| DomainError::OutOfRange {
            field,
            label: "The number of meetings in the series",
            min: 1,
            max: OCCURRENCES_MAX,
        };
        match self.count {
            Some(c) if !(1..=OCCURRENCES_MAX).contains(&c) => problems.push(too_many("count")),
            None if self.until.trim().is_empty() => problems.push(DomainError::Required {
                field: "until",
                label: "A last day or a number of meetings",
            }),
            _ => {}
        }
        if let (Some(from), Some(until), None) = (from, until, self.count) {
            let n = self.rule_dates(from, Some(until)).len();
            if until >= from && (n == 0 || n > OCCURRENCES_MAX as usize) {
                problems.push(too_many("until"));
            }
        }

        let mut skipped: Vec<NaiveDate> = Vec::new();
        for (index, text) in self.skipped.iter().enumerate() {
            match parse_date(text, "date", "Skipped date") {
                Ok(d) if !skipped.contains(&d) => skipped.push(d),
                Ok(_) => {}
                Err(e) => problems.push(in_list("skipped", "Skipped meeting", index)(e)),
            }
        }
        skipped.sort();
        let mut moved = Vec::with_capacity(self.moved.len());
        let mut moved_dates: Vec<NaiveDate> = Vec::new();
        for (index, m) in self.moved.iter().enumerate() {
            let mut own = Vec::new();
            let date = parse_date(&m.date, "date", "Date")
                .map_err(|e| own.push(e))
                .ok();
            if let Some(d) = date {
                if moved_dates.contains(&d) || skipped.contains(&d) {
                    own.push(DomainError::Duplicate {
                        field: "date",
                        what: "change for this meeting",
                    });
                }
                moved_dates.push(d);
            }
            let to_date = parse_date(&m.to_date, "to_date", "New date")
                .map_err(|e| own.push(e))
                .ok();
            let to_time = parse_time(&m.to_time, "to_time", "New time")
                .map_err(|e| own.push(e))
                .ok();
            if let (Some(z), Some(d), Some(t)) = (zone, to_date, to_time) {
                let local = d.and_time(t);
                if let WallClock::Skipped { from, to, .. } = resolve(z, local) {
                    own.push(time_skipped("to_time", z, local, from, to));
                }
            }
            if own.is_empty() {
                moved.push(MovedOccurrence {
                    date: date.expect("checked").format("%Y-%m-%d").to_string(),
                    to_date: to_date.expect("checked").format("%Y-%m-%d").to_string(),
                    to_time: to_time.expect("checked").format("%H:%M").to_string(),
                });
            }
            problems.extend(
                own.into_iter()
                    .map(in_list("moved", "Moved meeting", index)),
            );
        }
        let online_link = check_online_link(&self.online_link, &mut problems);
        let venue = optional_text(&self.venue, "venue", "Venue", VENUE_MAX, &mut problems);

        DomainError::collect(problems)?;
        Ok(MeetingSeries {
            title,
            time: time.expect("checked").format("%H:%M").to_string(),
            planned_zone: self.planned_zone.trim().to_string(),
            from: from.expect("checked").format("%Y-%m-%d").to_string(),
            until: until
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            skipped: skipped
                .iter()
                .map(|d| d.format("%Y-%m-%d").to_string())
                .collect(),
            moved,
            online_link,
            venue,
            ..self.clone()
        })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::record::tests::{cluster, Refs};
    use crate::meeting::test_support::{date, four_cities, utc, PROGRAMME_ZONES};
    use chrono::Timelike;
    use proptest::prelude::*;

    fn series(rule: SeriesRule) -> MeetingSeries {
        MeetingSeries {
            id: Id::from_parts(5, 1),
            title: "Circular economy cluster".into(),
            kind: MeetingKind::ClusterMeeting,
            belongs_to: BelongsTo::Cluster(cluster()),
            rule,
            time: "15:00".into(),
            planned_zone: "Europe/Berlin".into(),
            duration_minutes: 90,
            from: "2022-01-01".into(),
            until: "2022-12-31".into(),
            count: None,
            skipped: vec![],
            moved: vec![],
            online_link: "https://meet.jit.si/icp-agir-circular".into(),
            venue: String::new(),
            sample: false,
        }
    }

    fn messages(w: &[MeetingWarning]) -> Vec<&str> {
        w.iter().map(|w| w.message.as_str()).collect()
    }

    #[test]
    fn a_monthly_series_keeps_15_00_in_berlin_across_both_switches() {
        let s = series(SeriesRule::MonthlyOnDay { every: 1, day: 15 })
            .validate(&Refs)
            .unwrap();
        let o = s.occurrences();
        assert_eq!(o.len(), 12);
        assert!(o
            .iter()
            .all(|o| o.local_time == NaiveTime::from_hms_opt(15, 0, 0).unwrap()));
        assert!(o
            .iter()
            .all(|o| o.local_date == o.date && o.date.day() == 15));
        // CET is UTC+1 (Jan–Mar 15, Nov, Dec), CEST UTC+2 (Apr–Oct): the instant moves.
        let utc_hours: Vec<u32> = o.iter().map(|o| o.start.hour()).collect();
        assert_eq!(utc_hours, [14, 14, 14, 13, 13, 13, 13, 13, 13, 13, 14, 14]);
        assert_eq!(o[2].start, utc(2022, 3, 15, 14, 0));

        let w = s.warnings(&four_cities());
        assert!(w.iter().all(|w| w.code == "clock_change"));
        assert_eq!(
            messages(&w),
            [
                // 15 March sits in the weeks Canada has switched and the EU not.
                "Clocks in Vancouver go forward on 13 Mar 2022, between the meetings of 15 Feb \
                 and 15 Mar: that meeting is an hour later there.",
                "Clocks in Berlin go forward on 27 Mar 2022, between the meetings of 15 Mar and \
                 15 Apr: that meeting is an hour earlier in Vancouver, Seoul and Johannesburg; \
                 it keeps its time in Berlin.",
                "Clocks in Berlin go back on 30 Oct 2022 and clocks in Vancouver go back on 6 \
                 Nov 2022, between the meetings of 15 Oct and 15 Nov: that meeting is an hour \
                 later in Seoul and Johannesburg; it keeps its time in Berlin and Vancouver.",
            ]
        );
        let [berlin, vancouver, seoul, johannesburg] = [0, 1, 2, 3].map(|i| four_cities()[i].id);
        assert_eq!(w[0].cities, [vancouver]);
        assert_eq!(w[1].cities, [vancouver, seoul, johannesburg]);
        assert_eq!(w[2].cities, [seoul, johannesburg]);
        assert!(!w.iter().any(|w| w.cities.contains(&berlin)));
    }

    #[test]
    fn the_second_tuesday_of_each_month_with_a_summer_break_and_a_moved_meeting() {
        let s = MeetingSeries {
            until: String::new(),
            count: Some(12),
            skipped: vec!["2022-08-09".into()],
            moved: vec![MovedOccurrence {
                date: "2022-06-14".into(),
                to_date: "2022-06-16".into(),
                to_time: "16:00".into(),
            }],
            ..series(SeriesRule::Monthly {
                every: 1,
                week: WeekOfMonth::Second,
                weekday: Weekday::Tuesday,
            })
        }
        .validate(&Refs)
        .unwrap();
        let o = s.occurrences();
        let dates: Vec<String> = o
            .iter()
            .map(|o| o.local_date.format("%m-%d").to_string())
            .collect();
        assert_eq!(
            dates,
            [
                "01-11", "02-08", "03-08", "04-12", "05-10", "06-16", "07-12", "09-13", "10-11",
                "11-08", "12-13"
            ]
        );
        let june = &o[5];
        assert!(june.moved);
        assert_eq!(june.date, date(2022, 6, 14));
        assert_eq!(june.start, utc(2022, 6, 16, 14, 0));

        // Both spring switches fall between 8 March and 12 April, both autumn ones between
        // 11 October and 8 November: Vancouver ends where it started, Seoul and Johannesburg
        // don't.
        assert_eq!(
            messages(&s.warnings(&four_cities())),
            [
                "Clocks in Vancouver go forward on 13 Mar 2022 and clocks in Berlin go forward \
                 on 27 Mar 2022, between the meetings of 8 Mar and 12 Apr: that meeting is an \
                 hour earlier in Seoul and Johannesburg; it keeps its time in Berlin and \
                 Vancouver.",
                "Clocks in Berlin go back on 30 Oct 2022 and clocks in Vancouver go back on 6 \
                 Nov 2022, between the meetings of 11 Oct and 8 Nov: that meeting is an hour \
                 later in Seoul and Johannesburg; it keeps its time in Berlin and Vancouver.",
            ]
        );
        // The meeting record made for an occurrence points back at its series.
        let m = s.meeting(june, Id::from_parts(6, 7));
        assert_eq!(
            (m.series, m.start, m.duration_minutes),
            (Some(s.id), june.start, 90)
        );
    }

    #[test]
    fn a_weekly_series_across_the_autumn_switches() {
        let s = MeetingSeries {
            from: "2022-10-25".into(),
            until: String::new(),
            count: Some(3),
            ..series(SeriesRule::Weekly {
                every: 1,
                weekday: Weekday::Tuesday,
            })
        };
        let o = s.occurrences();
        assert_eq!(
            o.iter().map(|o| o.start).collect::<Vec<_>>(),
            [
                utc(2022, 10, 25, 13, 0),
                utc(2022, 11, 1, 14, 0),
                utc(2022, 11, 8, 14, 0)
            ]
        );
        assert_eq!(
            messages(&s.warnings(&four_cities())),
            [
                "Clocks in Berlin go back on 30 Oct 2022, between the meetings of 25 Oct and 1 \
                 Nov: that meeting is an hour later in Vancouver, Seoul and Johannesburg; it \
                 keeps its time in Berlin.",
                "Clocks in Vancouver go back on 6 Nov 2022, between the meetings of 1 Nov and 8 \
                 Nov: that meeting is an hour earlier there.",
            ]
        );
        // Seen from cities that never switch, only Berlin's change shows.
        let asia = [
            four_cities()[2].clone(),
            CityZone::new(Id::from_parts(1, 9), "Taichung", chrono_tz::Asia::Taipei),
        ];
        assert_eq!(s.warnings(&asia).len(), 1);
    }

    #[test]
    fn rules_fall_on_the_days_people_mean() {
        let dates = |rule, from: &str, count| {
            let s = MeetingSeries {
                from: from.into(),
                until: String::new(),
                count: Some(count),
                ..series(rule)
            };
            s.occurrences()
                .iter()
                .map(|o| o.date.format("%Y-%m-%d").to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            dates(
                SeriesRule::MonthlyOnDay { every: 1, day: 31 },
                "2022-01-31",
                4
            ),
            ["2022-01-31", "2022-02-28", "2022-03-31", "2022-04-30"]
        );
        assert_eq!(
            dates(
                SeriesRule::Monthly {
                    every: 2,
                    week: WeekOfMonth::Last,
                    weekday: Weekday::Friday
                },
                "2022-11-26",
                3
            ),
            // November's last Friday (the 25th) is before the first day: it starts in January.
            ["2023-01-27", "2023-03-31", "2023-05-26"]
        );
        assert_eq!(
            dates(
                SeriesRule::Weekly {
                    every: 2,
                    weekday: Weekday::Monday
                },
                "2022-12-21",
                3
            ),
            ["2022-12-26", "2023-01-09", "2023-01-23"]
        );
    }

    #[test]
    fn a_series_time_the_clocks_jump_over_is_read_after_the_jump() {
        let s = MeetingSeries {
            time: "02:30".into(),
            from: "2022-03-20".into(),
            until: "2022-03-27".into(),
            ..series(SeriesRule::Weekly {
                every: 1,
                weekday: Weekday::Sunday,
            })
        };
        let o = s.occurrences();
        assert_eq!(o[1].start, utc(2022, 3, 27, 1, 30));
        assert_eq!(o[1].local_time, NaiveTime::from_hms_opt(3, 30, 0).unwrap());
    }

    #[test]
    fn bad_series_are_field_errors_and_stale_exceptions_are_warned() {
        let bad = MeetingSeries {
            title: "".into(),
            time: "3pm".into(),
            planned_zone: "Berlin".into(),
            duration_minutes: 0,
            from: "2022-06-01".into(),
            until: "2022-01-01".into(),
            skipped: vec!["9 Aug".into()],
            moved: vec![
                MovedOccurrence {
                    date: "2022-03-08".into(),
                    to_date: "2022-03-27".into(),
                    to_time: "02:30".into(),
                },
                MovedOccurrence {
                    date: "2022-03-08".into(),
                    to_date: "2022-03-09".into(),
                    to_time: "15:00".into(),
                },
            ],
            ..series(SeriesRule::MonthlyOnDay { every: 0, day: 32 })
        };
        let issues: Vec<(String, String)> = bad
            .validate(&Refs)
            .unwrap_err()
            .issues()
            .into_iter()
            .map(|i| (i.field.unwrap_or_default(), i.code))
            .collect();
        assert_eq!(
            issues,
            [
                ("title", "required"),
                ("rule.every", "out_of_range"),
                ("rule.day", "out_of_range"),
                ("time", "invalid_time"),
                ("planned_zone", "invalid_time_zone"),
                ("duration_minutes", "out_of_range"),
                ("until", "end_before_start"),
                ("skipped.0.date", "invalid_date"),
                ("moved.1.date", "duplicate"),
            ]
            .map(|(f, c)| (f.to_string(), c.to_string()))
        );
        // With a known zone the moved meeting's skipped time is found too.
        let gap = MeetingSeries {
            moved: bad.moved[..1].to_vec(),
            ..series(SeriesRule::MonthlyOnDay { every: 1, day: 8 })
        };
        let err = gap.validate(&Refs).unwrap_err();
        assert_eq!(err.field().as_deref(), Some("moved.0.to_time"));
        assert_eq!(err.code(), "time_skipped");
        let neither = MeetingSeries {
            until: " ".into(),
            ..series(SeriesRule::MonthlyOnDay { every: 1, day: 8 })
        };
        assert_eq!(
            neither.validate(&Refs).unwrap_err().to_string(),
            "A last day or a number of meetings is required."
        );
        let endless = MeetingSeries {
            until: "2030-01-01".into(),
            ..series(SeriesRule::Weekly {
                every: 1,
                weekday: Weekday::Monday,
            })
        };
        assert_eq!(
            endless.validate(&Refs).unwrap_err().field().as_deref(),
            Some("until")
        );

        let stale = MeetingSeries {
            skipped: vec!["2022-08-10".into()],
            moved: vec![
                MovedOccurrence {
                    date: "2022-09-09".into(),
                    to_date: "2022-09-08".into(),
                    to_time: "15:00".into(),
                },
                MovedOccurrence {
                    date: "2022-05-10".into(),
                    to_date: "2022-05-11".into(),
                    to_time: "15:00".into(),
                },
            ],
            ..series(SeriesRule::MonthlyOnDay { every: 1, day: 9 })
        };
        let mut w = stale.validate(&Refs).unwrap().warnings(&[]);
        let moved = w.remove(1);
        assert_eq!(moved.field.as_deref(), Some("moved.1"));
        assert_eq!(w[0].code, "exception_unused");
        assert_eq!(w[0].field.as_deref(), Some("skipped.0"));
        assert_eq!(
            w[0].message,
            "10 Aug 2022 is skipped but the series has no meeting that day any more; remove it \
             or change its date."
        );
        // With no other city, Berlin's changes move the meeting nowhere, and say so.
        assert_eq!(
            w[1].message,
            "Clocks in Berlin go forward on 27 Mar 2022, between the meetings of 9 Mar and 9 \
             Apr: the meeting keeps its time in every city."
        );
        assert_eq!(w.len(), 3);
    }

    #[test]
    fn the_series_serialises_its_rule_by_kind() {
        let s = series(SeriesRule::Monthly {
            every: 1,
            week: WeekOfMonth::Second,
            weekday: Weekday::Tuesday,
        });
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(
            json["rule"],
            serde_json::json!({"kind": "monthly", "every": 1, "week": "second", "weekday": "tuesday"})
        );
        let short = serde_json::json!({"kind": "weekly", "weekday": "friday"});
        assert_eq!(
            serde_json::from_value::<SeriesRule>(short).unwrap(),
            SeriesRule::Weekly {
                every: 1,
                weekday: Weekday::Friday
            }
        );
        assert_eq!(serde_json::from_value::<MeetingSeries>(json).unwrap(), s);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

        /// In any programme zone, every meeting of a weekly series is at the series' wall-clock
        /// time, unless the clocks jump over that time on its day.
        #[test]
        fn a_series_keeps_its_wall_clock_time(
            start_day in 0i64..3_650,
            minute in 0u32..1_440,
            z in 0usize..PROGRAMME_ZONES.len(),
            weekday in 0usize..7,
        ) {
            let zone = PROGRAMME_ZONES[z];
            let from = date(2020, 1, 1) + Duration::days(start_day);
            let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap();
            let s = MeetingSeries {
                time: time.format("%H:%M").to_string(),
                planned_zone: zone.name().to_string(),
                from: from.to_string(),
                until: String::new(),
                count: Some(30),
                ..series(SeriesRule::Weekly { every: 1, weekday: Weekday::ALL[weekday] })
            };
            let o = s.occurrences();
            prop_assert_eq!(o.len(), 30);
            for (i, occ) in o.iter().enumerate() {
                prop_assert_eq!(occ.date.weekday(), Weekday::ALL[weekday].chrono());
                prop_assert!(i == 0 || occ.date - o[i - 1].date == Duration::weeks(1));
                let skipped = matches!(resolve(zone, occ.date.and_time(time)), WallClock::Skipped { .. });
                prop_assert!(skipped || (occ.local_date, occ.local_time) == (occ.date, time));
            }
        }
    }
}
