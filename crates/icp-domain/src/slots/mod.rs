//! The slot finder: for chosen cities and a range of dates, the candidate slots of an online
//! meeting ranked by how many cities sit inside their working hours (08:00–19:00 local,
//! Monday to Friday, unless a city says otherwise), each with its reasons city by city; and for
//! a series of meetings, one slot each, with the early, late and day-off hours spread across
//! the cities as evenly as the ranges allow.
//!
//! - `query`: what is asked (cities, each a [`CityZone`] with its working week, the meeting,
//!   the dates' zone);
//! - `input`: the same as the window sends it, checked field by field;
//! - `clock`: each city's UTC offsets over the range, worked out once;
//! - `fit`: one slot in one city's working day, in words;
//! - `rank`: the ranking of a range's slots;
//! - `fair`: the fairest choice of one slot per meeting (exact, branch and bound);
//! - `series`: a series' plan, built on the two before.

mod clock;
mod fair;
mod fit;
mod input;
mod query;
mod rank;
mod series;

pub use crate::time::Weekday;
pub use crate::CityZone;
pub use fit::{CityFit, Fit, OFF_DAY_MINUTES};
pub use input::{DateRangeInput, SeriesRequest, SlotCityInput, SlotQueryInput, SlotRequest};
pub use query::{
    DateRange, SlotCity, SlotQuery, WorkingWeek, DEFAULT_STEP_MINUTES, DEFAULT_WORK_END,
    DEFAULT_WORK_START, MAX_CITIES, MAX_MEETINGS, MAX_RANGE_DAYS,
};
pub use rank::{find_slots, RankedSlot, SlotRanking, MAX_LIMIT};
pub use series::{plan_series, CityBurden, PlannedMeeting, SeriesPlan};

#[cfg(test)]
pub(crate) mod test_support {
    //! Dates and cities the tests of this module share.

    use chrono::NaiveDate;
    use chrono_tz::Tz;

    use super::SlotCity;
    use crate::Id;

    pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A city with the programme's default week.
    pub fn city(n: u128, name: &str, zone: Tz) -> SlotCity {
        SlotCity::new(Id::from_parts(7, n), name, zone)
    }
}
