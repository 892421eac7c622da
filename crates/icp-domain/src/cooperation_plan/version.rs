//! An issued version of a plan: its number, its date, and the stamp of the plan's last change
//! when it was issued. The version's content is not copied: the store replays the plan's
//! operation history up to `as_of` to show it again, so a version can never drift from what
//! was issued, and it costs a few bytes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Id, Record};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanVersion {
    pub id: Id,
    /// The plan it is a version of.
    pub plan: Id,
    /// 1, 2, 3… in the order issued.
    pub number: u32,
    /// When it was issued (RFC 3339).
    pub issued_at: String,
    /// The store's stamp of the plan's last change at issue (opaque to everyone but the store).
    pub as_of: String,
    /// The plan's title when issued, for lists.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub sample: bool,
}

impl PlanVersion {
    /// The day it was issued (`YYYY-MM-DD`), as messages and footers show it.
    pub fn issued_on(&self) -> &str {
        self.issued_at.get(..10).unwrap_or(&self.issued_at)
    }
}

impl Record for PlanVersion {
    const COLLECTION: &'static str = "cooperation_plan_version";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        vec![("plan", self.plan.to_string())]
    }
}
