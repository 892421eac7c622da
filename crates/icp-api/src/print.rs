use std::io::Write;
use std::path::Path;

use icp_domain::{City, Id};
use icp_print::documents::cities::Cities;
use icp_print::documents::itinerary::itinerary;
use icp_print::documents::visit_calendar::visit_calendar;
use icp_print::{ics, render_pdf, FontSet, Paper};

use crate::files::write_atomically;
use crate::{ApiError, Desk};

impl Desk {
    /// The fonts, found once per desk: looking through the system's fonts is the slow part of a
    /// first export.
    fn fonts(&self) -> Result<&FontSet, ApiError> {
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

fn write_file(path: &Path, bytes: &[u8]) -> Result<u64, ApiError> {
    write_atomically(path, |w| {
        w.write_all(bytes).map_err(|e| ApiError::File {
            path: path.display().to_string(),
            action: "write",
            reason: e.to_string(),
        })
    })?;
    Ok(bytes.len() as u64)
}
