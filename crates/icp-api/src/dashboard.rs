//! The dashboard: what is coming up, what is still to be done and by whom, and where the
//! programme stands. Instants cross as UTC and the window shows them on the viewer's clock;
//! "today" is the viewer's date, which only the window knows.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use icp_domain::meeting::{ActionStatus, Meeting, MeetingKind};
use icp_domain::{parse_date, Id, Person};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Desk};

/// How many upcoming meetings the dashboard lists; the meetings page has them all.
const UPCOMING_MAX: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Dashboard {
    pub upcoming: Vec<UpcomingMeeting>,
    /// Upcoming meetings beyond those listed.
    pub more_upcoming: u32,
    /// Open action items, a group per owner by name, those without an owner last.
    pub actions: Vec<OwnerActions>,
    pub phases: Vec<PhaseOnTimeline>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UpcomingMeeting {
    pub id: Id,
    pub title: String,
    pub kind: MeetingKind,
    #[ts(type = "string")]
    pub start: DateTime<Utc>,
    #[ts(type = "string")]
    pub end: DateTime<Utc>,
    /// "Circular economy cluster", "Porto – eThekwini".
    pub part_of: Option<String>,
    /// Under way now.
    pub running: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OwnerActions {
    pub owner: Option<Id>,
    /// The owner's name, "No owner", or "Unknown person" for one deleted from the directory.
    pub owner_name: String,
    pub actions: Vec<OpenAction>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OpenAction {
    pub meeting: Id,
    pub meeting_title: String,
    #[ts(type = "string")]
    pub meeting_start: DateTime<Utc>,
    pub text: String,
    /// `YYYY-MM-DD`.
    pub due: Option<String>,
    pub overdue: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PhaseState {
    Done,
    Current,
    Ahead,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PhaseOnTimeline {
    pub key: String,
    pub label: String,
    /// `YYYY-MM`, both inclusive.
    pub start_month: String,
    pub end_month: String,
    pub state: PhaseState,
}

impl Desk {
    /// The dashboard now, `today` (`YYYY-MM-DD`) being the viewer's date.
    pub fn dashboard(&self, today: &str) -> Result<Dashboard, ApiError> {
        self.dashboard_at(Utc::now(), today)
    }

    /// The dashboard as it was or will be at `now`.
    pub fn dashboard_at(&self, now: DateTime<Utc>, today: &str) -> Result<Dashboard, ApiError> {
        let today: NaiveDate = parse_date(today, "today", "Today")?;
        let meetings = self.list_meetings()?;
        let people = self.all::<Person>()?;

        let ahead: Vec<&Meeting> = meetings.iter().filter(|m| m.end() > now).collect();
        let mut upcoming = Vec::new();
        for m in ahead.iter().take(UPCOMING_MAX) {
            upcoming.push(UpcomingMeeting {
                id: m.id,
                title: m.title.clone(),
                kind: m.kind,
                start: m.start,
                end: m.end(),
                part_of: self.part_of(m.belongs_to)?,
                running: m.start <= now,
            });
        }

        // Keyed by (no owner last, name, id) so the groups come out in reading order.
        let mut groups: BTreeMap<(bool, String, Option<Id>), Vec<OpenAction>> = BTreeMap::new();
        for m in &meetings {
            for a in m.actions.iter().filter(|a| a.status == ActionStatus::Open) {
                let name = match a.owner {
                    None => "No owner".to_string(),
                    Some(id) => people
                        .iter()
                        .find(|p| p.id == id)
                        .map_or_else(|| "Unknown person".to_string(), |p| p.name.clone()),
                };
                let due = a.due.clone().filter(|d| !d.trim().is_empty());
                let overdue = due
                    .as_deref()
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    .is_some_and(|d| d < today);
                groups
                    .entry((a.owner.is_none(), name, a.owner))
                    .or_default()
                    .push(OpenAction {
                        meeting: m.id,
                        meeting_title: m.title.clone(),
                        meeting_start: m.start,
                        text: a.text.clone(),
                        due,
                        overdue,
                    });
            }
        }
        let actions = groups
            .into_iter()
            .map(|((_, owner_name, owner), mut actions)| {
                // Soonest due first; those without a date after them.
                actions.sort_by(|a, b| {
                    (a.due.is_none(), &a.due, a.meeting_start).cmp(&(
                        b.due.is_none(),
                        &b.due,
                        b.meeting_start,
                    ))
                });
                OwnerActions {
                    owner,
                    owner_name,
                    actions,
                }
            })
            .collect();

        let month = today.format("%Y-%m").to_string();
        let phases = self
            .programme
            .phases
            .iter()
            .map(|p| PhaseOnTimeline {
                key: p.key.clone(),
                label: p.label.clone(),
                start_month: p.start_month.clone(),
                end_month: p.end_month.clone(),
                state: if p.end_month < month {
                    PhaseState::Done
                } else if p.start_month > month {
                    PhaseState::Ahead
                } else {
                    PhaseState::Current
                },
            })
            .collect();

        Ok(Dashboard {
            more_upcoming: (ahead.len().saturating_sub(UPCOMING_MAX)) as u32,
            upcoming,
            actions,
            phases,
        })
    }
}
