//! Cooperation plans: what each pair of cities means to do together, drafted by the pair with
//! its pairing manager (often offline, on a train) and sent to the programme when it is ready.
//! Jems, the system Interreg programmes use, tells applicants to draft offline and paste in;
//! ICP Desk is where the draft lives.
//!
//! A plan is saved on every change, however little of it is written: [`CooperationPlan::validate`]
//! refuses only what is wrong (an end before its start, a month outside the programme, a link to
//! a deleted organisation or practice, runaway text), each problem with its field path
//! (`actions.2.end`). What is merely missing is the [`completeness`] check's business, asked
//! before the plan is sent, as a list of [`Gap`]s that each point to their place.
//!
//! Objectives and actions carry a stable `key`, so that an action can say which objectives it
//! serves, a gap or a change can point at an entry however the list is reordered, and a plan
//! duplicated for another pair keeps its links.
//!
//! Issuing a version freezes the plan as it is ([`PlanVersion`]): the version keeps the stamp
//! of the plan's last change, and the store replays the plan's operation history up to that
//! stamp to show the version again; [`compare`] then lists what changed field by field.
//!
//! One file an idea: `record` (the plan and its checks), `completeness`, `compare`, `version`.

mod compare;
mod completeness;
mod record;
#[cfg(test)]
mod tests;
mod version;

pub use compare::{compare, ChangeKind, PlanChange};
pub use completeness::{completeness, Gap};
pub use record::{
    parse_month, CooperationPlan, Indicator, Lead, Objective, Party, PlanAction, PlanActionStatus,
    PlanRefs, Risk, KEY_MAX, LONG_TEXT_MAX, SHORT_TEXT_MAX, TEXT_MAX, TITLE_MAX,
};
pub use version::PlanVersion;
