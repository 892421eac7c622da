//! ICP Desk's operations, free of any transport. The Tauri commands and the command line are
//! both thin adapters over [`Desk`]: what a person can do is written once, here, and the rules
//! it applies come from `icp-domain`, the durability from `icp-store`.

mod backup;
mod best_practices;
mod cities;
mod clusters;
mod cooperation_plans;
mod dashboard;
mod desk;
mod directory;
mod dissemination;
mod error;
mod evaluations;
mod exchange;
mod files;
mod known;
mod library;
mod meeting_series;
mod meetings;
mod pairings;
mod plan_print;
mod print;
mod sample;
mod selection;
mod status;
mod study_visits;

pub use backup::BackupReport;
pub use cooperation_plans::{PlanComparison, PlanVersionView, PlanView};
pub use dashboard::{
    Dashboard, OpenAction, OwnerActions, PhaseOnTimeline, PhaseState, UpcomingMeeting,
};
pub use desk::Desk;
pub use error::{ApiError, IpcError};
pub use evaluations::EvaluationSummaryView;
pub use exchange::{
    ConflictValue, ConflictView, ExchangeSummary, FieldChange, SyncReport, SyncSettings,
    SyncStatus, SYNC_CHECK_EVERY, SYNC_WRITE_EVERY,
};
pub use icp_print::Paper;
pub use library::{
    EverywhereHit, FacetCount, FieldMatch, LibraryFacets, LibraryHit, LibraryQuery, LibraryResults,
    LibrarySort, MeetingRef, PracticeCard, PracticeView, RecordKind, Snippet, TextRange, MAX_PAGE,
};
pub use meeting_series::{SeriesMeeting, SeriesView};
pub use meetings::MeetingView;
pub use pairings::{PairingBoard, PairingCityRef};
pub use print::MeetingsToExport;
pub use selection::{CandidatureView, CsvPreview, SelectionOutcome};
pub use status::{AppStatus, Changed, ExportedFile, SampleSummary};
pub use study_visits::{NewStudyVisit, StudyVisitView};

/// Every type that crosses to the UI, for the TypeScript generator (`tests/bindings.rs`).
pub mod bindings {
    use ts_rs::TS;

    /// `(file name, declaration)` for every exported type, in a stable order.
    pub fn all() -> Vec<(String, String)> {
        let cfg = ts_rs::Config::default();
        macro_rules! decl {
            ($($t:ty),* $(,)?) => {
                vec![$((format!("{}.ts", <$t as TS>::name(&cfg)), <$t as TS>::export_to_string(&cfg).expect("ts-rs declaration"))),*]
            };
        }
        decl![
            icp_domain::Id,
            icp_domain::Region,
            icp_domain::Country,
            icp_domain::QuotaGroup,
            icp_domain::Theme,
            icp_domain::Phase,
            icp_domain::Programme,
            icp_domain::City,
            icp_domain::CityInput,
            icp_domain::CityQuery,
            icp_domain::Issue,
            crate::IpcError,
            crate::AppStatus,
            crate::SampleSummary,
            crate::Changed,
            crate::ExportedFile,
            icp_domain::SessionKind,
            icp_domain::Session,
            icp_domain::Participant,
            icp_domain::Contact,
            icp_domain::Logistics,
            icp_domain::StudyVisit,
            icp_domain::VisitWarning,
            crate::StudyVisitView,
            crate::NewStudyVisit,
            icp_print::Paper,
            icp_domain::QuestionKind,
            icp_domain::Question,
            icp_domain::Answer,
            icp_domain::Criterion,
            icp_domain::Review,
            icp_domain::Candidature,
            icp_domain::ClusterMember,
            icp_domain::Cluster,
            icp_domain::selection::Reason,
            icp_domain::selection::SelectionEntry,
            icp_domain::selection::GroupTally,
            icp_domain::selection::SelectionSuggestion,
            icp_domain::pairing::Factor,
            icp_domain::pairing::Compatibility,
            icp_domain::pairing::PairingConstraints,
            icp_domain::pairing::ProposedPair,
            icp_domain::pairing::PairingSuggestion,
            crate::CandidatureView,
            icp_domain::ColumnMapping,
            crate::CsvPreview,
            icp_domain::selection::SelectionDecision,
            crate::SelectionOutcome,
            icp_domain::pairing::Pairing,
            icp_domain::Person,
            icp_domain::OrganisationKind,
            icp_domain::Organisation,
            crate::PairingCityRef,
            crate::PairingBoard,
            icp_domain::time::Weekday,
            icp_domain::slots::WorkingWeek,
            icp_domain::meeting::MeetingKind,
            icp_domain::meeting::BelongsTo,
            icp_domain::meeting::AgendaItem,
            icp_domain::meeting::Attendee,
            icp_domain::meeting::ActionStatus,
            icp_domain::meeting::ActionItem,
            icp_domain::meeting::Meeting,
            icp_domain::meeting::MeetingInput,
            icp_domain::meeting::LocalTime,
            icp_domain::meeting::MeetingWarning,
            crate::MeetingView,
            icp_domain::PracticeStatus,
            icp_domain::BestPractice,
            icp_domain::evaluation::EvaluationQuestion,
            icp_domain::evaluation::EvaluationSubject,
            icp_domain::evaluation::Rating,
            icp_domain::evaluation::Evaluation,
            icp_domain::evaluation::QuestionSummary,
            icp_domain::evaluation::SummaryComment,
            icp_domain::evaluation::EvaluationSummary,
            crate::EvaluationSummaryView,
            icp_domain::slots::SlotCityInput,
            icp_domain::slots::DateRangeInput,
            icp_domain::slots::SlotRequest,
            icp_domain::slots::Fit,
            icp_domain::slots::CityFit,
            icp_domain::slots::RankedSlot,
            icp_domain::slots::SlotRanking,
            icp_domain::meeting::WeekOfMonth,
            icp_domain::meeting::SeriesRule,
            icp_domain::meeting::MovedOccurrence,
            icp_domain::meeting::MeetingSeries,
            icp_domain::meeting::Occurrence,
            crate::SeriesMeeting,
            crate::SeriesView,
            crate::MeetingsToExport,
            crate::UpcomingMeeting,
            crate::OpenAction,
            crate::OwnerActions,
            crate::PhaseState,
            crate::PhaseOnTimeline,
            crate::Dashboard,
            icp_domain::dissemination::AdopterKind,
            icp_domain::dissemination::Adopter,
            icp_domain::dissemination::PracticeToSpread,
            icp_domain::dissemination::DisseminationPlan,
            icp_domain::cooperation_plan::Objective,
            icp_domain::cooperation_plan::Lead,
            icp_domain::cooperation_plan::Party,
            icp_domain::cooperation_plan::PlanActionStatus,
            icp_domain::cooperation_plan::Indicator,
            icp_domain::cooperation_plan::PlanAction,
            icp_domain::cooperation_plan::Risk,
            icp_domain::cooperation_plan::CooperationPlan,
            icp_domain::cooperation_plan::PlanVersion,
            icp_domain::cooperation_plan::Gap,
            icp_domain::cooperation_plan::ChangeKind,
            icp_domain::cooperation_plan::PlanChange,
            crate::PlanView,
            crate::PlanVersionView,
            crate::PlanComparison,
            crate::LibrarySort,
            crate::LibraryQuery,
            crate::FacetCount,
            crate::LibraryFacets,
            crate::PracticeCard,
            crate::TextRange,
            crate::Snippet,
            crate::FieldMatch,
            crate::LibraryHit,
            crate::LibraryResults,
            crate::MeetingRef,
            crate::PracticeView,
            crate::RecordKind,
            crate::EverywhereHit,
            crate::ExchangeSummary,
            crate::FieldChange,
            crate::ConflictValue,
            crate::ConflictView,
            crate::SyncReport,
            crate::SyncSettings,
            crate::SyncStatus,
        ]
    }
}
