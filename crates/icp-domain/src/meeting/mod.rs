//! Meetings of every kind the programme holds (cluster meetings, pairing meetings, open online
//! events, working meetings, the closing conference), series of them, and the time rules that
//! let every participating city read a meeting in its own local time.
//!
//! A meeting is stored as a UTC instant plus the zone it was planned in (DESIGN §7): the instant
//! is what happens, the zone is how the planner typed it and how the form shows it again. A
//! series keeps its wall-clock time in its zone, so its UTC instants move when that zone's
//! clocks change, and the other cities' local times move when theirs do; the warnings say so.
//!
//! One file an idea: `record` (the meeting and its parts), `input` (the planner's form, wall
//! clock → instant), `wall_clock` (what a wall-clock time names around a clock change),
//! `link` (the online link), `local_times`, `clock_changes` (finding daylight-saving changes),
//! `warnings`, `series`. A participating city and its zone is [`CityZone`], which the slot
//! finder shares; the days of a series' rule are [`Weekday`]s, which it shares too.

mod clock_changes;
mod input;
mod link;
mod local_times;
mod record;
mod series;
mod wall_clock;
mod warnings;

pub use crate::time::Weekday;
pub use crate::CityZone;
pub use clock_changes::{dst_changes, DstChange};
pub use input::MeetingInput;
pub use local_times::{local_times, LocalTime};
pub use record::{
    ActionItem, ActionStatus, AgendaItem, Attendee, BelongsTo, Meeting, MeetingKind, MeetingRefs,
    DURATION_MAX_MINUTES,
};
pub use series::{
    MeetingSeries, MovedOccurrence, Occurrence, SeriesRule, WeekOfMonth, OCCURRENCES_MAX,
};
pub use wall_clock::{resolve, WallClock};
pub use warnings::{meeting_warnings, series_warnings, MeetingWarning};

#[cfg(test)]
pub(crate) mod test_support {
    //! Cities and dates the tests of this module share.

    use chrono::{DateTime, NaiveDate, TimeZone, Utc};
    use chrono_tz::Tz;

    use crate::{CityZone, Id};

    pub fn city(n: u128, name: &str, zone: Tz) -> CityZone {
        CityZone::new(Id::from_parts(1, n), name, zone)
    }

    /// Berlin, Vancouver, Seoul and Johannesburg: the EU and Canada switch on different
    /// Sundays, Korea and South Africa don't switch.
    pub fn four_cities() -> Vec<CityZone> {
        vec![
            city(1, "Berlin", chrono_tz::Europe::Berlin),
            city(2, "Vancouver", chrono_tz::America::Vancouver),
            city(3, "Seoul", chrono_tz::Asia::Seoul),
            city(4, "Johannesburg", chrono_tz::Africa::Johannesburg),
        ]
    }

    pub fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    pub fn date(y: i32, mo: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, mo, d).unwrap()
    }

    /// The zones of the programme's cities (and a half-hour one, St John's, to keep the
    /// arithmetic honest).
    pub const PROGRAMME_ZONES: [Tz; 16] = [
        chrono_tz::Europe::Berlin,
        chrono_tz::Europe::Lisbon,
        chrono_tz::Europe::Athens,
        chrono_tz::Europe::Dublin,
        chrono_tz::Europe::Helsinki,
        chrono_tz::America::Vancouver,
        chrono_tz::America::Toronto,
        chrono_tz::America::Halifax,
        chrono_tz::America::St_Johns,
        chrono_tz::America::Regina,
        chrono_tz::Asia::Seoul,
        chrono_tz::Asia::Taipei,
        chrono_tz::Asia::Singapore,
        chrono_tz::Asia::Hong_Kong,
        chrono_tz::Africa::Johannesburg,
        chrono_tz::UTC,
    ];
}
