//! Daylight-saving changes (and any other change of a zone's UTC offset) between two instants.
//!
//! chrono-tz answers "what is the offset at this instant" but has no list of transitions, so we
//! sample the offset every hour and, where it differs, bisect to the second. No zone of the
//! programme changes its offset twice within an hour, so hourly sampling misses nothing; a year
//! of one zone is under 9,000 look-ups.

use chrono::{DateTime, Duration, FixedOffset, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// One change of a zone's clocks: from `at` on, the zone is `offset_after` from UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DstChange {
    pub zone: Tz,
    /// The first instant of the new offset.
    pub at: DateTime<Utc>,
    pub offset_before: FixedOffset,
    pub offset_after: FixedOffset,
}

impl DstChange {
    /// How far the clocks move, in minutes: positive when they go forward.
    pub fn shift_minutes(&self) -> i32 {
        (self.offset_after.local_minus_utc() - self.offset_before.local_minus_utc()) / 60
    }

    /// The local date of the change in its zone (the night it happens, as people say it).
    pub fn local_date(&self) -> chrono::NaiveDate {
        self.at.with_timezone(&self.offset_before).date_naive()
    }
}

pub(crate) fn offset_at(zone: Tz, t: DateTime<Utc>) -> FixedOffset {
    zone.offset_from_utc_datetime(&t.naive_utc()).fix()
}

/// Every change of any of `zones` after `from` and up to `to` (both UTC), in time order (zones
/// in the order given when two change at the same instant). A zone given twice counts once.
pub fn dst_changes(zones: &[Tz], from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<DstChange> {
    let mut seen: Vec<Tz> = Vec::new();
    let mut out = Vec::new();
    for &zone in zones {
        if seen.contains(&zone) {
            continue;
        }
        seen.push(zone);
        changes_of(zone, from, to, &mut out);
    }
    // Stable: zones keep their given order at the same instant.
    out.sort_by_key(|c| c.at);
    out
}

fn changes_of(zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>, out: &mut Vec<DstChange>) {
    let step = Duration::hours(1);
    let mut t = from;
    let mut offset = offset_at(zone, t);
    while t < to {
        let next = (t + step).min(to);
        let next_offset = offset_at(zone, next);
        if next_offset != offset {
            // The offset is `offset` at `lo` and something else at `hi`: halve to the second.
            let (mut lo, mut hi) = (t, next);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if offset_at(zone, mid) == offset {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            out.push(DstChange {
                zone,
                at: hi,
                offset_before: offset,
                offset_after: offset_at(zone, hi),
            });
        }
        t = next;
        offset = next_offset;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::test_support::{date, utc};
    use chrono_tz::{Africa, America, Asia, Europe};

    #[test]
    fn the_eu_and_canada_switch_on_different_sundays_and_the_others_do_not() {
        let zones = [
            Europe::Berlin,
            America::Vancouver,
            Asia::Seoul,
            Asia::Taipei,
            Asia::Singapore,
            Asia::Hong_Kong,
            Africa::Johannesburg,
        ];
        let year = dst_changes(&zones, utc(2022, 1, 1, 0, 0), utc(2023, 1, 1, 0, 0));
        let seen: Vec<(&str, DateTime<Utc>, i32)> = year
            .iter()
            .map(|c| (c.zone.name(), c.at, c.shift_minutes()))
            .collect();
        assert_eq!(
            seen,
            [
                // 02:00 PST → 03:00 PDT
                ("America/Vancouver", utc(2022, 3, 13, 10, 0), 60),
                // 02:00 CET → 03:00 CEST, at 01:00 UTC like the whole EU
                ("Europe/Berlin", utc(2022, 3, 27, 1, 0), 60),
                ("Europe/Berlin", utc(2022, 10, 30, 1, 0), -60),
                // 02:00 PDT → 01:00 PST
                ("America/Vancouver", utc(2022, 11, 6, 9, 0), -60),
            ]
        );
        assert_eq!(year[0].local_date(), date(2022, 3, 13));
        assert_eq!(year[3].local_date(), date(2022, 11, 6));
        assert_eq!(year[3].offset_before.local_minus_utc(), -7 * 3600);
        assert_eq!(year[3].offset_after.local_minus_utc(), -8 * 3600);
    }

    #[test]
    fn the_window_is_after_from_and_up_to_to() {
        let at = utc(2022, 3, 27, 1, 0);
        let z = [Europe::Berlin, Europe::Berlin];
        assert_eq!(dst_changes(&z, at, utc(2022, 4, 1, 0, 0)).len(), 0);
        assert_eq!(dst_changes(&z, utc(2022, 3, 1, 0, 0), at).len(), 1);
        assert_eq!(
            dst_changes(&z, utc(2022, 3, 1, 0, 0), at - Duration::seconds(1)).len(),
            0
        );
    }
}
