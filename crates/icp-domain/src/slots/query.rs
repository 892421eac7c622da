//! What the slot finder is asked: the cities with their working hours, the zone whose calendar
//! the dates are read in, how long the meeting lasts and how finely the start times step.

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checks::in_list;
use crate::time::Weekday;
use crate::{CityZone, DomainError, Id};

/// The programme's working day unless a city says otherwise: 08:00–19:00 local.
pub const DEFAULT_WORK_START: NaiveTime = match NaiveTime::from_hms_opt(8, 0, 0) {
    Some(t) => t,
    None => panic!("08:00 is a time"),
};
pub const DEFAULT_WORK_END: NaiveTime = match NaiveTime::from_hms_opt(19, 0, 0) {
    Some(t) => t,
    None => panic!("19:00 is a time"),
};
/// The working week a city keeps unless it says otherwise, as the programme states it for
/// the window's forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkingWeek {
    /// `HH:MM`, local.
    pub start: String,
    /// `HH:MM`, local.
    pub end: String,
    pub days: Vec<Weekday>,
}

impl Default for WorkingWeek {
    fn default() -> WorkingWeek {
        WorkingWeek {
            start: DEFAULT_WORK_START.format("%H:%M").to_string(),
            end: DEFAULT_WORK_END.format("%H:%M").to_string(),
            days: Weekday::WEEKDAYS.to_vec(),
        }
    }
}

/// Start times every quarter of an hour unless asked otherwise.
pub const DEFAULT_STEP_MINUTES: u32 = 15;

// Bounds that keep one request to a few milliseconds of work, and let a slot's set of cities
// outside working hours be one 64-bit word (the series' fairness search counts on it).
pub const MAX_CITIES: usize = 64;
pub const MAX_RANGE_DAYS: u32 = 92;
pub const MAX_MEETINGS: usize = 24;
const MINUTES_MIN: u32 = 5;
const MINUTES_MAX: u32 = 24 * 60;

/// A city as the slot finder sees it: where its clock is and when it works.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotCity {
    /// Which city, its name for the reasons, and its zone.
    pub city: CityZone,
    /// Local time the working day starts; a meeting starting earlier is early.
    pub work_start: NaiveTime,
    /// Local time the working day ends; a meeting ending later is late.
    pub work_end: NaiveTime,
    /// The days of the local week the city works; a meeting on another day is on a day off.
    pub working_days: Vec<Weekday>,
}

impl From<CityZone> for SlotCity {
    /// The city with the programme's default week: 08:00–19:00, Monday to Friday.
    fn from(city: CityZone) -> SlotCity {
        SlotCity {
            city,
            work_start: DEFAULT_WORK_START,
            work_end: DEFAULT_WORK_END,
            working_days: Weekday::WEEKDAYS.to_vec(),
        }
    }
}

impl SlotCity {
    /// A city with the programme's default week: 08:00–19:00, Monday to Friday.
    pub fn new(id: Id, name: impl Into<String>, zone: Tz) -> SlotCity {
        CityZone::new(id, name, zone).into()
    }

    pub fn with_hours(mut self, start: NaiveTime, end: NaiveTime) -> SlotCity {
        self.work_start = start;
        self.work_end = end;
        self
    }

    pub fn with_days(mut self, days: &[Weekday]) -> SlotCity {
        self.working_days = days.to_vec();
        self
    }

    /// Whether its hours differ from the programme's default, so that its reasons say them.
    pub(crate) fn has_own_hours(&self) -> bool {
        self.work_start != DEFAULT_WORK_START || self.work_end != DEFAULT_WORK_END
    }

    pub(crate) fn check(&self) -> Result<(), DomainError> {
        let mut problems = Vec::new();
        if self.work_end <= self.work_start {
            // A working day that runs past midnight (a night shift) is not a meeting window the
            // programme has; refusing it keeps "early" and "late" unambiguous.
            problems.push(DomainError::EndBeforeStart { field: "work_end" });
        }
        if self.working_days.is_empty() {
            problems.push(DomainError::Required {
                field: "working_days",
                label: "Working days",
            });
        }
        DomainError::collect(problems)
    }
}

/// The days to look in, both included, read on the calendar of the query's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DateRange {
    pub fn new(from: NaiveDate, to: NaiveDate) -> DateRange {
        DateRange { from, to }
    }

    /// One day.
    pub fn day(day: NaiveDate) -> DateRange {
        DateRange { from: day, to: day }
    }

    pub(crate) fn check(&self) -> Result<(), DomainError> {
        if self.to < self.from {
            return Err(DomainError::EndBeforeStart { field: "to" });
        }
        let days = (self.to - self.from).num_days() + 1;
        if days > MAX_RANGE_DAYS as i64 {
            return Err(DomainError::OutOfRange {
                field: "to",
                label: "The number of days in the range",
                min: 1,
                max: MAX_RANGE_DAYS,
            });
        }
        Ok(())
    }

    /// The first and the last-plus-one instant of the range, in Unix seconds: from midnight of
    /// `from` to midnight after `to`, on `zone`'s clock.
    pub(crate) fn instants(&self, zone: Tz) -> (i64, i64) {
        (
            midnight(zone, self.from),
            midnight(zone, self.to + Duration::days(1)),
        )
    }
}

/// Midnight of `day` in `zone`. A few zones (Santiago, Havana…) skip midnight on the day their
/// clocks go forward; that day starts at the end of the gap, as the clocks there show it.
fn midnight(zone: Tz, day: NaiveDate) -> i64 {
    let local = day.and_time(NaiveTime::MIN);
    (0..=8)
        .find_map(|k| {
            zone.from_local_datetime(&(local + Duration::minutes(15 * k)))
                .earliest()
        })
        .map(|t| t.timestamp())
        .unwrap_or_else(|| local.and_utc().timestamp())
}

/// The cities and the meeting, the same for a single slot search and for a series.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotQuery {
    pub cities: Vec<SlotCity>,
    /// The zone whose calendar the ranges' dates are read in: "the week of 14 March" is a week
    /// on the coordinator's calendar, which is not UTC's for a coordinator in Seoul.
    pub zone: Tz,
    pub duration_minutes: u32,
    /// Minutes between candidate start times, from midnight of the range's first day.
    pub step_minutes: u32,
}

impl SlotQuery {
    /// Dates read in UTC, start times every 15 minutes.
    pub fn new(cities: Vec<SlotCity>, duration_minutes: u32) -> SlotQuery {
        SlotQuery {
            cities,
            zone: Tz::UTC,
            duration_minutes,
            step_minutes: DEFAULT_STEP_MINUTES,
        }
    }

    pub fn in_zone(mut self, zone: Tz) -> SlotQuery {
        self.zone = zone;
        self
    }

    pub fn every(mut self, step_minutes: u32) -> SlotQuery {
        self.step_minutes = step_minutes;
        self
    }

    /// Every problem at once, each with its field (`cities.2.work_end` for a city's).
    pub(crate) fn check(&self) -> Result<(), DomainError> {
        let mut problems = Vec::new();
        check_count(self.cities.len(), &mut problems);
        for (index, city) in self.cities.iter().enumerate() {
            if let Err(error) = city.check() {
                problems.push(in_cities(index, error));
            }
        }
        check_minutes(self.duration_minutes, self.step_minutes, &mut problems);
        DomainError::collect(problems)
    }
}

/// Adds a problem, or each of several, to `problems`.
pub(crate) fn add(problems: &mut Vec<DomainError>, error: DomainError) {
    match error {
        DomainError::Invalid(all) => problems.extend(all),
        error => problems.push(error),
    }
}

/// One city at least, and few enough that a slot's cities outside fit in a 64-bit word.
pub(crate) fn check_count(cities: usize, problems: &mut Vec<DomainError>) {
    if cities == 0 {
        problems.push(DomainError::Required {
            field: "cities",
            label: "Cities",
        });
    } else if cities > MAX_CITIES {
        problems.push(DomainError::OutOfRange {
            field: "cities",
            label: "The number of cities",
            min: 1,
            max: MAX_CITIES as u32,
        });
    }
}

pub(crate) fn check_minutes(duration: u32, step: u32, problems: &mut Vec<DomainError>) {
    for (field, label, value) in [
        (
            "duration_minutes",
            "The meeting's length in minutes",
            duration,
        ),
        ("step_minutes", "The minutes between start times", step),
    ] {
        if !(MINUTES_MIN..=MINUTES_MAX).contains(&value) {
            problems.push(DomainError::OutOfRange {
                field,
                label,
                min: MINUTES_MIN,
                max: MINUTES_MAX,
            });
        }
    }
}

/// A city's problem (or each of its problems) as the entry `index` of the list of cities.
pub(crate) fn in_cities(index: usize, error: DomainError) -> DomainError {
    in_list("cities", "City", index)(error)
}

/// A meeting's problem (or each of them) as the entry `index` of the list of meetings.
pub(crate) fn in_meetings(index: usize, error: DomainError) -> DomainError {
    in_list("meetings", "Meeting", index)(error)
}
