//! A city's offset from UTC over the searched range, worked out once. A four-week search over
//! 28 cities asks for about 150,000 local times; chrono-tz would search its transition table for
//! each, whereas the offset only changes at a daylight-saving switch, so the few changes inside
//! the range are found once and every local time is then an addition.

use chrono::{DateTime, Offset, TimeZone};
use chrono_tz::Tz;

/// How far apart the offset is sampled. Every zone's clock changes at most once in six hours;
/// a change and its undoing within one interval (no zone does that) would go unseen.
const SAMPLE_SECONDS: i64 = 6 * 3600;

/// The offsets in force from `from` to `to`: each change with the instant it takes effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Clock {
    /// `(first instant, offset)` in Unix seconds, in time order; the first covers everything
    /// before the second.
    changes: Vec<(i64, i64)>,
}

fn offset_at(zone: Tz, t: i64) -> i64 {
    let utc = DateTime::from_timestamp(t, 0)
        .expect("instants of the programme's era")
        .naive_utc();
    i64::from(zone.offset_from_utc_datetime(&utc).fix().local_minus_utc())
}

impl Clock {
    pub(crate) fn new(zone: Tz, from: i64, to: i64) -> Clock {
        let mut changes = vec![(from, offset_at(zone, from))];
        let mut before = from;
        while before < to {
            let after = (before + SAMPLE_SECONDS).min(to);
            let then = offset_at(zone, after);
            let now = changes.last().expect("one offset at least").1;
            if then != now {
                // The first second with the new offset: it lies in (before, after].
                let (mut lo, mut hi) = (before, after);
                while hi - lo > 1 {
                    let mid = lo + (hi - lo) / 2;
                    if offset_at(zone, mid) == now {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                changes.push((hi, then));
            }
            before = after;
        }
        Clock { changes }
    }

    /// The offset in seconds at `t`.
    pub(crate) fn offset(&self, t: i64) -> i64 {
        let i = self.changes.partition_point(|&(start, _)| start <= t);
        self.changes[i.saturating_sub(1)].1
    }

    /// The wall-clock time at `t`, as Unix seconds of a clock that reads local time.
    pub(crate) fn local(&self, t: i64) -> i64 {
        t + self.offset(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn utc(y: i32, m: u32, d: u32, h: u32) -> i64 {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
            .and_utc()
            .timestamp()
    }

    #[test]
    fn the_switch_is_found_to_the_second_and_agrees_with_chrono_tz() {
        // Berlin went from UTC+1 to UTC+2 at 01:00 UTC on 27 March 2022.
        let (from, to) = (utc(2022, 3, 20, 0), utc(2022, 4, 3, 0));
        let clock = Clock::new(chrono_tz::Europe::Berlin, from, to);
        assert_eq!(
            clock.changes,
            vec![(from, 3600), (utc(2022, 3, 27, 1), 7200)]
        );
        for zone in [
            chrono_tz::Europe::Berlin,
            chrono_tz::America::Vancouver,
            chrono_tz::Asia::Seoul,
            chrono_tz::America::St_Johns,
            chrono_tz::Australia::Lord_Howe,
        ] {
            let (from, to) = (utc(2022, 1, 1, 0), utc(2022, 12, 31, 0));
            let clock = Clock::new(zone, from, to);
            for t in (from..to).step_by(900) {
                assert_eq!(clock.offset(t), offset_at(zone, t), "{zone} at {t}");
            }
        }
    }
}
