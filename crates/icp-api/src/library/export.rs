//! The library's selection as a spreadsheet: every practice the filters and words select, in
//! the library's order, one row each with its texts whole and its references in words.

use std::path::Path;

use icp_domain::meeting::Meeting;
use icp_domain::City;

use super::{theme_labels, LibraryQuery};
use crate::{ApiError, Desk};

const HEADERS: [&str; 19] = [
    "Title",
    "City",
    "Country",
    "Region",
    "Themes",
    "Tags",
    "Status",
    "Reviewed by",
    "Reviewed on",
    "Summary",
    "Problem",
    "Solution",
    "Evidence of results",
    "Resources needed",
    "Transferability",
    "Contacts",
    "Meeting",
    "Captured",
    "Id",
];

impl Desk {
    /// The CSV text of the practices `query` selects (all pages).
    pub fn practices_csv(&self, query: &LibraryQuery) -> Result<String, ApiError> {
        let practices = self.selected_practices(query)?;
        let mut w = csv::Writer::from_writer(Vec::new());
        // Writing into memory fails only if memory does.
        let fail = |e: csv::Error| ApiError::File {
            path: "the spreadsheet".into(),
            action: "write",
            reason: e.to_string(),
        };
        w.write_record(HEADERS).map_err(fail)?;

        for p in practices {
            let city = match p.city {
                Some(c) => self.store.get::<City>(c)?,
                None => None,
            };
            let country = city
                .as_ref()
                .and_then(|c| self.programme.country(&c.country));
            let meeting = match p.meeting {
                Some(m) => match self.store.get::<Meeting>(m)? {
                    Some(m) => format!("{} ({})", m.title, m.start.format("%Y-%m-%d")),
                    None => super::MEETING_GONE.into(),
                },
                None => String::new(),
            };
            let contacts = p
                .contacts
                .iter()
                .map(|c| self.person_name(*c))
                .collect::<Result<Vec<_>, _>>()?
                .join("; ");
            let reviewer = p
                .reviewed_by
                .map(|r| self.person_name(r))
                .transpose()?
                .unwrap_or_default();
            let row: [String; 19] = [
                p.title,
                city.as_ref().map(|c| c.name.clone()).unwrap_or_default(),
                country.map(|c| c.name.clone()).unwrap_or_default(),
                country
                    .map(|c| c.region.label().to_string())
                    .unwrap_or_default(),
                theme_labels(&p.themes, &self.programme).join("; "),
                p.tags.join("; "),
                p.status.label().into(),
                reviewer,
                p.reviewed_at
                    .as_deref()
                    .map(|t| t.get(..10).unwrap_or(t).to_string())
                    .unwrap_or_default(),
                p.summary,
                p.problem,
                p.solution,
                p.evidence,
                p.resources,
                p.transferability,
                contacts,
                meeting,
                p.captured_at
                    .get(..10)
                    .unwrap_or(&p.captured_at)
                    .to_string(),
                p.id.to_string(),
            ];
            w.write_record(row.iter().map(|c| defuse(c)))
                .map_err(fail)?;
        }
        let bytes = w.into_inner().map_err(|e| fail(e.into_error().into()))?;
        // Every cell is a Rust string: the bytes are UTF-8.
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Writes the selection's CSV to `path` (UTF-8 with a byte-order mark, so spreadsheet
    /// programs read accents and Korean right); returns the bytes written.
    pub fn export_practices_csv(&self, query: &LibraryQuery, path: &Path) -> Result<u64, ApiError> {
        let text = self.practices_csv(query)?;
        let bytes = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        crate::print::write_file(path, &bytes)
    }
}

/// A cell a spreadsheet would run as a formula ("=…", "+…", "-…", "@…") gets a leading
/// apostrophe: practices are typed by many people and opened by others.
fn defuse(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::defuse;

    #[test]
    fn formulas_are_defused_and_text_is_kept() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("Repair cafés"), "Repair cafés");
        assert_eq!(defuse(""), "");
    }
}
