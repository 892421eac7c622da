//! The planner's form: the start and end as they read them on their own clock (date, time,
//! zone), turned into the instant and length the record keeps.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::record::{
    check_body, check_head, duration_out_of_range, ActionItem, AgendaItem, Attendee, BelongsTo,
    Meeting, MeetingKind, MeetingRefs, DURATION_MAX_MINUTES,
};
use super::wall_clock::{resolve, time_skipped, WallClock};
use super::warnings::MeetingWarning;
use crate::checks::required_zone;
use crate::{parse_date, parse_time, DomainError, Id};

/// A meeting as the form sends it. Times are wall-clock times in `planned_zone`, as typed.
///
/// The length is given by its `end` (and `end_date` when it ends on a later day), because
/// that is what people type and what "an end before the start" refers to: such an end is an
/// `end_before_start` error on `end`, and a length over a day is `out_of_range` on `end`.
/// The length kept is the real one: 01:30–03:30 on the night clocks go forward is an hour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingInput {
    /// Absent for a new meeting.
    #[serde(default)]
    pub id: Option<Id>,
    pub title: String,
    pub kind: MeetingKind,
    pub belongs_to: BelongsTo,
    /// `YYYY-MM-DD` on the planner's clock.
    pub date: String,
    /// `HH:MM` on the planner's clock.
    pub time: String,
    /// `HH:MM`.
    pub end: String,
    /// `YYYY-MM-DD`; empty means the same day as `date`.
    #[serde(default)]
    pub end_date: String,
    /// IANA name, e.g. `Europe/Berlin`.
    pub planned_zone: String,
    #[serde(default)]
    pub online_link: String,
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    #[serde(default)]
    pub attendees: Vec<Attendee>,
    #[serde(default)]
    pub minutes: String,
    #[serde(default)]
    pub decisions: Vec<String>,
    #[serde(default)]
    pub actions: Vec<ActionItem>,
    #[serde(default)]
    pub series: Option<Id>,
    /// Carried through unchanged: see [`Meeting::occurrence`].
    #[serde(default)]
    pub occurrence: Option<String>,
}

impl MeetingInput {
    /// The form for an existing meeting: its start and end read again on the planner's clock.
    pub fn from_meeting(m: &Meeting) -> MeetingInput {
        let zone = m.zone().unwrap_or(chrono_tz::UTC);
        let start = m.start.with_timezone(&zone);
        let end = m.end().with_timezone(&zone);
        MeetingInput {
            id: Some(m.id),
            title: m.title.clone(),
            kind: m.kind,
            belongs_to: m.belongs_to,
            date: start.format("%Y-%m-%d").to_string(),
            time: start.format("%H:%M").to_string(),
            end: end.format("%H:%M").to_string(),
            end_date: if end.date_naive() == start.date_naive() {
                String::new()
            } else {
                end.format("%Y-%m-%d").to_string()
            },
            planned_zone: m.planned_zone.clone(),
            online_link: m.online_link.clone(),
            venue: m.venue.clone(),
            agenda: m.agenda.clone(),
            attendees: m.attendees.clone(),
            minutes: m.minutes.clone(),
            decisions: m.decisions.clone(),
            actions: m.actions.clone(),
            series: m.series,
            occurrence: m.occurrence.clone(),
        }
    }

    /// Checks every field and returns the meeting `id` with its instant, plus what the planner
    /// should know: a time that happens twice (clocks go back) is taken at its first
    /// occurrence and said so. A time the clocks jump over is an error on its field. Nothing
    /// is returned to save unless every field is right.
    pub fn validate(
        &self,
        id: Id,
        refs: &impl MeetingRefs,
    ) -> Result<(Meeting, Vec<MeetingWarning>), DomainError> {
        let mut problems = Vec::new();
        let mut warnings = Vec::new();
        let draft = Meeting {
            id,
            title: self.title.clone(),
            kind: self.kind,
            belongs_to: self.belongs_to,
            start: chrono::DateTime::UNIX_EPOCH,
            planned_zone: self.planned_zone.trim().to_string(),
            duration_minutes: 0,
            online_link: self.online_link.clone(),
            venue: self.venue.clone(),
            agenda: self.agenda.clone(),
            attendees: self.attendees.clone(),
            minutes: self.minutes.clone(),
            decisions: self.decisions.clone(),
            actions: self.actions.clone(),
            series: self.series,
            occurrence: self.occurrence.clone(),
            sample: false,
        };
        let head = check_head(&draft, refs, &mut problems);

        let date = parse_date(&self.date, "date", "Date")
            .map_err(|e| problems.push(e))
            .ok();
        let time = parse_time(&self.time, "time", "Start")
            .map_err(|e| problems.push(e))
            .ok();
        let end_date = match self.end_date.trim() {
            "" => date,
            text => parse_date(text, "end_date", "End date")
                .map_err(|e| problems.push(e))
                .ok(),
        };
        let end = parse_time(&self.end, "end", "End")
            .map_err(|e| problems.push(e))
            .ok();
        let zone = required_zone(&self.planned_zone, "planned_zone", &mut problems);

        let mut start_at = None;
        let mut duration = None;
        if let (Some(date), Some(time), Some(zone)) = (date, time, zone) {
            start_at = instant("time", date, time, zone, &mut problems, &mut warnings);
        }
        if let (Some(date), Some(time), Some(zone)) = (end_date, end, zone) {
            let end_at = instant("end", date, time, zone, &mut problems, &mut warnings);
            if let (Some(s), Some(e)) = (start_at, end_at) {
                let minutes = (e - s).num_minutes();
                if minutes <= 0 {
                    problems.push(DomainError::EndBeforeStart { field: "end" });
                } else if minutes > i64::from(DURATION_MAX_MINUTES) {
                    problems.push(duration_out_of_range("end"));
                } else {
                    duration = u32::try_from(minutes).ok();
                }
            }
        }

        let body = check_body(head, refs, &mut problems);
        DomainError::collect(problems)?;
        Ok((
            Meeting {
                start: start_at.expect("checked"),
                duration_minutes: duration.expect("checked"),
                ..body
            },
            warnings,
        ))
    }
}

/// The instant `date time` names in `zone`; a skipped time is a problem of `field`, a repeated
/// one becomes a warning on it.
fn instant(
    field: &'static str,
    date: NaiveDate,
    time: NaiveTime,
    zone: Tz,
    problems: &mut Vec<DomainError>,
    warnings: &mut Vec<MeetingWarning>,
) -> Option<chrono::DateTime<chrono::Utc>> {
    let hm = |t: chrono::NaiveDateTime| t.format("%H:%M").to_string();
    let local = date.and_time(time);
    match resolve(zone, local) {
        WallClock::Exact(t) => Some(t),
        WallClock::Twice {
            first, from, to, ..
        } => {
            let offset = super::clock_changes::offset_at(zone, first);
            warnings.push(MeetingWarning {
                code: "ambiguous_time".into(),
                message: format!(
                    "{} on {} happens twice in {} (the clocks go back from {} to {} that night); \
                     the meeting {} at the first {}, before the change (UTC{}).",
                    time.format("%H:%M"),
                    date.format("%Y-%m-%d"),
                    zone.name(),
                    hm(from),
                    hm(to),
                    if field == "end" { "ends" } else { "starts" },
                    time.format("%H:%M"),
                    offset
                ),
                field: Some(field.to_string()),
                cities: Vec::new(),
            });
            Some(first)
        }
        WallClock::Skipped { from, to, .. } => {
            problems.push(time_skipped(field, zone, local, from, to));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::record::tests::{meeting, person, Refs};
    use crate::meeting::test_support::utc;

    fn input() -> MeetingInput {
        MeetingInput {
            date: "2022-03-21".into(),
            time: "15:00".into(),
            end: "16:30".into(),
            ..MeetingInput::from_meeting(&meeting())
        }
    }

    fn fields(err: &DomainError) -> Vec<(String, String)> {
        err.issues()
            .into_iter()
            .map(|i| (i.field.unwrap_or_default(), i.code))
            .collect()
    }

    #[test]
    fn the_planners_wall_clock_becomes_the_instant() {
        let (m, warnings) = input().validate(Id::from_parts(6, 1), &Refs).unwrap();
        // 15:00 CET (UTC+1): Berlin has not switched yet on 21 March 2022.
        assert_eq!(m.start, utc(2022, 3, 21, 14, 0));
        assert_eq!(m.duration_minutes, 90);
        assert!(warnings.is_empty());
        // A week later Berlin is on CEST: the same wall clock is an hour earlier in UTC.
        let later = MeetingInput {
            date: "2022-03-28".into(),
            ..input()
        };
        assert_eq!(
            later.validate(m.id, &Refs).unwrap().0.start,
            utc(2022, 3, 28, 13, 0)
        );
        // And the form reads the record back as typed.
        let again = MeetingInput::from_meeting(&m);
        assert_eq!(
            (again.date.as_str(), again.time.as_str()),
            ("2022-03-21", "15:00")
        );
        assert_eq!((again.end.as_str(), again.end_date.as_str()), ("16:30", ""));
    }

    #[test]
    fn a_meeting_may_end_on_the_next_day_but_not_before_it_starts() {
        let late = MeetingInput {
            time: "23:00".into(),
            end: "00:30".into(),
            end_date: "2022-03-22".into(),
            ..input()
        };
        let (m, _) = late.validate(Id::from_parts(6, 1), &Refs).unwrap();
        assert_eq!(m.duration_minutes, 90);
        assert_eq!(MeetingInput::from_meeting(&m).end_date, "2022-03-22");

        let backwards = MeetingInput {
            end: "14:00".into(),
            ..input()
        };
        let err = backwards.validate(Id::from_parts(6, 1), &Refs).unwrap_err();
        assert_eq!(fields(&err), [("end".into(), "end_before_start".into())]);
        let same = MeetingInput {
            end: "15:00".into(),
            ..input()
        };
        assert_eq!(
            same.validate(Id::from_parts(6, 1), &Refs)
                .unwrap_err()
                .code(),
            "end_before_start"
        );
        let too_long = MeetingInput {
            end_date: "2022-03-23".into(),
            ..input()
        };
        let err = too_long.validate(Id::from_parts(6, 1), &Refs).unwrap_err();
        assert_eq!(fields(&err), [("end".into(), "out_of_range".into())]);
    }

    #[test]
    fn bad_input_is_a_field_error_each_and_nothing_is_returned() {
        let bad = MeetingInput {
            title: "".into(),
            date: "21.03.2022".into(),
            time: "25:00".into(),
            end: "".into(),
            planned_zone: "Europe/Berln".into(),
            online_link: "https://zoom.us@evil.example/j/1".into(),
            attendees: vec![Attendee {
                person: person(99),
                guest_speaker: false,
            }],
            ..input()
        };
        let err = bad.validate(Id::from_parts(6, 1), &Refs).unwrap_err();
        assert_eq!(
            fields(&err),
            [
                ("title", "required"),
                ("date", "invalid_date"),
                ("time", "invalid_time"),
                ("end", "invalid_time"),
                ("planned_zone", "invalid_time_zone"),
                ("online_link", "invalid_link"),
                ("attendees.0.person", "unknown_record"),
            ]
            .map(|(f, c)| (f.to_string(), c.to_string()))
        );
    }

    #[test]
    fn a_time_the_clocks_jump_over_is_an_error_on_its_field() {
        let skipped = MeetingInput {
            date: "2022-03-27".into(),
            time: "02:30".into(),
            end: "04:00".into(),
            ..input()
        };
        let err = skipped.validate(Id::from_parts(6, 1), &Refs).unwrap_err();
        assert_eq!(fields(&err), [("time".into(), "time_skipped".into())]);
        assert_eq!(
            err.to_string(),
            "02:30 does not exist on 2022-03-27 in Europe/Berlin: the clocks go forward from \
             02:00 to 03:00 that night. Choose a time before or after the change."
        );
        // Across the gap the length is the real one: 01:30 CET to 03:30 CEST is an hour.
        let across = MeetingInput {
            time: "01:30".into(),
            end: "03:30".into(),
            ..skipped
        };
        let (m, _) = across.validate(Id::from_parts(6, 1), &Refs).unwrap();
        assert_eq!(m.duration_minutes, 60);
    }

    #[test]
    fn a_time_that_happens_twice_takes_the_first_and_says_so() {
        let twice = MeetingInput {
            date: "2022-10-30".into(),
            time: "02:30".into(),
            end: "04:00".into(),
            ..input()
        };
        let (m, warnings) = twice.validate(Id::from_parts(6, 1), &Refs).unwrap();
        assert_eq!(m.start, utc(2022, 10, 30, 0, 30));
        // 02:30 CEST to 04:00 CET: two and a half hours pass.
        assert_eq!(m.duration_minutes, 150);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].field.as_deref(), Some("time"));
        assert_eq!(
            warnings[0].message,
            "02:30 on 2022-10-30 happens twice in Europe/Berlin (the clocks go back from 03:00 \
             to 02:00 that night); the meeting starts at the first 02:30, before the change \
             (UTC+02:00)."
        );
    }
}
