//! The library's selection printed as a catalogue: the practices grouped by theme (a practice
//! under each of its themes), with contents and an index of cities the print engine numbers.

use std::path::Path;

use icp_domain::meeting::Meeting;
use icp_domain::{BestPractice, City, PracticeStatus};
use icp_print::documents::catalogue::{
    catalogue_pdf, CatalogueDocument, CataloguePractice, CatalogueSection,
};
use icp_print::Paper;

use super::{theme_labels, LibraryQuery};
use crate::print::write_file;
use crate::{ApiError, Desk};

/// The section of practices no theme was chosen for, printed last.
const NO_THEME: &str = "Theme not chosen yet";

impl Desk {
    /// The catalogue of the practices `query` selects (all pages), in the library's order
    /// within each theme.
    pub fn catalogue_document(&self, query: &LibraryQuery) -> Result<CatalogueDocument, ApiError> {
        let practices = self.selected_practices(query)?;
        let mut sections: Vec<CatalogueSection> = Vec::new();
        for theme in &self.programme.themes {
            if !query.themes.is_empty() && !query.themes.contains(&theme.key) {
                continue;
            }
            let mine: Vec<&BestPractice> = practices
                .iter()
                .filter(|p| p.themes.contains(&theme.key))
                .collect();
            if !mine.is_empty() {
                sections.push(CatalogueSection {
                    theme: theme.label.clone(),
                    practices: mine
                        .into_iter()
                        .map(|p| self.printed_practice(p))
                        .collect::<Result<_, _>>()?,
                });
            }
        }
        let unthemed: Vec<&BestPractice> =
            practices.iter().filter(|p| p.themes.is_empty()).collect();
        if !unthemed.is_empty() {
            sections.push(CatalogueSection {
                theme: NO_THEME.into(),
                practices: unthemed
                    .into_iter()
                    .map(|p| self.printed_practice(p))
                    .collect::<Result<_, _>>()?,
            });
        }
        Ok(CatalogueDocument {
            title: "Best-practice catalogue".into(),
            subtitle: self.selection_line(query, practices.len())?,
            sections,
        })
    }

    pub fn catalogue_pdf(&self, query: &LibraryQuery, paper: Paper) -> Result<Vec<u8>, ApiError> {
        let doc = self.catalogue_document(query)?;
        catalogue_pdf(&doc, paper, self.fonts()?).map_err(ApiError::Print)
    }

    /// Writes the catalogue to `path`; a failed export leaves nothing under that name.
    pub fn export_catalogue(
        &self,
        query: &LibraryQuery,
        paper: Paper,
        path: &Path,
    ) -> Result<u64, ApiError> {
        let bytes = self.catalogue_pdf(query, paper)?;
        write_file(path, &bytes)
    }

    /// What was selected, in words, for the title page: "Themes: Air quality · Status:
    /// Reviewed · Words: “solar” · 12 practices · printed 30 November 2026".
    fn selection_line(&self, query: &LibraryQuery, count: usize) -> Result<String, ApiError> {
        let mut parts: Vec<String> = Vec::new();
        if !query.themes.is_empty() {
            parts.push(format!(
                "Themes: {}",
                theme_labels(&query.themes, &self.programme).join(", ")
            ));
        }
        if !query.regions.is_empty() {
            let names: Vec<&str> = query.regions.iter().map(|r| r.label()).collect();
            parts.push(format!("Regions: {}", names.join(", ")));
        }
        if !query.cities.is_empty() {
            let mut names = Vec::new();
            for c in &query.cities {
                names.extend(self.store.get::<City>(*c)?.map(|c| c.name));
            }
            parts.push(format!("Cities: {}", names.join(", ")));
        }
        if !query.statuses.is_empty() {
            let names: Vec<&str> = query.statuses.iter().map(|s| s.label()).collect();
            parts.push(format!("Status: {}", names.join(", ")));
        }
        let words = query.text.trim();
        if !words.is_empty() {
            let shown: String = words.chars().take(60).collect();
            let cut = if shown.len() < words.len() { "…" } else { "" };
            parts.push(format!("Words: “{shown}{cut}”"));
        }
        parts.push(match count {
            1 => "1 practice".into(),
            n => format!("{n} practices"),
        });
        parts.push(format!(
            "printed {}",
            chrono::Utc::now().format("%-d %B %Y")
        ));
        Ok(parts.join(" · "))
    }

    fn printed_practice(&self, p: &BestPractice) -> Result<CataloguePractice, ApiError> {
        let city = match p.city {
            Some(c) => self.store.get::<City>(c)?.map(|c| self.city_line(&c)),
            None => None,
        };
        let status = match (p.status, p.reviewed_by) {
            (PracticeStatus::Reviewed, Some(by)) => {
                let on = p
                    .reviewed_at
                    .as_deref()
                    .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                    .map(|t| format!(" on {}", t.format("%-d %B %Y")))
                    .unwrap_or_default();
                format!("Reviewed by {}{on}", self.person_name(by)?)
            }
            (status, _) => status.label().to_string(),
        };
        let meeting = match p.meeting {
            Some(m) => match self.store.get::<Meeting>(m)? {
                Some(m) => format!("{}, {}", m.title, m.start.format("%-d %B %Y")),
                None => super::MEETING_GONE.into(),
            },
            None => String::new(),
        };
        Ok(CataloguePractice {
            title: p.name().to_string(),
            city: city.unwrap_or_default(),
            status,
            summary: p.summary.clone(),
            problem: p.problem.clone(),
            solution: p.solution.clone(),
            evidence: p.evidence.clone(),
            resources: p.resources.clone(),
            transferability: p.transferability.clone(),
            contacts: p
                .contacts
                .iter()
                .map(|c| self.person_name(*c))
                .collect::<Result<_, _>>()?,
            meeting,
            tags: p.tags.clone(),
            themes: theme_labels(&p.themes, &self.programme).join(", "),
        })
    }
}
