//! Series of meetings ("the cluster meets on the 2nd Tuesday of each month"): the rule and its
//! exceptions, and the meetings it gives kept in step with it.
//!
//! Each meeting of a series is a meeting of its own (it gets its agenda, attendees and minutes),
//! named by the rule's date that gave it. Saving the series changes, in one transaction, what
//! its meetings took from it; what was changed on one meeting by hand (its title, its time) is
//! left as it is. A meeting the series no longer gives is deleted when nothing was written in it
//! yet; one with an agenda, attendees, minutes or captured practices is kept as a meeting of its
//! own and the view says so, so no one's notes go with a changed rule.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use icp_domain::evaluation::EvaluationSubject;
use icp_domain::meeting::{Meeting, MeetingSeries, MeetingWarning, Occurrence};
use icp_domain::{BestPractice, Id};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Desk};

/// A series as its page shows it: its meetings, each with the record that holds it, and what
/// to look out for (clock changes between its meetings, exceptions that name no meeting,
/// meetings kept apart by the last save).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SeriesView {
    pub series: MeetingSeries,
    pub meetings: Vec<SeriesMeeting>,
    pub warnings: Vec<MeetingWarning>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SeriesMeeting {
    pub occurrence: Occurrence,
    /// The meeting saved for it; `None` in a preview of a series not saved yet.
    pub meeting: Option<Id>,
    /// Its start as the meeting has it, which differs from the rule's when it was moved by hand.
    #[ts(type = "string")]
    pub start: DateTime<Utc>,
}

impl Desk {
    /// Every series, by first day.
    pub fn list_series(&self) -> Result<Vec<MeetingSeries>, ApiError> {
        let mut all = self.all::<MeetingSeries>()?;
        all.sort_by(|a, b| a.from.cmp(&b.from).then(a.id.cmp(&b.id)));
        Ok(all)
    }

    pub fn get_series(&self, id: Id) -> Result<SeriesView, ApiError> {
        let series: MeetingSeries = self.one(id, "series")?;
        let meetings = self.series_meetings(id)?;
        self.series_view(series, &meetings, Vec::new())
    }

    /// The series as it would be saved, with its meetings and warnings, or every problem with
    /// its field; nothing is written. For the form to show the dates while they are typed.
    pub fn preview_series(&self, series: &MeetingSeries) -> Result<SeriesView, ApiError> {
        let valid = series.validate(&self.meeting_refs()?)?;
        let meetings = match self.store.get::<MeetingSeries>(series.id)? {
            Some(_) => self.series_meetings(series.id)?,
            None => Vec::new(),
        };
        self.series_view(valid, &meetings, Vec::new())
    }

    /// Saves a series and brings its meetings in step, all in one transaction: a new series
    /// when its id is not on record, else an edit of the one on record.
    pub fn save_series(&self, series: &MeetingSeries) -> Result<SeriesView, ApiError> {
        let stored: Option<MeetingSeries> = self.store.get(series.id)?;
        let draft = MeetingSeries {
            id: stored
                .as_ref()
                .map_or_else(|| self.store.new_id(), |s| s.id),
            sample: stored.as_ref().is_some_and(|s| s.sample),
            ..series.clone()
        };
        let valid = draft.validate(&self.meeting_refs()?)?;
        let existing = self.series_meetings(valid.id)?;
        let before: HashMap<String, Occurrence> = stored
            .as_ref()
            .map(|s| s.occurrences())
            .unwrap_or_default()
            .into_iter()
            .map(|o| (day(&o), o))
            .collect();
        let mut by_day: HashMap<String, Meeting> = HashMap::new();
        let mut loose = Vec::new();
        for m in existing {
            match m.occurrence.clone() {
                Some(d) if !by_day.contains_key(&d) => {
                    by_day.insert(d, m);
                }
                _ => loose.push(m),
            }
        }

        let mut to_save = Vec::new();
        for occurrence in valid.occurrences() {
            let key = day(&occurrence);
            let fresh = valid.meeting(&occurrence, self.store.new_id());
            to_save.push(match by_day.remove(&key) {
                Some(mut m) => {
                    let old = stored
                        .as_ref()
                        .zip(before.get(&key))
                        .map(|(s, o)| s.meeting(o, m.id));
                    follow_series(&mut m, old.as_ref(), &fresh);
                    m
                }
                None => fresh,
            });
        }

        // What the series no longer gives: gone if empty, else kept on its own.
        let practices = self.all::<BestPractice>()?;
        let mut to_delete = Vec::new();
        let mut warnings = Vec::new();
        for mut m in by_day.into_values().chain(loose) {
            if self.has_content(&m, &practices)? {
                warnings.push(kept_warning(&m));
                m.series = None;
                m.occurrence = None;
                to_save.push(m);
            } else {
                to_delete.push(m.id);
            }
        }

        self.store.save_together(|batch| {
            batch.save(&valid)?;
            for m in &to_save {
                batch.save(m)?;
            }
            for id in &to_delete {
                batch.delete::<Meeting>(*id)?;
            }
            Ok(())
        })?;
        let meetings: Vec<Meeting> = to_save.into_iter().filter(|m| m.series.is_some()).collect();
        self.series_view(valid, &meetings, warnings)
    }

    /// Deletes a series and those of its meetings nothing was written in; the others stay as
    /// meetings of their own. Returns how many meetings were kept.
    pub fn delete_series(&self, id: Id) -> Result<u32, ApiError> {
        let _: MeetingSeries = self.one(id, "series")?;
        let practices = self.all::<BestPractice>()?;
        let mut kept = 0;
        let meetings = self.series_meetings(id)?;
        let written: Vec<bool> = meetings
            .iter()
            .map(|m| self.has_content(m, &practices))
            .collect::<Result<_, _>>()?;
        self.store.save_together(|batch| {
            for (m, written) in meetings.iter().zip(written) {
                if written {
                    kept += 1;
                    batch.save(&Meeting {
                        series: None,
                        occurrence: None,
                        ..m.clone()
                    })?;
                } else {
                    batch.delete::<Meeting>(m.id)?;
                }
            }
            batch.delete::<MeetingSeries>(id)?;
            Ok(())
        })?;
        Ok(kept)
    }

    pub(crate) fn series_meetings(&self, id: Id) -> Result<Vec<Meeting>, ApiError> {
        Ok(self.store.find::<Meeting>("series", &id.to_string())?)
    }

    fn series_view(
        &self,
        series: MeetingSeries,
        meetings: &[Meeting],
        mut warnings: Vec<MeetingWarning>,
    ) -> Result<SeriesView, ApiError> {
        let cities = self.cities_of(series.belongs_to, &[])?;
        warnings.extend(series.warnings(&cities));
        let rows = series
            .occurrences()
            .into_iter()
            .map(|occurrence| {
                let held = meetings
                    .iter()
                    .find(|m| m.occurrence.as_deref() == Some(day(&occurrence).as_str()));
                SeriesMeeting {
                    meeting: held.map(|m| m.id),
                    start: held.map_or(occurrence.start, |m| m.start),
                    occurrence,
                }
            })
            .collect();
        Ok(SeriesView {
            series,
            meetings: rows,
            warnings,
        })
    }
}

fn day(o: &Occurrence) -> String {
    o.date.format("%Y-%m-%d").to_string()
}

/// Carries the series' new values into a meeting of it, field by field, where the meeting still
/// has what the series gave it before (`old`): a title or a time changed on the meeting itself
/// stays. Without `old` (a meeting whose date the series did not give before) it takes them all.
fn follow_series(m: &mut Meeting, old: Option<&Meeting>, new: &Meeting) {
    fn follow<T: PartialEq + Clone>(field: &mut T, old: Option<&T>, new: &T) {
        if old.is_none_or(|o| o == field) {
            *field = new.clone();
        }
    }
    follow(&mut m.title, old.map(|o| &o.title), &new.title);
    follow(&mut m.kind, old.map(|o| &o.kind), &new.kind);
    follow(
        &mut m.belongs_to,
        old.map(|o| &o.belongs_to),
        &new.belongs_to,
    );
    follow(&mut m.start, old.map(|o| &o.start), &new.start);
    follow(
        &mut m.planned_zone,
        old.map(|o| &o.planned_zone),
        &new.planned_zone,
    );
    follow(
        &mut m.duration_minutes,
        old.map(|o| &o.duration_minutes),
        &new.duration_minutes,
    );
    follow(
        &mut m.online_link,
        old.map(|o| &o.online_link),
        &new.online_link,
    );
    follow(&mut m.venue, old.map(|o| &o.venue), &new.venue);
}

impl Desk {
    /// Whether someone wrote anything in the meeting, or about it, that deleting it would
    /// lose: its agenda, attendees, minutes, decisions or actions, a practice captured in it,
    /// a participant's evaluation of it.
    fn has_content(&self, m: &Meeting, practices: &[BestPractice]) -> Result<bool, ApiError> {
        Ok(!m.agenda.is_empty()
            || !m.attendees.is_empty()
            || !m.minutes.trim().is_empty()
            || !m.decisions.is_empty()
            || !m.actions.is_empty()
            || practices.iter().any(|p| p.meeting == Some(m.id))
            || !self
                .list_evaluations(EvaluationSubject::Meeting(m.id))?
                .is_empty())
    }
}

fn kept_warning(m: &Meeting) -> MeetingWarning {
    let local = m
        .zone()
        .map(|z| m.start.with_timezone(&z).format("%-d %b %Y").to_string())
        .unwrap_or_else(|| m.start.format("%-d %b %Y").to_string());
    MeetingWarning {
        code: "meeting_kept".into(),
        message: format!(
            "The meeting of {local} is no longer in the series, but something was written in \
             it, so it was kept as a meeting of its own."
        ),
        field: None,
        cities: Vec::new(),
    }
}
