//! The slot finder's requests as the window sends them: zones, dates and times as typed,
//! checked here into a [`SlotQuery`], with every problem reported at once beside its field.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::query::{
    add, check_count, check_minutes, in_cities, in_meetings, DateRange, SlotCity, SlotQuery,
    WorkingWeek, DEFAULT_STEP_MINUTES, DEFAULT_WORK_END, DEFAULT_WORK_START,
};
use super::rank::{check_limit, find_slots, SlotRanking};
use super::series::{check_tolerance, plan_series, SeriesPlan};
use crate::checks::{known_zone, required_zone};
use crate::time::Weekday;
use crate::{parse_date, parse_time, DomainError, Id};

fn default_start() -> String {
    WorkingWeek::default().start
}
fn default_end() -> String {
    WorkingWeek::default().end
}
fn default_days() -> Vec<Weekday> {
    WorkingWeek::default().days
}
fn default_zone() -> String {
    "UTC".into()
}
fn default_step() -> u32 {
    DEFAULT_STEP_MINUTES
}
fn default_limit() -> u32 {
    20
}

/// A city of the search, with its working week; left out, the programme's 08:00–19:00, Monday
/// to Friday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SlotCityInput {
    pub city: Id,
    pub name: String,
    /// IANA zone, e.g. `America/Vancouver`.
    pub time_zone: String,
    /// `HH:MM`, local.
    #[serde(default = "default_start")]
    pub work_start: String,
    #[serde(default = "default_end")]
    pub work_end: String,
    #[serde(default = "default_days")]
    pub working_days: Vec<Weekday>,
}

impl SlotCityInput {
    pub fn validate(&self) -> Result<SlotCity, DomainError> {
        let mut problems = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            problems.push(DomainError::Required {
                field: "name",
                label: "Name",
            });
        }
        let zone = required_zone(&self.time_zone, "time_zone", &mut problems);
        let start = parse_time(&self.work_start, "work_start", "Start of the working day")
            .map_err(|e| problems.push(e))
            .ok();
        let end = parse_time(&self.work_end, "work_end", "End of the working day")
            .map_err(|e| problems.push(e))
            .ok();
        let mut days = self.working_days.clone();
        days.sort();
        days.dedup();
        // The hours and days are checked on the city itself, once their text has been read.
        let city = SlotCity::new(self.city, name, zone.unwrap_or(chrono_tz::UTC))
            .with_hours(
                start.unwrap_or(DEFAULT_WORK_START),
                end.unwrap_or(DEFAULT_WORK_END),
            )
            .with_days(&days);
        if let Err(e) = city.check() {
            add(&mut problems, e);
        }
        DomainError::collect(problems)?;
        Ok(city)
    }
}

/// A range of days as typed: `YYYY-MM-DD`, both included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DateRangeInput {
    pub from: String,
    pub to: String,
}

impl DateRangeInput {
    pub fn validate(&self) -> Result<DateRange, DomainError> {
        let mut problems = Vec::new();
        let from = parse_date(&self.from, "from", "From")
            .map_err(|e| problems.push(e))
            .ok();
        let to = parse_date(&self.to, "to", "To")
            .map_err(|e| problems.push(e))
            .ok();
        DomainError::collect(problems)?;
        let range = DateRange::new(from.expect("checked above"), to.expect("checked above"));
        range.check()?;
        Ok(range)
    }
}

/// The cities and the meeting as the window sends them, the same for a slot search and for a
/// series. Both requests flatten it: its fields stand beside theirs in the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SlotQueryInput {
    pub cities: Vec<SlotCityInput>,
    /// The zone whose calendar the requests' dates are read in; UTC when left out.
    #[serde(default = "default_zone")]
    pub zone: String,
    pub duration_minutes: u32,
    #[serde(default = "default_step")]
    pub step_minutes: u32,
}

impl SlotQueryInput {
    /// The query, checked, every problem added to `problems`; `None` when there is one.
    fn check(&self, problems: &mut Vec<DomainError>) -> Option<SlotQuery> {
        let before = problems.len();
        check_count(self.cities.len(), problems);
        let mut valid = Vec::with_capacity(self.cities.len());
        for (i, c) in self.cities.iter().enumerate() {
            match c.validate() {
                Ok(city) => valid.push(city),
                Err(e) => problems.push(in_cities(i, e)),
            }
        }
        let zone = known_zone(&self.zone, "zone")
            .map_err(|e| problems.push(e))
            .ok();
        check_minutes(self.duration_minutes, self.step_minutes, problems);
        (problems.len() == before).then(|| SlotQuery {
            cities: valid,
            zone: zone.expect("checked above"),
            duration_minutes: self.duration_minutes,
            step_minutes: self.step_minutes,
        })
    }
}

/// "Find a slot": rank the slots of one range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SlotRequest {
    #[serde(flatten)]
    pub query: SlotQueryInput,
    /// `YYYY-MM-DD`, both included, on the calendar of the query's zone.
    pub from: String,
    pub to: String,
    /// How many of the best slots to return.
    #[serde(default = "default_limit")]
    pub limit: u32,
}

impl SlotRequest {
    /// Checks every field, then ranks.
    pub fn find(&self) -> Result<SlotRanking, DomainError> {
        let mut problems = Vec::new();
        let query = self.query.check(&mut problems);
        let range = DateRangeInput {
            from: self.from.clone(),
            to: self.to.clone(),
        }
        .validate()
        .map_err(|e| add(&mut problems, e))
        .ok();
        if let Err(e) = check_limit(self.limit as usize) {
            problems.push(e);
        }
        DomainError::collect(problems)?;
        find_slots(
            &query.expect("checked above"),
            range.expect("checked above"),
            self.limit as usize,
        )
    }
}

/// "Plan a series": one slot for each meeting's range, the inconvenient hours spread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SeriesRequest {
    #[serde(flatten)]
    pub query: SlotQueryInput,
    /// One range a meeting, in the series' order.
    pub meetings: Vec<DateRangeInput>,
    /// How many fewer cities inside working hours than a range's best its slot may have, to
    /// spread the inconvenient hours (0: only the best).
    #[serde(default)]
    pub tolerance: u32,
}

impl SeriesRequest {
    /// Checks every field, then plans.
    pub fn plan(&self) -> Result<SeriesPlan, DomainError> {
        let mut problems = Vec::new();
        let query = self.query.check(&mut problems);
        let mut ranges = Vec::with_capacity(self.meetings.len());
        for (i, m) in self.meetings.iter().enumerate() {
            match m.validate() {
                Ok(r) => ranges.push(r),
                Err(e) => problems.push(in_meetings(i, e)),
            }
        }
        if let Err(e) = check_tolerance(self.tolerance) {
            problems.push(e);
        }
        DomainError::collect(problems)?;
        // The number of meetings is checked with the plan.
        plan_series(&query.expect("checked above"), &ranges, self.tolerance)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seoul() -> SlotCityInput {
        serde_json::from_value(serde_json::json!({
            "city": Id::from_parts(9, 1).to_string(),
            "name": "Seoul",
            "time_zone": "Asia/Seoul",
        }))
        .unwrap()
    }

    #[test]
    fn a_city_left_to_defaults_works_the_programme_week() {
        let city = seoul().validate().unwrap();
        assert_eq!(city.city.zone, chrono_tz::Asia::Seoul);
        assert_eq!(
            (city.work_start, city.work_end),
            (DEFAULT_WORK_START, DEFAULT_WORK_END)
        );
        assert_eq!(city.working_days, Weekday::WEEKDAYS);
        let json = serde_json::to_value(seoul()).unwrap();
        assert_eq!(json["working_days"][0], "monday");
    }

    #[test]
    fn every_problem_is_reported_beside_its_field() {
        let mut bad = seoul();
        bad.time_zone = "Asia/Soul".into();
        bad.work_start = "9h".into();
        let mut backwards = seoul();
        backwards.work_start = "17:00".into();
        backwards.work_end = "09:00".into();
        backwards.working_days.clear();
        let request = SlotRequest {
            query: SlotQueryInput {
                cities: vec![bad, backwards],
                zone: "Europe/Brussel".into(),
                duration_minutes: 60,
                step_minutes: 0,
            },
            from: "2022-06-31".into(),
            to: "2022-07-01".into(),
            limit: 20,
        };
        let issues = request.find().unwrap_err().issues();
        let fields: Vec<(&str, &str)> = issues
            .iter()
            .map(|i| (i.field.as_deref().unwrap(), i.code.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("cities.0.time_zone", "invalid_time_zone"),
                ("cities.0.work_start", "invalid_time"),
                ("cities.1.work_end", "end_before_start"),
                ("cities.1.working_days", "required"),
                ("zone", "invalid_time_zone"),
                ("step_minutes", "out_of_range"),
                ("from", "invalid_date"),
            ]
        );
        assert_eq!(
            issues[0].message,
            "“Asia/Soul” is not a known time zone. Use an IANA name such as Europe/Berlin or Asia/Seoul."
        );
    }

    #[test]
    fn a_request_from_the_window_ranks_and_plans() {
        let json = serde_json::json!({
            "cities": [
                {"city": Id::from_parts(9, 1).to_string(), "name": "Seoul", "time_zone": "Asia/Seoul"},
                {"city": Id::from_parts(9, 2).to_string(), "name": "Durban", "time_zone": "Africa/Johannesburg",
                 "work_start": "09:00", "work_end": "17:00"},
            ],
            "duration_minutes": 90,
            "from": "2022-06-13",
            "to": "2022-06-17",
            "limit": 3,
        });
        let request: SlotRequest = serde_json::from_value(json).unwrap();
        assert_eq!(
            (request.query.zone.as_str(), request.query.step_minutes),
            ("UTC", 15)
        );
        // The request reads and writes the query's fields flat, as the window sends them.
        let back = serde_json::to_value(&request).unwrap();
        assert_eq!((&back["zone"], &back["limit"]), (&"UTC".into(), &3.into()));
        assert_eq!(back["cities"][1]["work_end"], "17:00");
        let r = request.find().unwrap();
        assert_eq!(r.slots.len(), 3);
        // Durban's 09:00 is 07:00 UTC, 16:00 in Seoul.
        assert_eq!(r.slots[0].starts_at, "2022-06-13T07:00:00Z");

        let series = SeriesRequest {
            query: SlotQueryInput {
                cities: request.query.cities.clone(),
                zone: "Asia/Seoul".into(),
                duration_minutes: 60,
                step_minutes: 30,
            },
            meetings: vec![
                DateRangeInput {
                    from: "2022-06-13".into(),
                    to: "2022-06-17".into(),
                },
                DateRangeInput {
                    from: "2022-07-11".into(),
                    to: "2022-07-10".into(),
                },
            ],
            tolerance: 0,
        };
        let err = series.plan().unwrap_err();
        assert_eq!(err.field().as_deref(), Some("meetings.1.to"));
        let fixed = SeriesRequest {
            meetings: vec![series.meetings[0].clone()],
            ..series
        };
        let plan = fixed.plan().unwrap();
        assert_eq!(plan.most_outside, 0);
        assert_eq!(
            plan.why,
            "Every city is inside its working hours in every meeting."
        );
    }
}
