//! The programme's documents, each built from the engine's blocks (or, for calendars, its
//! iCalendar writer). The engine modules know nothing of them.

pub mod catalogue;
pub mod cities;
pub mod closing_book;
pub mod cooperation_plan;
pub mod itinerary;
pub mod meeting_calendar;
mod meeting_time;
pub mod minutes;
pub mod people;
pub mod visit_calendar;
