//! Evaluations of meetings and study visits: participants' responses, recorded one by one, and
//! the summary the meeting's page shows and its minutes print.

use std::collections::HashSet;

use icp_domain::evaluation::{summarise, EvaluationSummary, RATING_MAX};
use icp_domain::meeting::Meeting;
use icp_domain::{City, Evaluation, EvaluationSubject, Id, StudyVisit};
use icp_print::documents::minutes::EvaluationSummary as PrintedEvaluation;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::known::KnownIds;
use crate::{ApiError, Desk};

/// The id the window sends a response that is not recorded yet with (`NEW_RECORD_ID`).
const NEW: Id = Id::from_bytes([0; 16]);

/// A subject's evaluation as its page shows it: what was evaluated and the summary of the
/// responses, comments signed with the respondent's city by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EvaluationSummaryView {
    pub subject: EvaluationSubject,
    /// The meeting's or the visit's title.
    pub title: String,
    pub summary: EvaluationSummary,
}

impl Desk {
    /// The evaluations of one meeting or visit, in the order they were recorded.
    pub fn list_evaluations(
        &self,
        subject: EvaluationSubject,
    ) -> Result<Vec<Evaluation>, ApiError> {
        let mut all: Vec<Evaluation> = self.store.find("subject", &subject.term())?;
        all.sort_by(|a, b| a.submitted_at.cmp(&b.submitted_at).then(a.id.cmp(&b.id)));
        Ok(all)
    }

    /// Records a response: one sent with the all-zero id is new and gets an id and a
    /// submission time of its own; any other is an edit of one on record (one deleted
    /// meanwhile is not brought back). Every problem comes back with its field and nothing is
    /// written.
    pub fn save_evaluation(&self, evaluation: &Evaluation) -> Result<Evaluation, ApiError> {
        let draft = if evaluation.id == NEW {
            Evaluation {
                id: self.store.new_id(),
                submitted_at: chrono::Utc::now().to_rfc3339(),
                sample: false,
                ..evaluation.clone()
            }
        } else {
            let stored: Evaluation = self.one(evaluation.id, "evaluation")?;
            Evaluation {
                submitted_at: stored.submitted_at,
                sample: stored.sample,
                ..evaluation.clone()
            }
        };
        // Only the records this response names are looked up.
        let (meetings, study_visits) = match draft.subject {
            EvaluationSubject::Meeting(id) => (self.existing::<Meeting>([id])?, HashSet::new()),
            EvaluationSubject::StudyVisit(id) => {
                (HashSet::new(), self.existing::<StudyVisit>([id])?)
            }
        };
        let known = KnownIds {
            meetings,
            study_visits,
            cities: self.existing::<City>(draft.city)?,
            ..KnownIds::default()
        };
        let valid = draft.validate(&self.programme, &known)?;
        self.store.save(&valid)?;
        Ok(valid)
    }

    pub fn delete_evaluation(&self, id: Id) -> Result<(), ApiError> {
        self.delete_one::<Evaluation>(id, "evaluation")
    }

    /// The summary of a meeting's or visit's evaluations (one that no longer exists is
    /// "not found").
    pub fn evaluation_summary(
        &self,
        subject: EvaluationSubject,
    ) -> Result<EvaluationSummaryView, ApiError> {
        let title = match subject {
            EvaluationSubject::Meeting(id) => self.one::<Meeting>(id, "meeting")?.title,
            EvaluationSubject::StudyVisit(id) => self.study_visit(id)?.title,
        };
        Ok(EvaluationSummaryView {
            subject,
            title,
            summary: self.summary_of(subject)?,
        })
    }

    /// The domain's summary of a subject's evaluations, with the cities named.
    pub(crate) fn summary_of(
        &self,
        subject: EvaluationSubject,
    ) -> Result<EvaluationSummary, ApiError> {
        let evaluations = self.list_evaluations(subject)?;
        let mut names = Vec::new();
        for id in evaluations.iter().filter_map(|e| e.city) {
            if let Some(c) = self.store.get::<City>(id)? {
                names.push((id, c.name));
            }
        }
        Ok(summarise(&self.programme, &evaluations)
            .name_cities(|id| names.iter().find(|(k, _)| *k == id).map(|(_, n)| n.clone())))
    }
}

impl Desk {
    /// The evaluation as the minutes print it, when there is at least one response: the number
    /// of responses, each question's mean ("4.2 / 5 (6 answers)") and the comments, each signed
    /// as far as its respondent said.
    pub(crate) fn printed_evaluation(
        &self,
        subject: EvaluationSubject,
    ) -> Result<Option<PrintedEvaluation>, ApiError> {
        let summary = self.summary_of(subject)?;
        if summary.responses == 0 {
            return Ok(None);
        }
        let mut figures = vec![("Responses".to_string(), summary.responses.to_string())];
        for q in &summary.questions {
            let value = match q.answered {
                0 => "No answers".to_string(),
                1 => format!("{} / {RATING_MAX} (1 answer)", q.mean),
                n => format!("{} / {RATING_MAX} ({n} answers)", q.mean),
            };
            figures.push((q.text.clone(), value));
        }
        let comments = summary
            .comments
            .iter()
            .map(|c| match c.signature() {
                who if who.is_empty() => c.text.clone(),
                who => format!("{} — {who}", c.text),
            })
            .collect();
        Ok(Some(PrintedEvaluation { figures, comments }))
    }
}
