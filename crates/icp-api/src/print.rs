use std::io::Write;
use std::path::Path;

use icp_domain::meeting::{meeting_warnings, BelongsTo, Meeting, MeetingSeries};
use icp_domain::pairing::Pairing;
use icp_domain::{City, Cluster, EvaluationSubject, Id, Person};
use icp_print::documents::cities::Cities;
use icp_print::documents::itinerary::itinerary;
use icp_print::documents::meeting_calendar::meeting_calendar;
use icp_print::documents::minutes::{minutes, CapturedPractice, MinutesDocument};
use icp_print::documents::people::People;
use icp_print::documents::visit_calendar::visit_calendar;
use icp_print::{ics, render_pdf, FontSet, Paper};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::files::write_atomically;
use crate::{ApiError, Desk};

/// Which meetings a calendar export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MeetingsToExport {
    /// Every meeting on record.
    All,
    /// Those that have not ended yet.
    Upcoming,
    Meeting {
        id: Id,
    },
    Series {
        id: Id,
    },
}

impl Desk {
    /// The fonts, found once per desk: looking through the system's fonts is the slow part of a
    /// first export.
    pub(crate) fn fonts(&self) -> Result<&FontSet, ApiError> {
        if let Some(f) = self.fonts.get() {
            return Ok(f);
        }
        let found = FontSet::from_system().map_err(ApiError::Print)?;
        Ok(self.fonts.get_or_init(|| found))
    }

    /// The printed itinerary of a visit, as PDF bytes.
    pub fn itinerary_pdf(&self, id: Id, paper: Paper) -> Result<Vec<u8>, ApiError> {
        let visit = self.study_visit(id)?;
        let cities: Vec<City> = self.all::<City>()?;
        let doc = itinerary(&visit, &Cities(&cities), paper);
        render_pdf(&doc, self.fonts()?).map_err(ApiError::Print)
    }

    /// Writes the itinerary to `path`; a failed export leaves nothing under that name.
    pub fn export_itinerary(&self, id: Id, paper: Paper, path: &Path) -> Result<u64, ApiError> {
        let bytes = self.itinerary_pdf(id, paper)?;
        write_file(path, &bytes)
    }

    /// A visit's sessions as an iCalendar file's text.
    pub fn visit_calendar_ics(&self, id: Id) -> Result<String, ApiError> {
        let visit = self.study_visit(id)?;
        let cities: Vec<City> = self.all::<City>()?;
        let calendar = visit_calendar(&visit, &Cities(&cities)).map_err(ApiError::Print)?;
        Ok(ics::write(&calendar, chrono::Utc::now().naive_utc()))
    }

    /// Writes the visit's calendar to `path`; a failed export leaves nothing under that name.
    pub fn export_visit_calendar(&self, id: Id, path: &Path) -> Result<u64, ApiError> {
        let text = self.visit_calendar_ics(id)?;
        write_file(path, text.as_bytes())
    }
}

impl Desk {
    /// The minutes of a meeting, as PDF bytes: its time in every participating city, agenda,
    /// attendees with their local time, minutes (as text), decisions and actions.
    pub fn minutes_pdf(&self, id: Id, paper: Paper) -> Result<Vec<u8>, ApiError> {
        let meeting: Meeting = self.one(id, "meeting")?;
        let people = self.all::<Person>()?;
        let cities = self.participating_cities(&meeting)?;
        let mut doc = MinutesDocument::from_meeting(&meeting, &People(&people), &cities);
        doc.part_of = self.part_of(meeting.belongs_to)?;
        doc.warnings = meeting_warnings(chrono::Utc::now(), &meeting, &cities);
        let all_cities = self.all::<City>()?;
        doc.best_practices = self
            .list_best_practices(Some(id))?
            .into_iter()
            .map(|p| CapturedPractice {
                city: p
                    .city
                    .and_then(|c| all_cities.iter().find(|k| k.id == c))
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                theme: crate::library::theme_labels(&p.themes, &self.programme).join(", "),
                title: p.title,
                summary: p.summary,
            })
            .collect();
        doc.evaluation = self.printed_evaluation(EvaluationSubject::Meeting(id))?;
        render_pdf(&minutes(&doc, paper), self.fonts()?).map_err(ApiError::Print)
    }

    /// Writes the minutes to `path`; a failed export leaves nothing under that name.
    pub fn export_minutes(&self, id: Id, paper: Paper, path: &Path) -> Result<u64, ApiError> {
        let bytes = self.minutes_pdf(id, paper)?;
        write_file(path, &bytes)
    }

    /// The meetings `which` names as an iCalendar file's text, each in the zone it was planned
    /// in.
    pub fn meetings_calendar_ics(&self, which: &MeetingsToExport) -> Result<String, ApiError> {
        let now = chrono::Utc::now();
        let meetings: Vec<Meeting> = match which {
            MeetingsToExport::All => self.list_meetings()?,
            MeetingsToExport::Upcoming => self
                .list_meetings()?
                .into_iter()
                .filter(|m| m.end() > now)
                .collect(),
            MeetingsToExport::Meeting { id } => vec![self.one(*id, "meeting")?],
            MeetingsToExport::Series { id } => {
                let _: MeetingSeries = self.one(*id, "series")?;
                let mut all = self.series_meetings(*id)?;
                all.sort_by_key(|m| (m.start, m.id));
                all
            }
        };
        let people = self.all::<Person>()?;
        let calendar = meeting_calendar(&self.programme.name, &meetings, &People(&people));
        Ok(ics::write(&calendar, now.naive_utc()))
    }

    pub fn export_meetings_calendar(
        &self,
        which: &MeetingsToExport,
        path: &Path,
    ) -> Result<u64, ApiError> {
        let text = self.meetings_calendar_ics(which)?;
        write_file(path, text.as_bytes())
    }

    /// What a meeting belongs to, in words: "Circular economy cluster", "Porto – eThekwini".
    pub(crate) fn part_of(&self, belongs_to: BelongsTo) -> Result<Option<String>, ApiError> {
        let city = |id: Id| -> Result<String, ApiError> {
            Ok(self
                .store
                .get::<City>(id)?
                .map_or_else(|| "a city no longer listed".to_string(), |c| c.name))
        };
        Ok(match belongs_to {
            BelongsTo::Cluster(id) => self.store.get::<Cluster>(id)?.map(|c| {
                let theme = self
                    .programme
                    .themes
                    .iter()
                    .find(|t| t.key == c.theme)
                    .map_or(c.theme.clone(), |t| t.label.clone());
                format!("{theme} cluster")
            }),
            BelongsTo::Pairing(id) => match self.store.get::<Pairing>(id)? {
                Some(p) => Some(format!("{} – {}", city(p.eu_city)?, city(p.partner_city)?)),
                None => None,
            },
            BelongsTo::Programme => None,
        })
    }
}

pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<u64, ApiError> {
    write_atomically(path, |w| {
        w.write_all(bytes).map_err(|e| ApiError::File {
            path: path.display().to_string(),
            action: "write",
            reason: e.to_string(),
        })
    })?;
    Ok(bytes.len() as u64)
}
