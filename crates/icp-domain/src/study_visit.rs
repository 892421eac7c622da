//! A study visit: a delegation travels to a host city for (usually) six days of sessions. The
//! organiser builds it day by day; the delegation carries the printed itinerary.

use chrono::{Duration, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checks::{optional_text, required_text};
use crate::text::tidy;
use crate::{DomainError, Id, Record};

const TITLE_MAX: usize = 200;
const TEXT_MAX: usize = 4_000;
pub const DAYS_MAX: u32 = 31;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    Plenary,
    Roundtable,
    SiteVisit,
    Workshop,
    Transfer,
    Meal,
    FreeTime,
}

impl SessionKind {
    pub fn label(self) -> &'static str {
        match self {
            SessionKind::Plenary => "Plenary",
            SessionKind::Roundtable => "Roundtable",
            SessionKind::SiteVisit => "Site visit",
            SessionKind::Workshop => "Workshop",
            SessionKind::Transfer => "Transfer",
            SessionKind::Meal => "Meal",
            SessionKind::FreeTime => "Free time",
        }
    }
}

/// One entry of the programme, in the host city's local time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Session {
    /// Stable within the visit, so a session keeps its identity when it moves between days.
    pub key: String,
    /// `YYYY-MM-DD`, a day of the visit.
    pub date: String,
    /// `HH:MM`, host local time.
    pub start: String,
    pub end: String,
    pub kind: SessionKind,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub speakers: Vec<String>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Participant {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub organisation: String,
    pub home_city: Id,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub phone: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Logistics {
    #[serde(default)]
    pub hotel: String,
    #[serde(default)]
    pub transport: String,
    #[serde(default)]
    pub emergency_contacts: Vec<Contact>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StudyVisit {
    pub id: Id,
    pub title: String,
    pub host_city: Id,
    /// The visiting cities; participants come from them.
    #[serde(default)]
    pub delegation: Vec<Id>,
    /// `YYYY-MM-DD`, the first day.
    pub start_date: String,
    /// Six in the programme; any length from 1 to 31 is allowed.
    pub days: u32,
    #[serde(default)]
    pub sessions: Vec<Session>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub logistics: Logistics,
    #[serde(default)]
    pub sample: bool,
}

/// Something the organiser should look at that does not stop a save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VisitWarning {
    pub code: String,
    pub message: String,
    /// The sessions concerned (their keys).
    pub sessions: Vec<String>,
}

pub fn parse_date(
    value: &str,
    field: &'static str,
    label: &'static str,
) -> Result<NaiveDate, DomainError> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| DomainError::InvalidDate {
        field,
        label,
        value: value.trim().to_string(),
    })
}

pub fn parse_time(
    value: &str,
    field: &'static str,
    label: &'static str,
) -> Result<NaiveTime, DomainError> {
    NaiveTime::parse_from_str(value.trim(), "%H:%M").map_err(|_| DomainError::InvalidTime {
        field,
        label,
        value: value.trim().to_string(),
    })
}

impl StudyVisit {
    /// The visit's first and last day, when its start date is valid.
    pub fn date_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = NaiveDate::parse_from_str(&self.start_date, "%Y-%m-%d").ok()?;
        Some((
            first,
            first + Duration::days(i64::from(self.days.max(1)) - 1),
        ))
    }

    /// Every day of the visit, in order.
    pub fn dates(&self) -> Vec<NaiveDate> {
        match self.date_range() {
            Some((first, last)) => first.iter_days().take_while(|d| *d <= last).collect(),
            None => Vec::new(),
        }
    }

    /// The sessions of one day, by start time (ties keep the organiser's order).
    pub fn sessions_on(&self, date: NaiveDate) -> Vec<&Session> {
        let day = date.format("%Y-%m-%d").to_string();
        let mut on: Vec<&Session> = self.sessions.iter().filter(|s| s.date == day).collect();
        on.sort_by(|a, b| a.start.cmp(&b.start));
        on
    }

    /// Checks every field and returns the visit tidied (times as `HH:MM`, text trimmed).
    /// `city_exists` tells whether an id names a city of the directory.
    pub fn validate(&self, city_exists: impl Fn(Id) -> bool) -> Result<StudyVisit, DomainError> {
        let mut problems = Vec::new();
        let title = required_text(&self.title, "title", "Title", TITLE_MAX, &mut problems);
        if !city_exists(self.host_city) {
            problems.push(DomainError::UnknownCity {
                field: "host_city",
                id: self.host_city.to_string(),
            });
        }
        let mut delegation: Vec<Id> = Vec::new();
        for city in &self.delegation {
            if !city_exists(*city) {
                problems.push(DomainError::UnknownCity {
                    field: "delegation",
                    id: city.to_string(),
                });
            } else if *city != self.host_city && !delegation.contains(city) {
                delegation.push(*city);
            }
        }
        let first = match parse_date(&self.start_date, "start_date", "First day") {
            Ok(d) => Some(d),
            Err(e) => {
                problems.push(e);
                None
            }
        };
        if !(1..=DAYS_MAX).contains(&self.days) {
            problems.push(DomainError::OutOfRange {
                field: "days",
                label: "Number of days",
                min: 1,
                max: DAYS_MAX,
            });
        }
        let range = first.map(|f| {
            (
                f,
                f + Duration::days(i64::from(self.days.clamp(1, DAYS_MAX)) - 1),
            )
        });

        let mut sessions = Vec::with_capacity(self.sessions.len());
        for (index, s) in self.sessions.iter().enumerate() {
            match validate_session(s, range) {
                Ok(s) => sessions.push(s),
                Err(e) => problems.push(DomainError::InList {
                    list: "sessions",
                    label: "Session",
                    index,
                    error: Box::new(e),
                }),
            }
        }

        let mut participants = Vec::with_capacity(self.participants.len());
        for (index, p) in self.participants.iter().enumerate() {
            let mut own = Vec::new();
            let name = tidy(&p.name);
            if name.is_empty() {
                own.push(DomainError::Required {
                    field: "name",
                    label: "Name",
                });
            }
            if !city_exists(p.home_city) {
                own.push(DomainError::UnknownCity {
                    field: "home_city",
                    id: p.home_city.to_string(),
                });
            }
            let role = optional_text(&p.role, "role", "Role", TITLE_MAX, &mut own);
            let organisation = optional_text(
                &p.organisation,
                "organisation",
                "Organisation",
                TITLE_MAX,
                &mut own,
            );
            match DomainError::collect(own) {
                Ok(()) => participants.push(Participant {
                    name,
                    role,
                    organisation,
                    home_city: p.home_city,
                }),
                Err(e) => problems.push(DomainError::InList {
                    list: "participants",
                    label: "Participant",
                    index,
                    error: Box::new(e),
                }),
            }
        }

        let l = &self.logistics;
        let logistics = Logistics {
            hotel: optional_text(&l.hotel, "hotel", "Hotel", TEXT_MAX, &mut problems),
            transport: optional_text(
                &l.transport,
                "transport",
                "Transport",
                TEXT_MAX,
                &mut problems,
            ),
            emergency_contacts: l
                .emergency_contacts
                .iter()
                .map(|c| Contact {
                    name: tidy(&c.name),
                    role: tidy(&c.role),
                    phone: c.phone.trim().to_string(),
                })
                .filter(|c| !(c.name.is_empty() && c.phone.is_empty()))
                .collect(),
            notes: optional_text(
                &l.notes,
                "notes",
                "Practical notes",
                TEXT_MAX,
                &mut problems,
            ),
        };

        DomainError::collect(problems)?;
        Ok(StudyVisit {
            id: self.id,
            title,
            host_city: self.host_city,
            delegation,
            start_date: first.expect("checked").format("%Y-%m-%d").to_string(),
            days: self.days,
            sessions,
            participants,
            logistics,
            sample: self.sample,
        })
    }

    /// Sessions of the same day whose times overlap.
    pub fn warnings(&self) -> Vec<VisitWarning> {
        let mut out = Vec::new();
        for day in self.dates() {
            let on = self.sessions_on(day);
            for (i, a) in on.iter().enumerate() {
                for b in &on[i + 1..] {
                    if b.start < a.end && a.start < b.end {
                        out.push(VisitWarning {
                            code: "overlap".into(),
                            message: format!(
                                "“{}” ({}–{}) and “{}” ({}–{}) overlap on {}.",
                                a.title, a.start, a.end, b.title, b.start, b.end, a.date
                            ),
                            sessions: vec![a.key.clone(), b.key.clone()],
                        });
                    }
                }
            }
        }
        out
    }
}

fn validate_session(
    s: &Session,
    range: Option<(NaiveDate, NaiveDate)>,
) -> Result<Session, DomainError> {
    let mut problems = Vec::new();
    let title = required_text(&s.title, "title", "Title", TITLE_MAX, &mut problems);
    let date = match parse_date(&s.date, "date", "Day") {
        Ok(d) => {
            if let Some((first, last)) = range {
                if d < first || d > last {
                    problems.push(DomainError::OutsideVisit {
                        field: "date",
                        date: d.to_string(),
                        first: first.to_string(),
                        last: last.to_string(),
                    });
                }
            }
            Some(d)
        }
        Err(e) => {
            problems.push(e);
            None
        }
    };
    let start = parse_time(&s.start, "start", "Start")
        .map_err(|e| problems.push(e))
        .ok();
    let end = parse_time(&s.end, "end", "End")
        .map_err(|e| problems.push(e))
        .ok();
    if let (Some(start), Some(end)) = (start, end) {
        if end <= start {
            problems.push(DomainError::EndBeforeStart { field: "end" });
        }
    }
    let mut own = Vec::new();
    let description = optional_text(
        &s.description,
        "description",
        "Description",
        TEXT_MAX,
        &mut own,
    );
    let venue = optional_text(&s.venue, "venue", "Venue", TITLE_MAX, &mut own);
    let address = optional_text(&s.address, "address", "Address", TITLE_MAX * 2, &mut own);
    let notes = optional_text(&s.notes, "notes", "Notes", TEXT_MAX, &mut own);
    problems.extend(own);
    DomainError::collect(problems)?;
    Ok(Session {
        key: s.key.trim().to_string(),
        date: date.expect("checked").to_string(),
        start: start.expect("checked").format("%H:%M").to_string(),
        end: end.expect("checked").format("%H:%M").to_string(),
        kind: s.kind,
        title,
        description,
        venue,
        address,
        speakers: s
            .speakers
            .iter()
            .map(|x| tidy(x))
            .filter(|x| !x.is_empty())
            .collect(),
        notes,
    })
}

impl Record for StudyVisit {
    const COLLECTION: &'static str = "study_visit";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        vec![
            ("host_city", self.host_city.to_string()),
            ("start_date", self.start_date.clone()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn city(n: u128) -> Id {
        Id::from_parts(1, n)
    }

    fn session(key: &str, date: &str, start: &str, end: &str) -> Session {
        Session {
            key: key.into(),
            date: date.into(),
            start: start.into(),
            end: end.into(),
            kind: SessionKind::Plenary,
            title: format!("Session {key}"),
            description: String::new(),
            venue: String::new(),
            address: String::new(),
            speakers: vec![],
            notes: String::new(),
        }
    }

    fn visit(sessions: Vec<Session>) -> StudyVisit {
        StudyVisit {
            id: Id::from_parts(2, 1),
            title: "Study visit eThekwini → Porto".into(),
            host_city: city(1),
            delegation: vec![city(2)],
            start_date: "2022-06-13".into(),
            days: 6,
            sessions,
            participants: vec![],
            logistics: Logistics::default(),
            sample: false,
        }
    }

    #[test]
    fn a_valid_visit_is_tidied() {
        let v = visit(vec![session("a", "2022-06-13", "9:30", "10:15")]);
        let ok = v.validate(|_| true).unwrap();
        assert_eq!(ok.sessions[0].start, "09:30");
        assert_eq!(ok.dates().len(), 6);
        assert_eq!(ok.date_range().unwrap().1.to_string(), "2022-06-18");
    }

    #[test]
    fn end_before_start_and_dates_outside_are_field_errors() {
        let v = visit(vec![
            session("a", "2022-06-13", "10:00", "09:00"),
            session("b", "2022-06-20", "10:00", "11:00"),
        ]);
        let err = v.validate(|_| true).unwrap_err();
        let fields: Vec<_> = err
            .issues()
            .into_iter()
            .map(|i| (i.field.unwrap(), i.code))
            .collect();
        assert_eq!(
            fields,
            vec![
                ("sessions.0.end".to_string(), "end_before_start".to_string()),
                ("sessions.1.date".to_string(), "outside_visit".to_string()),
            ]
        );
        assert!(err.issues()[1]
            .message
            .contains("outside the visit (2022-06-13 to 2022-06-18)"));
    }

    #[test]
    fn unknown_cities_and_bad_dates_are_refused() {
        let mut v = visit(vec![]);
        v.start_date = "13/06/2022".into();
        v.days = 0;
        let err = v.validate(|id| id == city(1)).unwrap_err();
        let fields: Vec<_> = err.issues().into_iter().map(|i| i.field.unwrap()).collect();
        assert_eq!(fields, ["delegation", "start_date", "days"]);
    }

    #[test]
    fn overlaps_are_warned_not_refused() {
        let v = visit(vec![
            session("a", "2022-06-14", "09:00", "10:30"),
            session("b", "2022-06-14", "10:00", "11:00"),
            session("c", "2022-06-14", "11:00", "12:00"),
        ]);
        assert!(v.validate(|_| true).is_ok());
        let w = v.warnings();
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].sessions, ["a", "b"]);
    }
}
