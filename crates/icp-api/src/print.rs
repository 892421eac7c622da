use std::fs::{self, File};
use std::io::Write;
use std::path::Path;

use icp_domain::{City, Id};
use icp_print::documents::itinerary::{itinerary, Cities};
use icp_print::{render_pdf, FontSet, Paper};

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

    /// Writes the itinerary to `path`, through a temporary file beside it, so a failed export
    /// never leaves a half-written PDF under the chosen name.
    pub fn export_itinerary(&self, id: Id, paper: Paper, path: &Path) -> Result<u64, ApiError> {
        let bytes = self.itinerary_pdf(id, paper)?;
        write_atomically(path, &bytes)?;
        Ok(bytes.len() as u64)
    }
}

pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    let err = |action: &'static str| {
        move |e: std::io::Error| ApiError::File { path: path.display().to_string(), action, reason: e.to_string() }
    };
    let name = path.file_name().ok_or_else(|| ApiError::File {
        path: path.display().to_string(),
        action: "write",
        reason: "that is a folder, not a file name".into(),
    })?;
    let tmp = path.with_file_name(format!(".{}.partial", name.to_string_lossy()));
    let result = (|| {
        let mut f = File::create(&tmp).map_err(err("create"))?;
        f.write_all(bytes).map_err(err("write"))?;
        f.sync_all().map_err(err("write"))?;
        fs::rename(&tmp, path).map_err(err("write"))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}
