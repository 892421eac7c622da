//! A series of meetings (the cities of a cluster meeting monthly, say), each to be held in its
//! own date range: one slot for each, among the best of its range for cities inside working
//! hours, chosen so that the early, late and day-off hours go round the cities instead of
//! falling on the same one every time.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fair::{choose, Burden, BUDGET};
use super::fit::Fit;
use super::query::{add, in_meetings, DateRange, SlotQuery, MAX_CITIES, MAX_MEETINGS};
use super::rank::{best_first, cities_words, Board, RankedSlot};
use crate::text::{and_list, ordinal};
use crate::{DomainError, Id};

/// One meeting of the series and the slot chosen for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlannedMeeting {
    /// `YYYY-MM-DD`, the range the meeting was to be held in.
    pub from: String,
    pub to: String,
    /// The most cities any slot of the range has inside working hours.
    pub best_inside: u32,
    /// The chosen slot; its rank is its place in its range's own ranking.
    pub slot: RankedSlot,
    /// Why this slot, e.g. "3 of 4 cities inside working hours, the most the range allows;
    /// outside: Vancouver (1 h early), its 2nd meeting of 4 outside working hours."
    pub why: String,
}

/// How often the series asks a city to meet outside its working hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CityBurden {
    pub city: Id,
    pub name: String,
    /// Meetings outside working hours, and of those how many early, late or on a day off.
    pub outside: u32,
    pub early: u32,
    pub late: u32,
    pub off_day: u32,
    #[ts(type = "number")]
    pub minutes_outside: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SeriesPlan {
    /// In the order the ranges were given.
    pub meetings: Vec<PlannedMeeting>,
    /// Every city, in the order they were given.
    pub burden: Vec<CityBurden>,
    /// The most meetings outside working hours for any one city.
    pub most_outside: u32,
    /// The search compared every choice: none spreads the inconvenient hours more evenly.
    pub proven_fairest: bool,
    pub why: String,
}

pub(crate) fn check_tolerance(tolerance: u32) -> Result<(), DomainError> {
    if tolerance <= MAX_CITIES as u32 {
        Ok(())
    } else {
        Err(DomainError::OutOfRange {
            field: "tolerance",
            label: "The cities a slot may have fewer inside than the best",
            min: 0,
            max: MAX_CITIES as u32,
        })
    }
}

/// One slot for each range of `meetings`. A meeting's slot has at least as many cities inside
/// working hours as the best of its range less `tolerance` (0: only the best); among those, the
/// choice gives the city with the most meetings outside working hours as few as possible, then
/// the fewest city-meetings outside in all, then the fewest minutes outside (see `fair`). Two
/// choices equally fair go to the better-ranked slots.
pub fn plan_series(
    query: &SlotQuery,
    meetings: &[DateRange],
    tolerance: u32,
) -> Result<SeriesPlan, DomainError> {
    let mut problems = Vec::new();
    if let Err(e) = query.check() {
        add(&mut problems, e);
    }
    if meetings.is_empty() {
        problems.push(DomainError::Required {
            field: "meetings",
            label: "Meetings",
        });
    } else if meetings.len() > MAX_MEETINGS {
        problems.push(DomainError::OutOfRange {
            field: "meetings",
            label: "The number of meetings",
            min: 1,
            max: MAX_MEETINGS as u32,
        });
    }
    for (i, range) in meetings.iter().enumerate() {
        if let Err(e) = range.check() {
            problems.push(in_meetings(i, e));
        }
    }
    if let Err(e) = check_tolerance(tolerance) {
        problems.push(e);
    }
    DomainError::collect(problems)?;

    let n = query.cities.len();
    let boards: Vec<Board> = meetings.iter().map(|r| Board::new(query, *r)).collect();
    let mut rankings = Vec::with_capacity(meetings.len());
    let mut offered = Vec::with_capacity(meetings.len());
    for board in &boards {
        let mut all = board.candidates();
        all.sort_unstable_by(best_first);
        let best = all[0].inside;
        // The ranking's first slots, down to the tolerance: their order is the ranking's.
        let eligible = all
            .iter()
            .take_while(|c| c.inside + tolerance >= best)
            .count();
        offered.push(
            all[..eligible]
                .iter()
                .map(|c| Burden {
                    outside: c.outside,
                    minutes: c.minutes,
                })
                .collect::<Vec<_>>(),
        );
        rankings.push(all);
    }
    let choice = choose(n, &offered, BUDGET);

    let mut burden: Vec<CityBurden> = query
        .cities
        .iter()
        .map(|c| CityBurden {
            city: c.city.id,
            name: c.city.name.clone(),
            outside: 0,
            early: 0,
            late: 0,
            off_day: 0,
            minutes_outside: 0,
        })
        .collect();
    let k = meetings.len() as u32;
    let mut planned = Vec::with_capacity(meetings.len());
    for (i, ((board, all), &pick)) in boards.iter().zip(&rankings).zip(&choice.picks).enumerate() {
        let best = all[0].inside;
        let above = pick.checked_sub(1).map(|j| &all[j]);
        let (slot, words) = board.slot_and_words(&all[pick], pick as u32 + 1, above);
        let mut outside = Vec::new();
        for ((b, f), how) in burden.iter_mut().zip(&slot.cities).zip(words) {
            let Some(how) = how else { continue };
            b.outside += 1;
            b.minutes_outside += f.minutes_outside;
            match f.fit {
                Fit::Early => b.early += 1,
                Fit::Late => b.late += 1,
                _ => b.off_day += 1,
            }
            outside.push(format!(
                "{} ({how}; its {} meeting of {k} outside working hours)",
                f.name,
                ordinal(b.outside as usize)
            ));
        }
        let mut why = format!(
            "{} of {} inside working hours, {}",
            slot.inside,
            cities_words(n as u32),
            if slot.inside == best {
                "the most the range allows".to_string()
            } else {
                format!(
                    "{} fewer than the range's best ({best}), to spread the inconvenient hours",
                    best - slot.inside
                )
            }
        );
        if !outside.is_empty() {
            why.push_str("; outside: ");
            why.push_str(&outside.join(", "));
        }
        if pick > 0 {
            // Only a fairer series makes the choice pass over a better-ranked slot.
            why.push_str(". Chosen over #1 of its range to spread the inconvenient hours");
        }
        why.push('.');
        planned.push(PlannedMeeting {
            from: meetings[i].from.format("%Y-%m-%d").to_string(),
            to: meetings[i].to.format("%Y-%m-%d").to_string(),
            best_inside: best,
            slot,
            why,
        });
    }
    let (most, total, _) = choice.unfairness;
    let why = if most == 0 {
        "Every city is inside its working hours in every meeting.".to_string()
    } else {
        let names: Vec<&str> = burden
            .iter()
            .filter(|b| b.outside == most)
            .map(|b| b.name.as_str())
            .collect();
        format!(
            "At most {most} of the {k} meetings {} outside a city's working hours ({}); {total} city-meetings outside in all. {}",
            if most == 1 { "falls" } else { "fall" },
            and_list(&names),
            if choice.exhaustive {
                "No other choice of slots spreads them more evenly."
            } else {
                "The search stopped before comparing every choice; this is the most even spread it found."
            }
        )
    };
    Ok(SeriesPlan {
        meetings: planned,
        burden,
        most_outside: most,
        proven_fairest: choice.exhaustive,
        why,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slots::test_support::{city, date};
    use crate::slots::{find_slots, SlotCity, MAX_LIMIT};
    use chrono_tz::Tz;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    fn week(m: u32, d: u32) -> DateRange {
        let from = date(2022, m, d);
        DateRange::new(from, from + chrono::Duration::days(6))
    }

    #[test]
    fn the_inconvenient_hour_goes_round_berlin_vancouver_and_seoul() {
        let query = SlotQuery::new(
            vec![
                city(1, "Berlin", chrono_tz::Europe::Berlin),
                city(2, "Vancouver", chrono_tz::America::Vancouver),
                city(3, "Seoul", chrono_tz::Asia::Seoul),
            ],
            60,
        );
        // A monthly meeting, in the second week of each month.
        let weeks = [week(6, 13), week(7, 11), week(8, 8), week(9, 12)];
        // Taken alone, each month's best slot has Berlin start at 03:00.
        for w in weeks {
            let best = &find_slots(&query, w, 1).unwrap().slots[0];
            assert_eq!(best.cities[0].why[..10], *"Berlin Tue");
            assert!(best.cities[0].why.ends_with("5 h early"));
        }
        let plan = plan_series(&query, &weeks, 0).unwrap();
        assert!(plan.proven_fairest);
        assert_eq!(plan.most_outside, 2);
        let outside: Vec<(&str, u32)> = plan
            .burden
            .iter()
            .map(|b| (b.name.as_str(), b.outside))
            .collect();
        // Seoul's turn would cost 7 h of night; Berlin's early and Vancouver's late 5 h each.
        assert_eq!(outside, [("Berlin", 2), ("Vancouver", 2), ("Seoul", 0)]);
        assert_eq!((plan.burden[0].early, plan.burden[1].late), (2, 2));
        assert_eq!(
            plan.burden.iter().map(|b| b.minutes_outside).sum::<i64>(),
            4 * 300
        );
        assert!(plan
            .meetings
            .iter()
            .all(|m| m.best_inside == 2 && m.slot.inside == 2));
        assert_eq!(
            plan.why,
            "At most 2 of the 4 meetings fall outside a city's working hours (Berlin and Vancouver); 4 city-meetings outside in all. No other choice of slots spreads them more evenly."
        );
        let first = &plan.meetings[0];
        assert_eq!(
            (first.from.as_str(), first.to.as_str()),
            ("2022-06-13", "2022-06-19")
        );
        assert_eq!(
            first.why,
            "2 of 3 cities inside working hours, the most the range allows; outside: Berlin (5 h early; its 1st meeting of 4 outside working hours)."
        );
        let moved = plan.meetings.iter().find(|m| m.slot.rank > 1).unwrap();
        assert!(moved.why.contains("Vancouver (5 h late; its "));
        assert!(moved
            .why
            .ends_with("Chosen over #1 of its range to spread the inconvenient hours."));
    }

    #[test]
    fn a_tolerance_lets_a_meeting_give_up_one_city_to_spare_another() {
        // Three hours, in summer. Only Berlin, Johannesburg and Seoul share three working
        // hours (06:00–10:00 UTC), so the best slot of every month leaves Vancouver out; the
        // only three hours Vancouver shares are with Seoul (23:00–02:00 UTC).
        let query = SlotQuery::new(
            vec![
                city(1, "Berlin", chrono_tz::Europe::Berlin),
                city(2, "Johannesburg", chrono_tz::Africa::Johannesburg),
                city(3, "Seoul", chrono_tz::Asia::Seoul),
                city(4, "Vancouver", chrono_tz::America::Vancouver),
            ],
            180,
        );
        let weeks = [week(6, 13), week(7, 11), week(8, 8)];
        let strict = plan_series(&query, &weeks, 0).unwrap();
        assert_eq!(strict.most_outside, 3);
        assert_eq!(strict.burden[3].outside, 3);
        assert!(strict.why.starts_with(
            "At most 3 of the 3 meetings fall outside a city's working hours (Vancouver)"
        ));

        let loose = plan_series(&query, &weeks, 1).unwrap();
        assert!(loose.proven_fairest);
        assert_eq!(loose.most_outside, 2);
        let outside: Vec<u32> = loose.burden.iter().map(|b| b.outside).collect();
        assert_eq!(outside, [1, 1, 0, 2]);
        let given_up: Vec<&PlannedMeeting> = loose
            .meetings
            .iter()
            .filter(|m| m.slot.inside == 2)
            .collect();
        assert_eq!(given_up.len(), 1);
        assert!(given_up[0].why.starts_with(
            "2 of 4 cities inside working hours, 1 fewer than the range's best (3), to spread the inconvenient hours; outside: Berlin ("
        ));
        for m in &loose.meetings {
            assert!(m.slot.inside + 1 >= m.best_inside);
        }
    }

    #[test]
    fn bad_meetings_are_refused_with_their_fields() {
        let query = SlotQuery::new(vec![city(1, "Seoul", chrono_tz::Asia::Seoul)], 60);
        let backwards = DateRange::new(date(2022, 6, 13), date(2022, 6, 1));
        let err = plan_series(&query, &[week(6, 13), backwards], 99).unwrap_err();
        let fields: Vec<String> = err.issues().into_iter().filter_map(|i| i.field).collect();
        assert_eq!(fields, ["meetings.1.to", "tolerance"]);
        assert_eq!(
            plan_series(&query, &[], 0).unwrap_err().field().as_deref(),
            Some("meetings")
        );
    }

    const ZONES: [Tz; 6] = [
        chrono_tz::America::Vancouver,
        chrono_tz::America::Toronto,
        chrono_tz::Europe::Berlin,
        chrono_tz::Africa::Johannesburg,
        chrono_tz::Asia::Singapore,
        chrono_tz::Asia::Seoul,
    ];

    /// The sets of cities outside working hours that the slots within the tolerance offer.
    fn offered(query: &SlotQuery, range: DateRange, tolerance: u32) -> Vec<u64> {
        let r = find_slots(query, range, MAX_LIMIT).unwrap();
        let sets: BTreeSet<u64> = r
            .slots
            .iter()
            .filter(|s| s.inside + tolerance >= r.best_inside)
            .map(|s| {
                s.cities
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.fit != Fit::Inside)
                    .fold(0, |set, (i, _)| set | 1 << i)
            })
            .collect();
        sets.into_iter().collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        /// With real clocks: every meeting's slot is within the tolerance of its range's best,
        /// and when some choice leaves no city outside working hours in every meeting, the
        /// plan's does too (every choice counted by brute force); the most-loaded city carries
        /// no more than in the fairest choice.
        #[test]
        fn the_plan_is_within_tolerance_and_as_fair_as_brute_force(
            zones in prop::collection::vec(0..ZONES.len(), 2..=4),
            starts in prop::collection::vec(0i64..330, 1..=3),
            days in 1i64..=2,
            tolerance in 0u32..=1,
        ) {
            let cities: Vec<SlotCity> = zones
                .iter()
                .enumerate()
                .map(|(i, &z)| city(i as u128, &format!("City {i}"), ZONES[z]))
                .collect();
            let query = SlotQuery::new(cities, 60).every(60);
            let ranges: Vec<DateRange> = starts
                .iter()
                .map(|&s| {
                    let from = date(2022, 1, 1) + chrono::Duration::days(s);
                    DateRange::new(from, from + chrono::Duration::days(days - 1))
                })
                .collect();
            let plan = plan_series(&query, &ranges, tolerance).unwrap();
            prop_assert!(plan.proven_fairest);
            for m in &plan.meetings {
                prop_assert!(m.slot.inside + tolerance >= m.best_inside);
            }
            let k = ranges.len() as u32;
            let n = zones.len();
            let options: Vec<Vec<u64>> = ranges.iter().map(|r| offered(&query, *r, tolerance)).collect();
            let mut fewest_most = u32::MAX;
            let mut picks = vec![0usize; options.len()];
            loop {
                let most = (0..n)
                    .map(|c| options.iter().zip(&picks).filter(|(o, &p)| o[p] & (1 << c) != 0).count() as u32)
                    .max()
                    .unwrap();
                fewest_most = fewest_most.min(most);
                // The next choice, as an odometer.
                let mut i = 0;
                while i < picks.len() {
                    picks[i] += 1;
                    if picks[i] < options[i].len() {
                        break;
                    }
                    picks[i] = 0;
                    i += 1;
                }
                if i == picks.len() {
                    break;
                }
            }
            prop_assert_eq!(plan.most_outside, fewest_most);
            if fewest_most < k {
                prop_assert!(plan.burden.iter().all(|b| b.outside < k), "{}", plan.why);
            }
        }
    }
}
