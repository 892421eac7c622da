//! Local times across zones. A session is planned in the host city's wall-clock time; the
//! delegation reads it in its own.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The zone an IANA name (`Asia/Seoul`) names, white space around it ignored; `None` when this
/// build does not know it. Every zone a person typed or a record keeps is read here.
pub(crate) fn zone_named(name: &str) -> Option<Tz> {
    name.trim().parse().ok()
}

/// A day of the week, as a city's working days and a series' rule name it; serialised
/// `"monday"` … `"sunday"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// Monday first, as the programme's calendars print the week.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];
    /// Monday to Friday: the default working week.
    pub const WEEKDAYS: [Weekday; 5] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
    ];

    /// 0 for Monday … 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn label(self) -> &'static str {
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][self.index()]
    }

    /// Three letters, as a slot's reasons show the local day.
    pub fn short(self) -> &'static str {
        &self.label()[..3]
    }

    /// The same day as chrono names it.
    pub fn chrono(self) -> chrono::Weekday {
        match self {
            Weekday::Monday => chrono::Weekday::Mon,
            Weekday::Tuesday => chrono::Weekday::Tue,
            Weekday::Wednesday => chrono::Weekday::Wed,
            Weekday::Thursday => chrono::Weekday::Thu,
            Weekday::Friday => chrono::Weekday::Fri,
            Weekday::Saturday => chrono::Weekday::Sat,
            Weekday::Sunday => chrono::Weekday::Sun,
        }
    }
}

/// The same instant on a clock in `to`, and how many days that is before (−) or after (+) the
/// host's date. A wall-clock time that does not exist in `from` (skipped by a daylight-saving
/// change) is read as the instant just after the gap, as clocks show it.
pub fn convert(date: NaiveDate, time: NaiveTime, from: Tz, to: Tz) -> (NaiveDateTime, i64) {
    let local = date.and_time(time);
    let instant = from
        .from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            from.from_local_datetime(&(local + chrono::Duration::hours(1)))
                .earliest()
        })
        .map(|t| t.with_timezone(&to).naive_local())
        .unwrap_or(local);
    let offset = (instant.date() - date).num_days();
    (instant, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_agree_with_chrono_and_serialise_by_name() {
        for (i, d) in Weekday::ALL.into_iter().enumerate() {
            assert_eq!(d.index(), i);
            assert_eq!(d.chrono().num_days_from_monday() as usize, i);
        }
        assert_eq!(Weekday::Saturday.short(), "Sat");
        assert_eq!(
            serde_json::to_value(Weekday::Wednesday).unwrap(),
            "wednesday"
        );
    }

    #[test]
    fn zones_are_read_by_their_iana_name() {
        assert_eq!(zone_named(" Asia/Seoul "), Some(chrono_tz::Asia::Seoul));
        assert_eq!(zone_named("Mars/Olympus"), None);
        assert_eq!(zone_named(""), None);
    }

    #[test]
    fn porto_morning_is_durban_afternoon_and_seoul_evening() {
        let d = NaiveDate::from_ymd_opt(2022, 6, 13).unwrap();
        let t = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        let (durban, off) = convert(
            d,
            t,
            chrono_tz::Europe::Lisbon,
            chrono_tz::Africa::Johannesburg,
        );
        assert_eq!(durban.time(), NaiveTime::from_hms_opt(10, 0, 0).unwrap());
        assert_eq!(off, 0);
        let late = NaiveTime::from_hms_opt(20, 0, 0).unwrap();
        let (seoul, off) = convert(d, late, chrono_tz::Europe::Lisbon, chrono_tz::Asia::Seoul);
        assert_eq!(seoul.time(), NaiveTime::from_hms_opt(4, 0, 0).unwrap());
        assert_eq!(off, 1);
        let (vancouver, off) = convert(d, t, chrono_tz::Asia::Seoul, chrono_tz::America::Vancouver);
        assert_eq!(vancouver.time(), NaiveTime::from_hms_opt(17, 0, 0).unwrap());
        assert_eq!(off, -1);
    }
}
