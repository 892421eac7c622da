//! What a wall-clock time in a zone names. Usually one instant; on the night clocks go forward
//! the times they jump over name none, and on the night they go back the repeated hour names
//! two. Each caller decides what to do with those (a form refuses the first and warns about
//! the second; a series moves on), so this only says which case it is.

use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::clock_changes::dst_changes;
use crate::DomainError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WallClock {
    Exact(DateTime<Utc>),
    /// Clocks go back over this time: it happens first before the change, then again after.
    Twice {
        first: DateTime<Utc>,
        second: DateTime<Utc>,
        /// The wall-clock times the clocks go back from and to ("03:00" → "02:00").
        from: NaiveDateTime,
        to: NaiveDateTime,
    },
    /// Clocks jump over this time, from `from` straight to `to` (wall clock).
    Skipped {
        from: NaiveDateTime,
        to: NaiveDateTime,
        /// The time read with the offset before the change, as RFC 5545 (iCalendar) reads it:
        /// 02:30 on the night 02:00 becomes 03:00 is 03:30.
        shifted: DateTime<Utc>,
    },
}

impl WallClock {
    /// The instant a calendar keeps: the only one, the first of two, or the shifted one.
    pub fn earliest(self) -> DateTime<Utc> {
        match self {
            WallClock::Exact(t) => t,
            WallClock::Twice { first, .. } => first,
            WallClock::Skipped { shifted, .. } => shifted,
        }
    }
}

/// The problem of `field`, a time `local` that the clocks of `zone` jump over from `from` to
/// `to` (as [`WallClock::Skipped`] says).
pub(crate) fn time_skipped(
    field: &'static str,
    zone: Tz,
    local: NaiveDateTime,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> DomainError {
    DomainError::TimeSkipped {
        field,
        value: local.time(),
        date: local.date(),
        zone: zone.name(),
        from: from.time(),
        to: to.time(),
    }
}

/// The instant(s) `local` names in `zone`.
pub fn resolve(zone: Tz, local: NaiveDateTime) -> WallClock {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => WallClock::Exact(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => {
            let (first, second) = if a <= b { (a, b) } else { (b, a) };
            let (first, second) = (first.with_timezone(&Utc), second.with_timezone(&Utc));
            let (from, to) = match change_near(zone, local) {
                Some((at, before, after)) => (at + before, at + after),
                None => (local, local),
            };
            WallClock::Twice {
                first,
                second,
                from,
                to,
            }
        }
        LocalResult::None => match change_near(zone, local) {
            Some((at, before, after)) => WallClock::Skipped {
                from: at + before,
                to: at + after,
                shifted: DateTime::from_naive_utc_and_offset(local - before, Utc),
            },
            // A gap with no change around it cannot happen; read it as UTC rather than panic.
            None => WallClock::Skipped {
                from: local,
                to: local,
                shifted: DateTime::from_naive_utc_and_offset(local, Utc),
            },
        },
    }
}

/// The change of `zone`'s clocks whose gap or overlap holds `local`: its instant as a naive UTC
/// time, and the offsets before and after as durations.
fn change_near(zone: Tz, local: NaiveDateTime) -> Option<(NaiveDateTime, Duration, Duration)> {
    let guess = DateTime::from_naive_utc_and_offset(local, Utc);
    // Offsets stay within ±26 hours of UTC; two days either side holds the change.
    dst_changes(
        &[zone],
        guess - Duration::days(2),
        guess + Duration::days(2),
    )
    .into_iter()
    .map(|c| {
        (
            c.at.naive_utc(),
            Duration::seconds(c.offset_before.local_minus_utc().into()),
            Duration::seconds(c.offset_after.local_minus_utc().into()),
        )
    })
    .find(|&(at, before, after)| {
        let (a, b) = (at + before, at + after);
        a.min(b) <= local && local < a.max(b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::test_support::{date, utc, PROGRAMME_ZONES};
    use chrono::NaiveTime;
    use chrono_tz::{America, Europe};
    use proptest::prelude::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        date(y, mo, d).and_time(NaiveTime::from_hms_opt(h, mi, 0).unwrap())
    }

    #[test]
    fn a_time_the_clocks_jump_over_is_skipped() {
        let w = resolve(Europe::Berlin, at(2022, 3, 27, 2, 30));
        assert_eq!(
            w,
            WallClock::Skipped {
                from: at(2022, 3, 27, 2, 0),
                to: at(2022, 3, 27, 3, 0),
                shifted: utc(2022, 3, 27, 1, 30),
            }
        );
        let v = resolve(America::Vancouver, at(2022, 3, 13, 2, 15));
        assert!(matches!(v, WallClock::Skipped { from, .. } if from == at(2022, 3, 13, 2, 0)));
    }

    #[test]
    fn a_time_the_clocks_go_back_over_happens_twice() {
        let w = resolve(Europe::Berlin, at(2022, 10, 30, 2, 30));
        assert_eq!(
            w,
            WallClock::Twice {
                first: utc(2022, 10, 30, 0, 30),
                second: utc(2022, 10, 30, 1, 30),
                from: at(2022, 10, 30, 3, 0),
                to: at(2022, 10, 30, 2, 0),
            }
        );
        assert_eq!(w.earliest(), utc(2022, 10, 30, 0, 30));
        assert_eq!(
            resolve(Europe::Berlin, at(2022, 10, 30, 15, 0)),
            WallClock::Exact(utc(2022, 10, 30, 14, 0))
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        /// Any instant, read on a programme city's clock and typed back in, gives the instant
        /// again (or, in the repeated hour, one of its two readings); a clock never shows a
        /// skipped time.
        #[test]
        fn reading_a_clock_and_typing_it_back_gives_the_instant(
            secs in 946_684_800i64..2_145_916_800i64,
            z in 0usize..PROGRAMME_ZONES.len(),
        ) {
            let zone = PROGRAMME_ZONES[z];
            let instant = DateTime::from_timestamp(secs - secs % 60, 0).unwrap();
            let local = instant.with_timezone(&zone).naive_local();
            match resolve(zone, local) {
                WallClock::Exact(t) => prop_assert_eq!(t, instant),
                WallClock::Twice { first, second, .. } => {
                    prop_assert!(first == instant || second == instant);
                    prop_assert!(first < second);
                }
                WallClock::Skipped { .. } => prop_assert!(false, "a clock showed a skipped time"),
            }
        }
    }
}
