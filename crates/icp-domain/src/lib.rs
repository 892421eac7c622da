//! The ICP AGIR programme's language: the types people talk about (programme, region, country,
//! city…), the rules that make them valid, and nothing else. No I/O, no Tauri, no store: every
//! other crate depends on this one, and this one on none of them.

mod checks;
mod city;
mod error;
mod id;
mod programme;
mod record;
pub mod sample;
mod study_visit;
pub mod text;
pub mod time;

pub use city::{City, CityInput, CityQuery};
pub use error::{DomainError, Issue};
pub use id::Id;
pub use programme::{Country, Phase, Programme, QuotaGroup, Region, Theme};
pub use record::Record;
pub use study_visit::{
    parse_date, parse_time, Contact, Logistics, Participant, Session, SessionKind, StudyVisit,
    VisitWarning,
};
