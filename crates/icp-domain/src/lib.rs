//! The ICP AGIR programme's language: the types people talk about (programme, region, country,
//! city…), the rules that make them valid, and nothing else. No I/O, no Tauri, no store: every
//! other crate depends on this one, and this one on none of them.

mod best_practice;
mod candidature;
mod candidature_import;
mod checks;
mod city;
mod cluster;
pub mod cooperation_plan;
mod directory;
pub mod dissemination;
mod error;
pub mod evaluation;
mod id;
pub mod meeting;
pub mod pairing;
mod programme;
mod questionnaire;
mod record;
pub mod sample;
pub mod selection;
pub mod slots;
mod study_visit;
pub mod text;
pub mod time;

pub use best_practice::{BestPractice, PracticeRefs, PracticeStatus};
pub use candidature::{Candidature, Criterion, Review, MAX_SCORE};
pub use candidature_import::{csv_outline, read_candidatures, ColumnMapping};
pub use city::{City, CityInput, CityQuery, CityZone};
pub use cluster::{Cluster, ClusterMember};
pub use cooperation_plan::{CooperationPlan, PlanVersion};
pub use directory::{Known, Organisation, OrganisationKind, Person};
pub use dissemination::DisseminationPlan;
pub use error::{DomainError, Issue};
pub use evaluation::{Evaluation, EvaluationQuestion, EvaluationSubject};
pub use id::Id;
pub use meeting::{Meeting, MeetingInput, MeetingKind, MeetingSeries};
pub use programme::{Country, Phase, Programme, QuotaGroup, Region, Theme};
pub use questionnaire::{Answer, Question, QuestionKind};
pub use record::Record;
pub use study_visit::{
    parse_date, parse_time, Contact, Logistics, Participant, Session, SessionKind, StudyVisit,
    VisitWarning,
};
