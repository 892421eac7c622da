use icp_domain::Id;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the window needs to know on start-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppStatus {
    pub version: String,
    pub data_dir: String,
    pub schema_version: u32,
    /// No record at all: the window offers the sample programme.
    pub empty: bool,
    pub has_sample_data: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SampleSummary {
    pub cities: u32,
    pub study_visits: u32,
    /// The pair of the sample visit, Porto – eThekwini.
    pub pairings: u32,
    pub candidatures: u32,
    pub clusters: u32,
    pub people: u32,
    pub organisations: u32,
    pub meetings: u32,
    pub best_practices: u32,
    /// Participants' evaluations of the first sample cluster meeting.
    pub evaluations: u32,
    /// The sample pair's plan, issued once and changed since.
    pub cooperation_plans: u32,
    /// Porto's and eThekwini's.
    pub dissemination_plans: u32,
}

/// Told to every open view after a save or a delete, so it can refresh.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Changed {
    pub collection: String,
    pub id: Option<Id>,
}

impl Changed {
    /// A change to one record of `T` (`Some(id)`) or to many (`None`).
    pub fn of<T: icp_domain::Record>(id: Option<Id>) -> Changed {
        Changed {
            collection: T::COLLECTION.into(),
            id,
        }
    }
}

/// Where an export went; `None` when the person closed the save dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportedFile {
    pub path: Option<String>,
}
