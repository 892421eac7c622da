//! Local times across zones. A session is planned in the host city's wall-clock time; the
//! delegation reads it in its own.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

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
