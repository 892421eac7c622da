//! Ranking the candidate slots of a date range: every start time a step apart, scored by how
//! many cities sit inside working hours, then by how far outside the others are, then by time.

use std::cmp::Ordering;

use chrono::{DateTime, SecondsFormat};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::clock::Clock;
use super::fit::{assess, describe, duration_words, outside_words, CityFit, Fit, Hours};
use super::query::{add, DateRange, SlotQuery};
use crate::DomainError;

/// How many slots a ranking may return.
pub const MAX_LIMIT: usize = 500;

/// One candidate slot in the ranking, with why it ranks where it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RankedSlot {
    /// 1 for the best.
    pub rank: u32,
    /// RFC 3339 in UTC, e.g. `2022-06-13T06:00:00Z`.
    pub starts_at: String,
    pub ends_at: String,
    /// How many cities have the whole meeting inside their working hours.
    pub inside: u32,
    /// The cities' minutes outside working hours, added up (see [`CityFit::minutes_outside`]).
    #[ts(type = "number")]
    pub minutes_outside: i64,
    /// Every city, in the order they were given.
    pub cities: Vec<CityFit>,
    /// e.g. "2 of 3 cities inside working hours; outside: Vancouver (1 h early). As many
    /// cities inside as #1, but 30 min more outside working hours."
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SlotRanking {
    /// Best first, at most the number asked for.
    pub slots: Vec<RankedSlot>,
    /// How many start times were looked at.
    pub candidates: u32,
    /// The most cities any start time has inside working hours.
    pub best_inside: u32,
    pub cities: u32,
    /// The range in one sentence, e.g. "None of the 672 start times has all 3 cities inside
    /// working hours; the best have 2."
    pub why: String,
}

/// A start time, scored. `outside` has bit `i` set when city `i` is outside working hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub start: i64,
    pub inside: u32,
    pub minutes: i64,
    pub outside: u64,
}

/// The ranking's order: more cities inside first, then fewer minutes outside, then earlier.
pub(crate) fn best_first(a: &Candidate, b: &Candidate) -> Ordering {
    b.inside
        .cmp(&a.inside)
        .then(a.minutes.cmp(&b.minutes))
        .then(a.start.cmp(&b.start))
}

/// One range's start times against the query's cities, with each city's clock worked out once.
pub(crate) struct Board<'a> {
    query: &'a SlotQuery,
    clocks: Vec<Clock>,
    hours: Vec<Hours>,
    start: i64,
    end: i64,
}

impl<'a> Board<'a> {
    /// The query and range must have been checked.
    pub(crate) fn new(query: &'a SlotQuery, range: DateRange) -> Board<'a> {
        let (start, end) = range.instants(query.zone);
        let last_end = end + i64::from(query.duration_minutes) * 60;
        Board {
            query,
            clocks: query
                .cities
                .iter()
                .map(|c| Clock::new(c.city.zone, start, last_end))
                .collect(),
            hours: query.cities.iter().map(Hours::of).collect(),
            start,
            end,
        }
    }

    fn duration(&self) -> i64 {
        i64::from(self.query.duration_minutes) * 60
    }

    /// Every start time from the range's first midnight, a step apart, before its last
    /// midnight; in time order. City by city, so that each city's clock stays in cache.
    pub(crate) fn candidates(&self) -> Vec<Candidate> {
        let step = i64::from(self.query.step_minutes) * 60;
        let count = (self.end - self.start + step - 1) / step;
        let mut all: Vec<Candidate> = (0..count)
            .map(|k| Candidate {
                start: self.start + k * step,
                inside: 0,
                minutes: 0,
                outside: 0,
            })
            .collect();
        let duration = self.duration();
        for (i, (clock, hours)) in self.clocks.iter().zip(&self.hours).enumerate() {
            for c in all.iter_mut() {
                let a = assess(hours, clock.local(c.start), clock.local(c.start + duration));
                if a.fit == Fit::Inside {
                    c.inside += 1;
                } else {
                    c.outside |= 1 << i;
                    c.minutes += a.minutes_outside();
                }
            }
        }
        all
    }

    /// The candidate with its cities' reasons. `above` is the slot ranked just before it, which
    /// its reason compares it with.
    pub(crate) fn slot(&self, c: &Candidate, rank: u32, above: Option<&Candidate>) -> RankedSlot {
        self.slot_and_words(c, rank, above).0
    }

    /// [`Self::slot`], and for each city how far outside in a few words ("1 h early"), `None`
    /// for a city inside.
    pub(crate) fn slot_and_words(
        &self,
        c: &Candidate,
        rank: u32,
        above: Option<&Candidate>,
    ) -> (RankedSlot, Vec<Option<String>>) {
        let mut cities = Vec::with_capacity(self.query.cities.len());
        let mut words = Vec::with_capacity(self.query.cities.len());
        let mut outside = Vec::new();
        for ((city, clock), hours) in self.query.cities.iter().zip(&self.clocks).zip(&self.hours) {
            let (start, end) = (clock.local(c.start), clock.local(c.start + self.duration()));
            let a = assess(hours, start, end);
            if a.fit == Fit::Inside {
                words.push(None);
            } else {
                let how = outside_words(&a);
                outside.push(format!("{} ({how})", city.city.name));
                words.push(Some(how));
            }
            cities.push(describe(city, &a, start, end));
        }
        let mut why = format!(
            "{} of {} inside working hours",
            c.inside,
            cities_words(cities.len() as u32)
        );
        if !outside.is_empty() {
            why.push_str("; outside: ");
            why.push_str(&outside.join(", "));
        }
        why.push_str(". ");
        why.push_str(&match above {
            None => "The best start time of the range.".to_string(),
            Some(a) if a.inside > c.inside => {
                format!(
                    "Below #{}, which has {} inside.",
                    rank - 1,
                    cities_words(a.inside)
                )
            }
            Some(a) if a.minutes < c.minutes => format!(
                "As many cities inside as #{}, but {} more outside working hours.",
                rank - 1,
                duration_words(c.minutes - a.minutes)
            ),
            Some(_) => format!("As good as #{}; starts later.", rank - 1),
        });
        let slot = RankedSlot {
            rank,
            starts_at: rfc3339(c.start),
            ends_at: rfc3339(c.start + self.duration()),
            inside: c.inside,
            minutes_outside: c.minutes,
            cities,
            why,
        };
        (slot, words)
    }
}

/// "1 city", "3 cities".
pub(crate) fn cities_words(n: u32) -> String {
    format!("{n} {}", if n == 1 { "city" } else { "cities" })
}

fn rfc3339(t: i64) -> String {
    DateTime::from_timestamp(t, 0)
        .expect("an instant of the programme's era")
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub(crate) fn check_limit(limit: usize) -> Result<(), DomainError> {
    if (1..=MAX_LIMIT).contains(&limit) {
        Ok(())
    } else {
        Err(DomainError::OutOfRange {
            field: "limit",
            label: "The number of slots to show",
            min: 1,
            max: MAX_LIMIT as u32,
        })
    }
}

/// The `limit` best slots of `range` for the query's cities, best first: most cities inside
/// working hours, then fewest minutes outside them in all, then earliest. Each slot says, city
/// by city, where it falls and why it ranks below the one before it.
pub fn find_slots(
    query: &SlotQuery,
    range: DateRange,
    limit: usize,
) -> Result<SlotRanking, DomainError> {
    let mut problems = Vec::new();
    for check in [query.check(), range.check(), check_limit(limit)] {
        if let Err(e) = check {
            add(&mut problems, e);
        }
    }
    DomainError::collect(problems)?;

    let board = Board::new(query, range);
    let mut all = board.candidates();
    all.sort_unstable_by(best_first);
    let best_inside = all.first().map_or(0, |c| c.inside);
    let n = query.cities.len() as u32;
    let best_count = all.iter().take_while(|c| c.inside == best_inside).count();
    let every = if n == 1 {
        "the city".to_string()
    } else {
        format!("all {n} cities")
    };
    let why = if best_inside == n {
        format!(
            "{best_count} of the {} start times {} {every} inside working hours.",
            all.len(),
            if best_count == 1 { "has" } else { "have" }
        )
    } else {
        format!(
            "None of the {} start times has {every} inside working hours; the best {} {best_inside}.",
            all.len(),
            if best_count == 1 { "has" } else { "have" }
        )
    };
    let slots = all
        .iter()
        .take(limit)
        .enumerate()
        .map(|(i, c)| board.slot(c, i as u32 + 1, i.checked_sub(1).map(|j| &all[j])))
        .collect();
    Ok(SlotRanking {
        slots,
        candidates: all.len() as u32,
        best_inside,
        cities: n,
        why,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slots::test_support::{city, date};
    use crate::slots::{SlotCity, Weekday};
    use chrono::{Datelike, NaiveTime, TimeZone};
    use chrono_tz::Tz;
    use proptest::prelude::*;

    fn berlin() -> SlotCity {
        city(1, "Berlin", chrono_tz::Europe::Berlin)
    }
    fn vancouver() -> SlotCity {
        city(2, "Vancouver", chrono_tz::America::Vancouver)
    }
    fn seoul() -> SlotCity {
        city(3, "Seoul", chrono_tz::Asia::Seoul)
    }
    fn johannesburg() -> SlotCity {
        city(4, "Johannesburg", chrono_tz::Africa::Johannesburg)
    }

    fn reasons(slot: &RankedSlot) -> Vec<&str> {
        slot.cities.iter().map(|f| f.why.as_str()).collect()
    }

    fn at<'a>(ranking: &'a SlotRanking, starts_at: &str) -> &'a RankedSlot {
        ranking
            .slots
            .iter()
            .find(|s| s.starts_at == starts_at)
            .unwrap_or_else(|| panic!("no slot at {starts_at}"))
    }

    #[test]
    fn berlin_vancouver_and_seoul_never_share_an_hour() {
        // June 2022: Berlin UTC+2, Vancouver UTC−7, Seoul UTC+9. Any two of them share working
        // hours; the three never do.
        let query = SlotQuery::new(vec![berlin(), vancouver(), seoul()], 60);
        let week = DateRange::new(date(2022, 6, 13), date(2022, 6, 19));
        let r = find_slots(&query, week, 5).unwrap();
        assert_eq!((r.candidates, r.best_inside, r.cities), (672, 2, 3));
        assert_eq!(
            r.why,
            "None of the 672 start times has all 3 cities inside working hours; the best have 2."
        );
        // Monday 01:00 UTC is still Sunday in Vancouver: the first good one is Tuesday's.
        let first = &r.slots[0];
        assert_eq!(first.starts_at, "2022-06-14T01:00:00Z");
        assert_eq!(first.ends_at, "2022-06-14T02:00:00Z");
        assert_eq!(
            reasons(first),
            [
                "Berlin Tue 03:00–04:00, 5 h early",
                "Vancouver Mon 18:00–19:00, inside working hours",
                "Seoul Tue 10:00–11:00, inside working hours",
            ]
        );
        assert_eq!(
            first.why,
            "2 of 3 cities inside working hours; outside: Berlin (5 h early). The best start time of the range."
        );
        // Just as good: Berlin and Seoul inside, Vancouver five hours past its evening.
        let second = &r.slots[1];
        assert_eq!(second.starts_at, "2022-06-14T06:00:00Z");
        assert_eq!(
            reasons(second),
            [
                "Berlin Tue 08:00–09:00, inside working hours",
                "Vancouver Mon 23:00–Tue 00:00, 5 h late",
                "Seoul Tue 15:00–16:00, inside working hours",
            ]
        );
        assert!(second.why.ends_with("As good as #1; starts later."));

        // Friday afternoon in Vancouver is Saturday morning in Seoul.
        let friday = find_slots(&query, DateRange::day(date(2022, 6, 18)), 96).unwrap();
        let slot = at(&friday, "2022-06-18T01:00:00Z");
        assert_eq!(
            reasons(slot),
            [
                "Berlin Sat 03:00–04:00, not a working day (Saturday)",
                "Vancouver Fri 18:00–19:00, inside working hours",
                "Seoul Sat 10:00–11:00, not a working day (Saturday)",
            ]
        );
        assert_eq!(slot.cities[2].fit, Fit::OffDay);
        assert_eq!(slot.cities[2].local_date, "2022-06-18");
    }

    #[test]
    fn berlin_johannesburg_and_seoul_share_the_morning() {
        // Berlin and Johannesburg are both UTC+2 in June: 08:00 there is 15:00 in Seoul, and
        // Seoul's day ends at 10:00 UTC. One-hour meetings from 06:00 to 09:00 UTC, Monday to
        // Friday, have all three inside: 13 start times a day.
        let query = SlotQuery::new(vec![berlin(), johannesburg(), seoul()], 60);
        let week = DateRange::new(date(2022, 6, 13), date(2022, 6, 19));
        let r = find_slots(&query, week, 70).unwrap();
        assert_eq!(r.best_inside, 3);
        assert_eq!(
            r.why,
            "65 of the 672 start times have all 3 cities inside working hours."
        );
        assert!(r.slots[..65].iter().all(|s| s.inside == 3));
        assert_eq!(r.slots[0].starts_at, "2022-06-13T06:00:00Z");
        assert_eq!(
            reasons(&r.slots[0]),
            [
                "Berlin Mon 08:00–09:00, inside working hours",
                "Johannesburg Mon 08:00–09:00, inside working hours",
                "Seoul Mon 15:00–16:00, inside working hours",
            ]
        );
        assert_eq!(r.slots[12].starts_at, "2022-06-13T09:00:00Z");
        assert_eq!(r.slots[13].starts_at, "2022-06-14T06:00:00Z");
        // The best with two inside: Seoul 15 minutes past its day's end.
        let next = &r.slots[65];
        assert_eq!(next.starts_at, "2022-06-13T09:15:00Z");
        assert_eq!(
            next.why,
            "2 of 3 cities inside working hours; outside: Seoul (15 min late). Below #65, which has 3 cities inside."
        );
        assert_eq!(
            r.slots[66].why,
            "2 of 3 cities inside working hours; outside: Seoul (15 min late). As good as #66; starts later."
        );
    }

    #[test]
    fn a_city_with_its_own_hours_and_a_six_day_week() {
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        let taipei = city(5, "Taipei", chrono_tz::Asia::Taipei)
            .with_hours(t(9), t(17))
            .with_days(&Weekday::ALL[..6]);
        let query = SlotQuery::new(vec![berlin(), taipei], 60);

        // Monday: Berlin's 08:00 is Taipei's 14:00, Taipei's day ends at Berlin's 11:00.
        let monday = find_slots(&query, DateRange::day(date(2022, 6, 13)), 96).unwrap();
        let both: Vec<&str> = monday
            .slots
            .iter()
            .filter(|s| s.inside == 2)
            .map(|s| &s.starts_at[11..16])
            .collect();
        assert_eq!(
            both,
            ["06:00", "06:15", "06:30", "06:45", "07:00", "07:15", "07:30", "07:45", "08:00"]
        );
        assert_eq!(
            reasons(at(&monday, "2022-06-13T08:30:00Z")),
            [
                "Berlin Mon 10:30–11:30, inside working hours",
                "Taipei Mon 16:30–17:30, 30 min late (works 09:00–17:00)",
            ]
        );
        // Saturday: Taipei works, Berlin does not; the best keeps Taipei inside.
        let saturday = find_slots(&query, DateRange::day(date(2022, 6, 18)), 3).unwrap();
        assert_eq!(saturday.best_inside, 1);
        assert_eq!(saturday.slots[0].starts_at, "2022-06-18T01:00:00Z");
        assert_eq!(
            reasons(&saturday.slots[0]),
            [
                "Berlin Sat 03:00–04:00, not a working day (Saturday)",
                "Taipei Sat 09:00–10:00, inside working hours",
            ]
        );
        // Sunday in UTC: neither works, and the least bad is the latest, already Monday
        // morning on both clocks, so early rather than on a day off.
        let sunday = find_slots(&query, DateRange::day(date(2022, 6, 19)), 1).unwrap();
        assert_eq!(sunday.best_inside, 0);
        assert_eq!(sunday.slots[0].starts_at, "2022-06-19T23:45:00Z");
        assert_eq!(
            reasons(&sunday.slots[0]),
            [
                "Berlin Mon 01:45–02:45, 6 h 15 min early",
                "Taipei Mon 07:45–08:45, 1 h 15 min early (works 09:00–17:00)",
            ]
        );
    }

    #[test]
    fn the_best_utc_slot_moves_an_hour_earlier_when_europe_changes_its_clocks() {
        // Two hours for Berlin and Seoul (no daylight saving). Until Sunday 27 March 2022
        // Berlin's 08:00 is 07:00 UTC; from then on it is 06:00 UTC.
        let query = SlotQuery::new(vec![berlin(), seoul()], 120);
        for (day, best) in [
            (date(2022, 3, 23), "07:00"),
            (date(2022, 3, 24), "07:00"),
            (date(2022, 3, 25), "07:00"),
            (date(2022, 3, 28), "06:00"),
            (date(2022, 3, 29), "06:00"),
        ] {
            let r = find_slots(&query, DateRange::day(day), 1).unwrap();
            assert_eq!(r.best_inside, 2, "{day}");
            assert_eq!(&r.slots[0].starts_at[11..16], best, "{day}");
            assert_eq!(r.slots[0].cities[0].local_start, "08:00", "{day}");
        }
        // Over both weeks, the slots with both inside are the same local hours in Berlin.
        let r = find_slots(
            &query,
            DateRange::new(date(2022, 3, 21), date(2022, 4, 1)),
            MAX_LIMIT,
        )
        .unwrap();
        let both: Vec<&RankedSlot> = r.slots.iter().filter(|s| s.inside == 2).collect();
        // Before: 07:00–08:00 UTC (5 start times) a day; after: 06:00–08:00 (9).
        assert_eq!(both.len(), 5 * 5 + 5 * 9);
        assert!(both
            .iter()
            .all(|s| s.cities[0].local_start.as_str() >= "08:00"));
    }

    #[test]
    fn dates_are_read_on_the_query_zone_calendar() {
        // "Monday 13 June" in Seoul starts at 15:00 UTC on Sunday.
        let query = SlotQuery::new(vec![seoul()], 60).in_zone(chrono_tz::Asia::Seoul);
        let r = find_slots(&query, DateRange::day(date(2022, 6, 13)), 1).unwrap();
        assert_eq!(r.candidates, 96);
        assert_eq!(r.slots[0].starts_at, "2022-06-12T23:00:00Z");
        assert_eq!(r.slots[0].cities[0].local_start, "08:00");
    }

    #[test]
    fn bad_queries_are_refused_with_their_fields() {
        let mut late = berlin();
        late.work_end = late.work_start;
        let query = SlotQuery::new(vec![seoul(), late], 0).every(15);
        let err = find_slots(
            &query,
            DateRange::new(date(2022, 6, 13), date(2022, 6, 12)),
            0,
        )
        .unwrap_err();
        let fields: Vec<String> = err.issues().into_iter().filter_map(|i| i.field).collect();
        assert_eq!(
            fields,
            ["cities.1.work_end", "duration_minutes", "to", "limit"]
        );
        let long = DateRange::new(date(2022, 1, 1), date(2022, 12, 31));
        let err = find_slots(&SlotQuery::new(vec![seoul()], 60), long, 5).unwrap_err();
        assert_eq!(
            err.to_string(),
            "The number of days in the range must be between 1 and 92."
        );
        let none = find_slots(
            &SlotQuery::new(vec![], 60),
            DateRange::day(date(2022, 6, 13)),
            5,
        );
        assert_eq!(none.unwrap_err().field().as_deref(), Some("cities"));
    }

    const ZONES: [Tz; 8] = [
        chrono_tz::America::Vancouver,
        chrono_tz::America::Toronto,
        chrono_tz::Europe::Lisbon,
        chrono_tz::Europe::Berlin,
        chrono_tz::Africa::Johannesburg,
        chrono_tz::Asia::Singapore,
        chrono_tz::Asia::Seoul,
        chrono_tz::America::St_Johns,
    ];

    /// A city of one of the zones, with hours from 06:00–10:00 to 6–11 hours later and a
    /// random working week.
    fn any_city() -> impl Strategy<Value = SlotCity> {
        (0..ZONES.len(), 6u32..=10, 6u32..=11, 1u8..128, 0u32..4).prop_map(
            |(z, start, length, days, quarter)| {
                let t = |h: u32, m: u32| NaiveTime::from_hms_opt(h, m, 0).unwrap();
                let days: Vec<Weekday> = Weekday::ALL
                    .into_iter()
                    .filter(|d| days & (1 << d.index()) != 0)
                    .collect();
                city(z as u128, &format!("City {z}"), ZONES[z])
                    .with_hours(t(start, 15 * quarter), t((start + length).min(23), 0))
                    .with_days(&days)
            },
        )
    }

    /// Whether the meeting at `t` is inside the city's hours, asked of chrono-tz directly.
    fn inside_by_chrono(city: &SlotCity, t: i64, minutes: i64) -> bool {
        let local = |t: i64| city.city.zone.timestamp_opt(t, 0).unwrap().naive_local();
        let (s, e) = (local(t), local(t + minutes * 60));
        let day = Weekday::ALL[s.weekday().num_days_from_monday() as usize];
        city.working_days.contains(&day)
            && s.time() >= city.work_start
            && e.date() == s.date()
            && e.time() <= city.work_end
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// No ranked slot has fewer cities inside working hours than one ranked below it, the
        /// reasons agree with the counts, and the counts agree with chrono-tz asked slot by slot.
        #[test]
        fn the_ranking_is_ordered_and_its_reasons_agree(
            cities in prop::collection::vec(any_city(), 1..=5),
            first in 0i64..365,
            days in 1i64..=7,
            zone in 0..ZONES.len(),
            duration in 1u32..=12,
            step in prop::sample::select(vec![30u32, 45, 60]),
            limit in 1usize..=60,
        ) {
            let from = date(2022, 1, 1) + chrono::Duration::days(first);
            let range = DateRange::new(from, from + chrono::Duration::days(days - 1));
            let query = SlotQuery::new(cities.clone(), duration * 15)
                .in_zone(ZONES[zone])
                .every(step);
            let r = find_slots(&query, range, limit).unwrap();
            prop_assert_eq!(r.slots.len(), limit.min(r.candidates as usize));
            for (i, s) in r.slots.iter().enumerate() {
                prop_assert_eq!(s.rank as usize, i + 1);
                if let Some(next) = r.slots.get(i + 1) {
                    prop_assert!(s.inside >= next.inside);
                    if s.inside == next.inside {
                        prop_assert!(s.minutes_outside <= next.minutes_outside);
                    }
                }
                let inside = s.cities.iter().filter(|f| f.fit == Fit::Inside).count();
                prop_assert_eq!(inside as u32, s.inside);
                prop_assert_eq!(s.cities.iter().map(|f| f.minutes_outside).sum::<i64>(), s.minutes_outside);
                let head = format!("{} of {} ", s.inside, cities.len());
                prop_assert!(s.why.starts_with(&head), "{}", s.why);
                let t = DateTime::parse_from_rfc3339(&s.starts_at).unwrap().timestamp();
                for (c, f) in cities.iter().zip(&s.cities) {
                    prop_assert_eq!(f.why.ends_with("inside working hours"), f.fit == Fit::Inside);
                    prop_assert_eq!(f.why.contains("not a working day"), f.fit == Fit::OffDay);
                    prop_assert_eq!((f.fit == Fit::Inside) == (f.minutes_outside == 0), true);
                    prop_assert_eq!(inside_by_chrono(c, t, i64::from(duration) * 15), f.fit == Fit::Inside, "{}", f.why);
                }
            }
            // Every start time of the range, counted by chrono-tz: the best `limit` counts.
            let start = ZONES[zone]
                .from_local_datetime(&range.from.and_time(NaiveTime::MIN))
                .earliest()
                .unwrap()
                .timestamp();
            let end = ZONES[zone]
                .from_local_datetime(&(range.to + chrono::Duration::days(1)).and_time(NaiveTime::MIN))
                .earliest()
                .unwrap()
                .timestamp();
            let mut counts: Vec<u32> = (start..end)
                .step_by(step as usize * 60)
                .map(|t| cities.iter().filter(|c| inside_by_chrono(c, t, i64::from(duration) * 15)).count() as u32)
                .collect();
            prop_assert_eq!(counts.len(), r.candidates as usize);
            counts.sort_unstable_by(|a, b| b.cmp(a));
            let ranked: Vec<u32> = r.slots.iter().map(|s| s.inside).collect();
            prop_assert_eq!(&counts[..ranked.len()], &ranked[..]);
        }
    }
}
