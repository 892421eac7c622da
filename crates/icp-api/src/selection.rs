//! The coordinator's selection board: candidatures with their scores, and the suggested
//! selection within the quotas.

use std::path::Path;

use icp_domain::selection::{
    best_first, check_decision, suggest, tally, Candidate, GroupTally, SelectionDecision,
    SelectionDraft, SelectionSuggestion,
};
use icp_domain::{
    csv_outline, read_candidatures, Answer, Candidature, City, CityInput, ColumnMapping, Id, Review,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Desk};

/// A candidature as the board lists it: the record and what the programme makes of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CandidatureView {
    pub candidature: Candidature,
    pub group: Option<String>,
    pub score: Option<f64>,
    pub late: bool,
}

/// What the import step shows before anything is written: the file's columns and the
/// mapping ICP Desk would use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CsvPreview {
    /// The file's name (without its folder), to say which file is being imported.
    pub file: String,
    pub headers: Vec<String>,
    pub mapping: ColumnMapping,
    /// Data lines (the header not counted).
    pub rows: u32,
}

/// What confirming a selection did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SelectionOutcome {
    pub decision: SelectionDecision,
    pub groups: Vec<GroupTally>,
    /// Selected cities that were not in the directory yet and now are.
    pub cities_added: u32,
}

impl Desk {
    /// Records a reviewer's scores of a candidature (replacing that reviewer's earlier ones).
    pub fn save_review(&self, id: Id, review: &Review) -> Result<CandidatureView, ApiError> {
        let mut c = self.get_candidature(id)?;
        c.reviews
            .retain(|r| r.reviewer.trim() != review.reviewer.trim());
        c.reviews.push(review.clone());
        let valid = c.validate(&self.programme)?;
        self.store.save(&valid)?;
        Ok(self.view(valid))
    }

    /// The board's counters for the candidatures the coordinator has ticked, with what the
    /// choice breaks, the moment it breaks it.
    pub fn selection_board(&self, chosen: &[Id]) -> Result<Vec<GroupTally>, ApiError> {
        Ok(tally(
            &self.programme.quota_groups,
            &self.candidates(&self.candidatures(chosen)?),
        ))
    }

    /// Keeps the coordinator's ticks (the draft selection) and returns the board's counters
    /// for them. Only candidatures on record are kept.
    pub fn save_selection_draft(&self, chosen: &[Id]) -> Result<Vec<GroupTally>, ApiError> {
        // The counters first: they refuse an id that is not a candidature before anything is kept.
        let tallies = self.selection_board(chosen)?;
        self.store.save(&SelectionDraft {
            id: SelectionDraft::ID,
            chosen: chosen.to_vec(),
        })?;
        Ok(tallies)
    }

    /// The ticks the board starts from: the draft being worked on, else the latest decision,
    /// leaving out candidatures deleted since.
    pub fn selection_draft(&self) -> Result<Vec<Id>, ApiError> {
        let chosen = match self.store.get::<SelectionDraft>(SelectionDraft::ID)? {
            Some(draft) => draft.chosen,
            None => self
                .selection_decision()?
                .map(|d| d.selected)
                .unwrap_or_default(),
        };
        let known: std::collections::HashSet<Id> =
            self.all::<Candidature>()?.iter().map(|c| c.id).collect();
        Ok(chosen.into_iter().filter(|id| known.contains(id)).collect())
    }

    /// Confirms the coordinator's selection: refused, with the reasons, when it breaks a quota;
    /// otherwise the decision is recorded and the selected cities join the directory, all in
    /// one transaction.
    pub fn confirm_selection(
        &self,
        chosen: &[Id],
        note: &str,
    ) -> Result<SelectionOutcome, ApiError> {
        let chosen_records = self.candidatures(chosen)?;
        let candidates = self.candidates(&chosen_records);
        let groups = check_decision(&self.programme.quota_groups, &candidates)?;
        let cities = self.all::<City>()?;
        let fold = icp_domain::text::fold;
        let mut new_cities = Vec::new();
        for c in &chosen_records {
            let known = cities
                .iter()
                .chain(&new_cities)
                .any(|k| k.country == c.country && fold(&k.name) == fold(&c.city_name));
            if known {
                continue;
            }
            let zone = self
                .programme
                .country(&c.country)
                .map(|k| k.default_time_zone.clone())
                .unwrap_or_default();
            let languages = match c.answers.get("working_languages") {
                Some(Answer::Text(t)) => t
                    .split([',', ';'])
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty())
                    .collect(),
                _ => Vec::new(),
            };
            let population = match c.answers.get("population") {
                Some(Answer::Number(n)) => format!("{}", n.round() as u64),
                _ => String::new(),
            };
            let input = CityInput {
                id: None,
                name: c.city_name.clone(),
                local_name: String::new(),
                country: c.country.clone(),
                time_zone: zone,
                population,
                languages,
            };
            new_cities.push(input.validate(&self.programme, self.store.new_id())?);
        }
        let decision = SelectionDecision {
            id: self.store.new_id(),
            decided_at: chrono::Utc::now().to_rfc3339(),
            selected: chosen.to_vec(),
            note: note.trim().to_string(),
        };
        self.store.save_together(|batch| {
            for city in &new_cities {
                batch.save(city)?;
            }
            // The draft now is the decision.
            batch.save(&SelectionDraft {
                id: SelectionDraft::ID,
                chosen: chosen.to_vec(),
            })?;
            batch.save(&decision)
        })?;
        Ok(SelectionOutcome {
            decision,
            groups,
            cities_added: new_cities.len() as u32,
        })
    }

    fn candidates(&self, records: &[Candidature]) -> Vec<Candidate> {
        records
            .iter()
            .map(|c| Candidate::of(c, &self.programme))
            .collect()
    }

    fn candidatures(&self, ids: &[Id]) -> Result<Vec<Candidature>, ApiError> {
        ids.iter().map(|id| self.get_candidature(*id)).collect()
    }

    fn view(&self, c: Candidature) -> CandidatureView {
        CandidatureView {
            group: c.group(&self.programme).map(|g| g.key.clone()),
            score: c.score(&self.programme),
            late: c.is_late(&self.programme),
            candidature: c,
        }
    }

    /// The columns of a CSV export and the mapping guessed from their names.
    pub fn preview_candidatures_csv(&self, path: &Path) -> Result<CsvPreview, ApiError> {
        Ok(self.preview(path, &read_text(path)?))
    }

    fn preview(&self, path: &Path, text: &str) -> CsvPreview {
        let (headers, rows) = csv_outline(text);
        CsvPreview {
            file: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            mapping: ColumnMapping::guess(&headers, &self.programme),
            headers,
            rows: rows as u32,
        }
    }

    /// Imports the candidatures of a CSV export in one transaction. Every bad line is reported
    /// (line number, column, reason) and then nothing is written. Without a mapping, the one
    /// guessed from the header is used.
    pub fn import_candidatures_csv(
        &self,
        path: &Path,
        mapping: Option<&ColumnMapping>,
    ) -> Result<u32, ApiError> {
        let text = read_text(path)?;
        let guessed;
        let mapping = match mapping {
            Some(m) => m,
            None => {
                guessed = self.preview(path, &text).mapping;
                &guessed
            }
        };
        let existing = self.all::<Candidature>()?;
        let read = read_candidatures(&text, mapping, &self.programme, &existing, || {
            self.store.new_id()
        })?;
        self.store.save_many(&read)?;
        Ok(read.len() as u32)
    }

    /// Every candidature, best score first.
    pub fn list_candidatures(&self) -> Result<Vec<CandidatureView>, ApiError> {
        let mut all: Vec<CandidatureView> = self
            .all::<Candidature>()?
            .into_iter()
            .map(|c| self.view(c))
            .collect();
        all.sort_by(|a, b| {
            best_first(a.score, b.score).then(a.candidature.city_name.cmp(&b.candidature.city_name))
        });
        Ok(all)
    }

    pub fn get_candidature(&self, id: Id) -> Result<Candidature, ApiError> {
        self.one(id, "candidature")
    }

    /// The coordinator's latest confirmed selection, if any: it supersedes the earlier ones.
    pub fn selection_decision(&self) -> Result<Option<SelectionDecision>, ApiError> {
        Ok(self
            .all::<SelectionDecision>()?
            .into_iter()
            .max_by(|a, b| a.decided_at.cmp(&b.decided_at).then(a.id.cmp(&b.id))))
    }

    /// The highest-scoring selection within every quota, each candidature with its reason.
    pub fn suggest_selection(&self) -> Result<SelectionSuggestion, ApiError> {
        let candidates = self.candidates(&self.all::<Candidature>()?);
        Ok(suggest(&self.programme.quota_groups, &candidates))
    }
}

/// Far above any real call's answers (thousands of candidatures with long texts), low enough
/// that a wrong file chosen by mistake is refused before it is read into memory.
const MAX_CSV_BYTES: u64 = 50_000_000;

/// A text file, without the byte-order mark spreadsheet programs put first.
fn read_text(path: &Path) -> Result<String, ApiError> {
    let file_error = |reason: String| ApiError::File {
        path: path.display().to_string(),
        action: "read",
        reason,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| file_error(e.to_string()))?
        .len();
    if size > MAX_CSV_BYTES {
        return Err(file_error(format!(
            "it is {} MB; a candidatures export is at most {} MB",
            size.div_ceil(1_000_000),
            MAX_CSV_BYTES / 1_000_000
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| file_error(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        file_error("it is not UTF-8 text; save it from the spreadsheet as “CSV UTF-8”".into())
    })?;
    Ok(text.trim_start_matches('\u{feff}').to_string())
}
