//! The meeting record: what is planned (kind, start, length, place, agenda, who comes) and what
//! came of it (minutes, decisions, action items).

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::link::{check_link, LINK_MAX};
use crate::checks::{in_list, optional_text, required_text, required_zone};
use crate::time::zone_named;
use crate::{parse_date, DomainError, Id, Record};

pub(super) const TITLE_MAX: usize = 200;
pub(super) const VENUE_MAX: usize = 400;
/// Minutes are typed while people speak, for hours; the limit only stops a runaway paste.
const MINUTES_MAX: usize = 200_000;
const DECISION_MAX: usize = 2_000;
const ACTION_MAX: usize = 1_000;
/// A meeting lasts at most a day; a longer gathering is a study visit or several meetings.
pub const DURATION_MAX_MINUTES: u32 = 24 * 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// The cities of a thematic cluster, run by its cluster manager.
    ClusterMeeting,
    /// The two cities of a pair, with their pairing manager.
    PairingMeeting,
    /// A cluster's event open to anyone, often with guest speakers.
    OpenOnlineEvent,
    WorkingMeeting,
    ClosingConference,
}

impl MeetingKind {
    pub fn label(self) -> &'static str {
        match self {
            MeetingKind::ClusterMeeting => "Cluster meeting",
            MeetingKind::PairingMeeting => "Pairing meeting",
            MeetingKind::OpenOnlineEvent => "Open online event",
            MeetingKind::WorkingMeeting => "Working meeting",
            MeetingKind::ClosingConference => "Closing conference",
        }
    }
}

/// What a meeting is part of: a cluster's work, a pair's, or the programme as a whole.
/// Serialised as `{"kind": "cluster", "id": "01…"}` or `{"kind": "programme"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum BelongsTo {
    Cluster(Id),
    Pairing(Id),
    Programme,
}

impl BelongsTo {
    /// The index term that finds a record by what it belongs to; none for the programme.
    pub(super) fn index_term(self) -> Option<(&'static str, String)> {
        match self {
            BelongsTo::Cluster(id) => Some(("cluster", id.to_string())),
            BelongsTo::Pairing(id) => Some(("pairing", id.to_string())),
            BelongsTo::Programme => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgendaItem {
    pub title: String,
    /// A person of the directory.
    #[serde(default)]
    pub presenter: Option<Id>,
    /// Minutes allotted.
    pub minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Attendee {
    /// A person of the directory.
    pub person: Id,
    /// Invited to speak (open online events have them); shown apart from the other attendees.
    #[serde(default)]
    pub guest_speaker: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Open,
    Done,
    Dropped,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionItem {
    pub text: String,
    /// A person of the directory.
    #[serde(default)]
    pub owner: Option<Id>,
    /// `YYYY-MM-DD`. Kept as text like every date a person types, so a bad one is a field
    /// error rather than a request that cannot be read.
    #[serde(default)]
    pub due: Option<String>,
    #[serde(default)]
    pub status: ActionStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Meeting {
    pub id: Id,
    pub title: String,
    pub kind: MeetingKind,
    pub belongs_to: BelongsTo,
    /// The instant it starts, UTC, RFC 3339 (`2022-03-21T14:00:00Z`). Made by the domain from
    /// the planner's wall clock ([`super::MeetingInput`]), never typed.
    #[ts(type = "string")]
    pub start: DateTime<Utc>,
    /// The IANA zone it was planned in: the form shows the start again on that clock.
    pub planned_zone: String,
    pub duration_minutes: u32,
    #[serde(default)]
    pub online_link: String,
    #[serde(default)]
    pub venue: String,
    /// In order.
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    #[serde(default)]
    pub attendees: Vec<Attendee>,
    /// Markdown, kept exactly as typed (not even trimmed: it is saved while the cluster
    /// manager is typing, and a trim would eat the space just typed). The window and the print
    /// show it as text, so HTML or a script in it is shown, never run.
    #[serde(default)]
    pub minutes: String,
    #[serde(default)]
    pub decisions: Vec<String>,
    #[serde(default)]
    pub actions: Vec<ActionItem>,
    /// The series it is an occurrence of.
    #[serde(default)]
    pub series: Option<Id>,
    /// `YYYY-MM-DD`: the date of the series' rule that gave this meeting. It names the meeting
    /// when the series changes, even after the meeting itself was moved to another day.
    #[serde(default)]
    pub occurrence: Option<String>,
    #[serde(default)]
    pub sample: bool,
}

/// What a meeting refers to, so validation can check each reference still exists.
/// (`crate::Known` answers for cities, people and organisations; a meeting needs people,
/// clusters, pairings and series.)
pub trait MeetingRefs {
    fn person(&self, id: Id) -> bool;
    fn cluster(&self, id: Id) -> bool;
    fn pairing(&self, id: Id) -> bool;
    fn series(&self, id: Id) -> bool;
}

impl Record for Meeting {
    const COLLECTION: &'static str = "meeting";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        // Fixed-width UTC text sorts bytewise in time order.
        let mut terms = vec![(
            "start",
            self.start.to_rfc3339_opts(SecondsFormat::Secs, true),
        )];
        terms.extend(self.belongs_to.index_term());
        if let Some(s) = self.series {
            terms.push(("series", s.to_string()));
        }
        for a in &self.attendees {
            terms.push(("person", a.person.to_string()));
        }
        terms
    }
}

impl Meeting {
    pub fn end(&self) -> DateTime<Utc> {
        self.start + Duration::minutes(i64::from(self.duration_minutes))
    }

    /// The planned zone, when it is a known one (always, once validated).
    pub fn zone(&self) -> Option<Tz> {
        zone_named(&self.planned_zone)
    }

    /// Checks every field and returns the meeting tidied; every problem has its field
    /// (`agenda.3.minutes`, `attendees.2.person`). The length is `duration_minutes`, from 1 to
    /// [`DURATION_MAX_MINUTES`]; the planner's form speaks of an end instead
    /// ([`super::MeetingInput`]).
    pub fn validate(&self, refs: &impl MeetingRefs) -> Result<Meeting, DomainError> {
        let mut problems = Vec::new();
        let head = check_head(self, refs, &mut problems);
        required_zone(&self.planned_zone, "planned_zone", &mut problems);
        if !(1..=DURATION_MAX_MINUTES).contains(&self.duration_minutes) {
            problems.push(duration_out_of_range("duration_minutes"));
        }
        let tidied = check_body(head, refs, &mut problems);
        DomainError::collect(problems)?;
        Ok(Meeting {
            planned_zone: self.planned_zone.trim().to_string(),
            ..tidied
        })
    }
}

pub(super) fn duration_out_of_range(field: &'static str) -> DomainError {
    DomainError::OutOfRange {
        field,
        label: "The meeting's length in minutes",
        min: 1,
        max: DURATION_MAX_MINUTES,
    }
}

/// Title, what it belongs to and its series: the fields a form shows first.
pub(super) fn check_head(
    m: &Meeting,
    refs: &impl MeetingRefs,
    problems: &mut Vec<DomainError>,
) -> Meeting {
    let title = required_text(&m.title, "title", "Title", TITLE_MAX, problems);
    check_belongs(m.kind, m.belongs_to, refs, problems);
    if let Some(s) = m.series.filter(|s| !refs.series(*s)) {
        problems.push(DomainError::UnknownRecord {
            field: "series",
            what: "series",
            id: s.to_string(),
        });
    }
    Meeting { title, ..m.clone() }
}

/// Place, agenda, attendees, minutes, decisions and action items, tidied.
pub(super) fn check_body(
    m: Meeting,
    refs: &impl MeetingRefs,
    problems: &mut Vec<DomainError>,
) -> Meeting {
    let online_link = check_online_link(&m.online_link, problems);
    let venue = optional_text(&m.venue, "venue", "Venue", VENUE_MAX, problems);

    let mut agenda = Vec::with_capacity(m.agenda.len());
    for (index, item) in m.agenda.iter().enumerate() {
        let mut own = Vec::new();
        let title = required_text(&item.title, "title", "Title", TITLE_MAX, &mut own);
        if let Some(p) = item.presenter.filter(|p| !refs.person(*p)) {
            own.push(unknown_person("presenter", p));
        }
        if !(1..=DURATION_MAX_MINUTES).contains(&item.minutes) {
            own.push(DomainError::OutOfRange {
                field: "minutes",
                label: "Minutes",
                min: 1,
                max: DURATION_MAX_MINUTES,
            });
        }
        problems.extend(own.into_iter().map(in_list("agenda", "Agenda item", index)));
        agenda.push(AgendaItem { title, ..*item });
    }

    let mut attendees: Vec<Attendee> = Vec::with_capacity(m.attendees.len());
    for (index, a) in m.attendees.iter().enumerate() {
        let wrap = in_list("attendees", "Attendee", index);
        if !refs.person(a.person) {
            problems.push(wrap(unknown_person("person", a.person)));
        } else if attendees.iter().any(|x| x.person == a.person) {
            problems.push(wrap(DomainError::Duplicate {
                field: "person",
                what: "row for this person",
            }));
        }
        attendees.push(a.clone());
    }

    if m.minutes.chars().count() > MINUTES_MAX {
        problems.push(DomainError::TooLong {
            field: "minutes",
            label: "Minutes",
            max: MINUTES_MAX,
        });
    }

    let mut decisions = Vec::with_capacity(m.decisions.len());
    for (index, d) in m.decisions.iter().enumerate() {
        let mut own = Vec::new();
        let d = optional_text(d, "text", "Decision", DECISION_MAX, &mut own);
        problems.extend(own.into_iter().map(in_list("decisions", "Decision", index)));
        if !d.is_empty() {
            decisions.push(d);
        }
    }

    let mut actions = Vec::with_capacity(m.actions.len());
    for (index, a) in m.actions.iter().enumerate() {
        let mut own = Vec::new();
        let text = required_text(&a.text, "text", "Action", ACTION_MAX, &mut own);
        if let Some(p) = a.owner.filter(|p| !refs.person(*p)) {
            own.push(unknown_person("owner", p));
        }
        let due = match a.due.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => match parse_date(text, "due", "Due") {
                Ok(d) => Some(d.format("%Y-%m-%d").to_string()),
                Err(e) => {
                    own.push(e);
                    Some(text.to_string())
                }
            },
        };
        problems.extend(own.into_iter().map(in_list("actions", "Action", index)));
        actions.push(ActionItem {
            text,
            owner: a.owner,
            due,
            status: a.status,
        });
    }

    Meeting {
        online_link,
        venue,
        agenda,
        attendees,
        decisions,
        actions,
        ..m
    }
}

/// A cluster meeting belongs to a cluster and a pairing meeting to a pairing; other kinds to
/// either or to the programme. What it names must exist.
pub(super) fn check_belongs(
    kind: MeetingKind,
    belongs_to: BelongsTo,
    refs: &impl MeetingRefs,
    problems: &mut Vec<DomainError>,
) {
    match (kind, belongs_to) {
        (MeetingKind::ClusterMeeting, BelongsTo::Cluster(_))
        | (MeetingKind::PairingMeeting, BelongsTo::Pairing(_)) => {}
        (MeetingKind::ClusterMeeting, _) => problems.push(DomainError::Required {
            field: "belongs_to",
            label: "The cluster",
        }),
        (MeetingKind::PairingMeeting, _) => problems.push(DomainError::Required {
            field: "belongs_to",
            label: "The pairing",
        }),
        _ => {}
    }
    match belongs_to {
        BelongsTo::Cluster(id) if !refs.cluster(id) => problems.push(DomainError::UnknownRecord {
            field: "belongs_to",
            what: "cluster",
            id: id.to_string(),
        }),
        BelongsTo::Pairing(id) if !refs.pairing(id) => problems.push(DomainError::UnknownRecord {
            field: "belongs_to",
            what: "pairing",
            id: id.to_string(),
        }),
        _ => {}
    }
}

/// The online link, trimmed; empty is fine (it often comes later than the date).
pub(super) fn check_online_link(value: &str, problems: &mut Vec<DomainError>) -> String {
    match value.trim() {
        "" => String::new(),
        link if link.chars().count() > LINK_MAX => {
            problems.push(DomainError::TooLong {
                field: "online_link",
                label: "Online link",
                max: LINK_MAX,
            });
            link.to_string()
        }
        link => check_link(link).unwrap_or_else(|reason| {
            problems.push(DomainError::InvalidLink {
                field: "online_link",
                value: link.to_string(),
                reason,
            });
            link.to_string()
        }),
    }
}

fn unknown_person(field: &'static str, id: Id) -> DomainError {
    DomainError::UnknownRecord {
        field,
        what: "person",
        id: id.to_string(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::meeting::test_support::utc;

    pub fn person(n: u128) -> Id {
        Id::from_parts(2, n)
    }
    pub fn cluster() -> Id {
        Id::from_parts(3, 1)
    }

    /// People 1–9, cluster 3/1, pairing 4/1 and series 5/1 exist.
    pub struct Refs;
    impl MeetingRefs for Refs {
        fn person(&self, id: Id) -> bool {
            (1..10).any(|n| id == person(n))
        }
        fn cluster(&self, id: Id) -> bool {
            id == cluster()
        }
        fn pairing(&self, id: Id) -> bool {
            id == Id::from_parts(4, 1)
        }
        fn series(&self, id: Id) -> bool {
            id == Id::from_parts(5, 1)
        }
    }

    pub fn meeting() -> Meeting {
        Meeting {
            id: Id::from_parts(6, 1),
            title: "  Circular economy   cluster meeting ".into(),
            kind: MeetingKind::ClusterMeeting,
            belongs_to: BelongsTo::Cluster(cluster()),
            start: utc(2022, 3, 21, 14, 0),
            planned_zone: "Europe/Berlin".into(),
            duration_minutes: 90,
            online_link: "https://meet.jit.si/icp-agir-circular".into(),
            venue: String::new(),
            agenda: vec![
                AgendaItem {
                    title: "Welcome".into(),
                    presenter: Some(person(1)),
                    minutes: 10,
                },
                AgendaItem {
                    title: "Textile reuse in Prato".into(),
                    presenter: Some(person(2)),
                    minutes: 30,
                },
            ],
            attendees: vec![
                Attendee {
                    person: person(1),
                    guest_speaker: false,
                },
                Attendee {
                    person: person(2),
                    guest_speaker: true,
                },
            ],
            minutes: String::new(),
            decisions: vec![" Next meeting in April ".into(), "  ".into()],
            actions: vec![ActionItem {
                text: "Send the Prato case study".into(),
                owner: Some(person(2)),
                due: Some("2022-3-28".into()),
                status: ActionStatus::Open,
            }],
            series: None,
            occurrence: None,
            sample: false,
        }
    }

    fn fields(err: DomainError) -> Vec<(String, String)> {
        err.issues()
            .into_iter()
            .map(|i| (i.field.unwrap_or_default(), i.code))
            .collect()
    }

    #[test]
    fn a_valid_meeting_is_tidied() {
        let m = meeting().validate(&Refs).unwrap();
        assert_eq!(m.title, "Circular economy cluster meeting");
        assert_eq!(m.decisions, ["Next meeting in April"]);
        assert_eq!(m.actions[0].due.as_deref(), Some("2022-03-28"));
        assert_eq!(m.end(), utc(2022, 3, 21, 15, 30));
        assert_eq!(m.zone(), Some(chrono_tz::Europe::Berlin));
    }

    #[test]
    fn minutes_with_html_and_script_are_kept_as_typed() {
        let typed =
            "## Notes\n<script>alert('x')</script> <b>bold</b> & <img src=x onerror=alert(1)>\n  ";
        let m = Meeting {
            minutes: typed.into(),
            ..meeting()
        };
        let ok = m.validate(&Refs).unwrap();
        assert_eq!(ok.minutes, typed);
        let json = serde_json::to_value(&ok).unwrap();
        assert_eq!(json["minutes"], typed);
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let m = Meeting {
            title: " ".into(),
            belongs_to: BelongsTo::Programme,
            planned_zone: "Europe/Berlinn".into(),
            duration_minutes: 0,
            online_link: "meet.jit.si/icp".into(),
            agenda: vec![
                meeting().agenda[0].clone(),
                AgendaItem {
                    title: "Q&A".into(),
                    presenter: Some(person(42)),
                    minutes: 0,
                },
            ],
            attendees: vec![
                meeting().attendees[0].clone(),
                meeting().attendees[0].clone(),
                Attendee {
                    person: person(77),
                    guest_speaker: true,
                },
            ],
            decisions: vec!["x".repeat(DECISION_MAX + 1)],
            actions: vec![ActionItem {
                text: "".into(),
                owner: Some(person(50)),
                due: Some("next week".into()),
                status: ActionStatus::Open,
            }],
            series: Some(Id::from_parts(5, 2)),
            occurrence: None,
            ..meeting()
        };
        let err = m.validate(&Refs).unwrap_err();
        let expected = [
            ("title", "required"),
            ("belongs_to", "required"),
            ("series", "unknown_record"),
            ("planned_zone", "invalid_time_zone"),
            ("duration_minutes", "out_of_range"),
            ("online_link", "invalid_link"),
            ("agenda.1.presenter", "unknown_record"),
            ("agenda.1.minutes", "out_of_range"),
            ("attendees.1.person", "duplicate"),
            ("attendees.2.person", "unknown_record"),
            ("decisions.0.text", "too_long"),
            ("actions.0.text", "required"),
            ("actions.0.owner", "unknown_record"),
            ("actions.0.due", "invalid_date"),
        ];
        assert_eq!(
            fields(err.clone()),
            expected
                .iter()
                .map(|(f, c)| (f.to_string(), c.to_string()))
                .collect::<Vec<_>>()
        );
        let messages: Vec<String> = err.issues().into_iter().map(|i| i.message).collect();
        assert_eq!(messages[1], "The cluster is required.");
        assert!(
            messages[5].contains("must start with https://"),
            "{}",
            messages[5]
        );
        // Each message stands beside its field, so it needs no "Attendee 3:" of its own.
        assert_eq!(
            messages[9],
            "This person is not in the directory; choose one from the list."
        );
        assert!(err.to_string().starts_with("14 fields"));
    }

    #[test]
    fn an_unknown_cluster_or_pairing_is_refused() {
        let m = Meeting {
            kind: MeetingKind::PairingMeeting,
            belongs_to: BelongsTo::Pairing(Id::from_parts(4, 9)),
            ..meeting()
        };
        assert_eq!(
            fields(m.validate(&Refs).unwrap_err()),
            [("belongs_to".to_string(), "unknown_record".to_string())]
        );
        let open = Meeting {
            kind: MeetingKind::OpenOnlineEvent,
            belongs_to: BelongsTo::Programme,
            ..meeting()
        };
        assert!(open.validate(&Refs).is_ok());
    }

    #[test]
    fn the_record_serialises_with_its_instant_in_utc_and_reads_back() {
        let m = meeting().validate(&Refs).unwrap();
        let json = serde_json::to_value(&m).unwrap();
        assert_eq!(json["start"], "2022-03-21T14:00:00Z");
        assert_eq!(
            json["belongs_to"],
            serde_json::json!({"kind": "cluster", "id": cluster().to_string()})
        );
        assert_eq!(json["actions"][0]["status"], "open");
        let back: Meeting = serde_json::from_value(json).unwrap();
        assert_eq!(back, m);
        // Fields added later default, so records stored before them still read.
        let old = serde_json::json!({
            "id": m.id.to_string(), "title": "Old", "kind": "working_meeting",
            "belongs_to": {"kind": "programme"}, "start": "2022-03-21T14:00:00Z",
            "planned_zone": "Europe/Berlin", "duration_minutes": 60
        });
        let old: Meeting = serde_json::from_value(old).unwrap();
        assert!(old.agenda.is_empty() && old.series.is_none() && !old.sample);
        assert_eq!(
            m.index_terms()[..2],
            [
                ("start", "2022-03-21T14:00:00Z".to_string()),
                ("cluster", cluster().to_string())
            ]
        );
    }
}
