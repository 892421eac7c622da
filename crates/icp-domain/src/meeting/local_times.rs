//! A meeting in every participating city's local time, with the day marked when it is not the
//! planner's (+1 in Seoul for an evening meeting in Berlin, −1 in Vancouver for a morning one
//! in Seoul).

use chrono::{DateTime, Duration, NaiveDateTime, Offset, Utc};
use chrono_tz::{OffsetName, Tz};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::record::Meeting;
use crate::{CityZone, Id};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LocalTime {
    pub city: Id,
    pub name: String,
    /// IANA name.
    pub zone: String,
    /// What the zone's clocks are called then ("CEST", "PDT", "KST"); empty when the zone has
    /// no abbreviation, only a number.
    pub abbreviation: String,
    /// Wall clock there (`2022-03-21T07:00:00`).
    #[ts(type = "string")]
    pub start: NaiveDateTime,
    #[ts(type = "string")]
    pub end: NaiveDateTime,
    /// The start's local date minus the planner's: −1, 0 or +1 (±2 is possible only between
    /// zones more than a day apart, which the programme has not).
    #[ts(type = "number")]
    pub day_offset: i64,
    /// At the start.
    pub utc_offset_minutes: i32,
}

/// The meeting starting at `start` and lasting `duration_minutes`, on each city's clock, with
/// the day compared with the planner's date in `planned_zone`.
pub fn local_times(
    start: DateTime<Utc>,
    duration_minutes: u32,
    planned_zone: Tz,
    cities: &[CityZone],
) -> Vec<LocalTime> {
    let end = start + Duration::minutes(i64::from(duration_minutes));
    let planner_date = start.with_timezone(&planned_zone).date_naive();
    cities
        .iter()
        .map(|c| {
            let local = start.with_timezone(&c.zone);
            let offset = local.offset();
            LocalTime {
                city: c.id,
                name: c.name.clone(),
                zone: c.zone.name().to_string(),
                abbreviation: offset
                    .abbreviation()
                    .filter(|a| !a.starts_with(['+', '-']))
                    .unwrap_or("")
                    .to_string(),
                start: local.naive_local(),
                end: end.with_timezone(&c.zone).naive_local(),
                day_offset: (local.date_naive() - planner_date).num_days(),
                utc_offset_minutes: offset.fix().local_minus_utc() / 60,
            }
        })
        .collect()
}

impl Meeting {
    /// [`local_times`] of this meeting, the day compared with its planner's. A meeting whose
    /// zone is unknown (never once validated) is compared with UTC's date.
    pub fn local_times(&self, cities: &[CityZone]) -> Vec<LocalTime> {
        local_times(
            self.start,
            self.duration_minutes,
            self.zone().unwrap_or(chrono_tz::UTC),
            cities,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::test_support::{city, four_cities, utc, PROGRAMME_ZONES};
    use chrono_tz::{America, Asia, Europe};
    use proptest::prelude::*;

    /// A meeting planned in Berlin on the four cities' clocks, as the window shows them: "Seoul
    /// 23:00–00:30 KST", with "+1" or "-1" after it when the day is not Berlin's.
    fn from_berlin(start: DateTime<Utc>, minutes: u32) -> String {
        local_times(start, minutes, Europe::Berlin, &four_cities())
            .iter()
            .map(|t| {
                let day = match t.day_offset {
                    0 => String::new(),
                    d => format!(" {d:+}"),
                };
                format!(
                    "{} {}–{} {}{day}",
                    t.name,
                    t.start.format("%H:%M"),
                    t.end.format("%H:%M"),
                    t.abbreviation
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    #[test]
    fn berlin_meeting_in_the_spring_weeks_canada_has_switched_and_the_eu_not() {
        // Monday 21 March 2022, 15:00 in Berlin: Vancouver has been on PDT since 13 March,
        // Berlin stays on CET until 27 March. Usually 9 hours apart, now 8.
        let start = utc(2022, 3, 21, 14, 0);
        assert_eq!(
            from_berlin(start, 90),
            "Berlin 15:00–16:30 CET, Vancouver 07:00–08:30 PDT, Seoul 23:00–00:30 KST, \
             Johannesburg 16:00–17:30 SAST"
        );
        let t = local_times(start, 90, Europe::Berlin, &four_cities());
        assert_eq!(
            t.iter().map(|x| x.utc_offset_minutes).collect::<Vec<_>>(),
            [60, -420, 540, 120]
        );
        // A week later Berlin is on CEST: the same 15:00 is 06:00 in Vancouver again, and an
        // hour earlier in Seoul and Johannesburg, which never switch.
        assert_eq!(
            from_berlin(utc(2022, 3, 28, 13, 0), 90),
            "Berlin 15:00–16:30 CEST, Vancouver 06:00–07:30 PDT, Seoul 22:00–23:30 KST, \
             Johannesburg 15:00–16:30 SAST"
        );
        // And a week before Canada switched, the usual 9 hours.
        assert!(from_berlin(utc(2022, 3, 7, 14, 0), 60).contains("Vancouver 06:00–07:00 PST"));
    }

    #[test]
    fn berlin_meeting_in_the_autumn_week_the_eu_has_switched_back_and_canada_not() {
        // Wednesday 2 November 2022: Berlin back on CET since 30 October, Vancouver on PDT
        // until 6 November.
        assert_eq!(
            from_berlin(utc(2022, 11, 2, 14, 0), 60),
            "Berlin 15:00–16:00 CET, Vancouver 07:00–08:00 PDT, Seoul 23:00–00:00 KST, \
             Johannesburg 16:00–17:00 SAST"
        );
        assert!(from_berlin(utc(2022, 11, 9, 14, 0), 60).contains("Vancouver 06:00–07:00 PST"));
    }

    #[test]
    fn a_meeting_at_23_30_utc_is_on_the_right_local_day_everywhere() {
        let mut cities = four_cities();
        cities.extend([
            city(5, "Toronto", America::Toronto),
            city(6, "Taichung", Asia::Taipei),
            city(7, "Singapore", Asia::Singapore),
            city(8, "Hong Kong", Asia::Hong_Kong),
        ]);
        let days = |start, zone| {
            local_times(start, 60, zone, &cities)
                .into_iter()
                .map(|t| (t.name, t.start.format("%d %H:%M").to_string(), t.day_offset))
                .collect::<Vec<_>>()
        };
        let expect = |rows: [(&str, &str, i64); 8]| {
            rows.map(|(n, s, d)| (n.to_string(), s.to_string(), d))
                .to_vec()
        };
        // Planned in UTC on Monday 21 March 2022.
        assert_eq!(
            days(utc(2022, 3, 21, 23, 30), chrono_tz::UTC),
            expect([
                ("Berlin", "22 00:30", 1),
                ("Vancouver", "21 16:30", 0),
                ("Seoul", "22 08:30", 1),
                ("Johannesburg", "22 01:30", 1),
                ("Toronto", "21 19:30", 0),
                ("Taichung", "22 07:30", 1),
                ("Singapore", "22 07:30", 1),
                ("Hong Kong", "22 07:30", 1),
            ])
        );
        // The same instant planned from Seoul (Tuesday 08:30): the Americas are a day behind.
        assert_eq!(
            days(utc(2022, 3, 21, 23, 30), Asia::Seoul),
            expect([
                ("Berlin", "22 00:30", 0),
                ("Vancouver", "21 16:30", -1),
                ("Seoul", "22 08:30", 0),
                ("Johannesburg", "22 01:30", 0),
                ("Toronto", "21 19:30", -1),
                ("Taichung", "22 07:30", 0),
                ("Singapore", "22 07:30", 0),
                ("Hong Kong", "22 07:30", 0),
            ])
        );
        // In summer Berlin is UTC+2: 23:30 UTC is 01:30 on the next day.
        let summer = days(utc(2022, 7, 4, 23, 30), chrono_tz::UTC);
        assert_eq!(summer[0], ("Berlin".into(), "05 01:30".into(), 1));
        assert_eq!(summer[1], ("Vancouver".into(), "04 16:30".into(), 0));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Every local time, less its offset, is the meeting's instant; its day offset is the
        /// difference of the local dates.
        #[test]
        fn local_times_lead_back_to_the_same_instant(
            secs in 946_684_800i64..2_145_916_800i64,
            minutes in 1u32..=1440,
            planner in 0usize..PROGRAMME_ZONES.len(),
        ) {
            let start = DateTime::from_timestamp(secs, 0).unwrap();
            let cities: Vec<CityZone> = PROGRAMME_ZONES
                .iter()
                .enumerate()
                .map(|(i, z)| city(i as u128 + 1, z.name(), *z))
                .collect();
            let zone = PROGRAMME_ZONES[planner];
            let planner_date = start.with_timezone(&zone).date_naive();
            for t in local_times(start, minutes, zone, &cities) {
                let offset = Duration::minutes(t.utc_offset_minutes.into());
                prop_assert_eq!(t.start - offset, start.naive_utc());
                prop_assert_eq!(t.day_offset, (t.start.date() - planner_date).num_days());
                prop_assert!((-1..=1).contains(&t.day_offset));
            }
        }
    }
}
