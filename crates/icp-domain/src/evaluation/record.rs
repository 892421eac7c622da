//! One participant's evaluation of a meeting or a study visit, and its checks.

use chrono::DateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::RATING_MAX;
use crate::checks::{in_list, optional_text};
use crate::text::tidy;
use crate::{DomainError, Id, Programme, Record};

/// A comment is a few sentences; the limit only stops a runaway paste.
pub const COMMENT_MAX: usize = 4_000;
pub const RESPONDENT_MAX: usize = 200;

/// What is evaluated: a meeting of any kind (working meetings, events…) or a study visit.
/// Serialised as `{"kind": "meeting", "id": "01…"}` or `{"kind": "study_visit", "id": "01…"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum EvaluationSubject {
    Meeting(Id),
    StudyVisit(Id),
}

impl EvaluationSubject {
    /// The term of the `subject` index that finds a subject's evaluations
    /// (`meeting:01…`, `study_visit:01…`).
    pub fn term(self) -> String {
        match self {
            EvaluationSubject::Meeting(id) => format!("meeting:{id}"),
            EvaluationSubject::StudyVisit(id) => format!("study_visit:{id}"),
        }
    }

    pub fn id(self) -> Id {
        match self {
            EvaluationSubject::Meeting(id) | EvaluationSubject::StudyVisit(id) => id,
        }
    }

    /// What the subject is, in words ("meeting", "study visit").
    pub fn what(self) -> &'static str {
        match self {
            EvaluationSubject::Meeting(_) => "meeting",
            EvaluationSubject::StudyVisit(_) => "study visit",
        }
    }
}

/// A score given to one of the programme's questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Rating {
    /// The key of one of the programme's evaluation questions.
    pub question: String,
    /// From 1 to `RATING_MAX` (5).
    pub score: u8,
}

/// One participant's response. Questions left out were skipped; a response rates at least one
/// question or says something in its comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Evaluation {
    pub id: Id,
    pub subject: EvaluationSubject,
    /// Who answered, as they gave their name; empty for an anonymous response.
    #[serde(default)]
    pub respondent: String,
    /// The respondent's city, when they said.
    #[serde(default)]
    pub city: Option<Id>,
    /// At most one a question, in the order given.
    #[serde(default)]
    pub ratings: Vec<Rating>,
    /// Free text, printed as text (HTML or a script in it is shown, never run).
    #[serde(default)]
    pub comment: String,
    /// When it was first recorded (RFC 3339), set by the desk when saving.
    #[serde(default)]
    pub submitted_at: String,
    #[serde(default)]
    pub sample: bool,
}

/// What an evaluation may refer to, so validation can check each reference exists.
pub trait EvaluationRefs {
    fn meeting(&self, id: Id) -> bool;
    fn study_visit(&self, id: Id) -> bool;
    fn city(&self, id: Id) -> bool;
}

impl Record for Evaluation {
    const COLLECTION: &'static str = "evaluation";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        let mut terms = vec![("subject", self.subject.term())];
        if let Some(c) = self.city {
            terms.push(("city", c.to_string()));
        }
        terms
    }
}

impl Evaluation {
    /// Checks every field and returns the evaluation tidied (respondent's white space
    /// collapsed, comment trimmed). Every problem has its field: `subject`, `respondent`,
    /// `city`, `comment`, `submitted_at`, `ratings` (nothing rated and no comment),
    /// `ratings.3` (a question the programme does not ask), `ratings.3.score` (outside 1 to
    /// [`RATING_MAX`]), `ratings.3.question` (a question rated a second time).
    pub fn validate(
        &self,
        programme: &Programme,
        refs: &impl EvaluationRefs,
    ) -> Result<Evaluation, DomainError> {
        let mut problems = Vec::new();
        let known = match self.subject {
            EvaluationSubject::Meeting(id) => refs.meeting(id),
            EvaluationSubject::StudyVisit(id) => refs.study_visit(id),
        };
        if !known {
            problems.push(DomainError::UnknownRecord {
                field: "subject",
                what: self.subject.what(),
                id: self.subject.id().to_string(),
            });
        }
        let respondent = tidy(&self.respondent);
        if respondent.chars().count() > RESPONDENT_MAX {
            problems.push(DomainError::TooLong {
                field: "respondent",
                label: "The name",
                max: RESPONDENT_MAX,
            });
        }
        if let Some(c) = self.city.filter(|c| !refs.city(*c)) {
            problems.push(DomainError::UnknownCity {
                field: "city",
                id: c.to_string(),
            });
        }
        for (index, rating) in self.ratings.iter().enumerate() {
            let wrap = in_list("ratings", "Rating", index);
            if !programme
                .evaluation_questions
                .iter()
                .any(|q| q.key == rating.question)
            {
                problems.push(wrap(DomainError::UnknownQuestion {
                    key: rating.question.clone(),
                }));
            } else if self.ratings[..index]
                .iter()
                .any(|r| r.question == rating.question)
            {
                problems.push(wrap(DomainError::Duplicate {
                    field: "question",
                    what: "rating of this question",
                }));
            }
            if !(1..=RATING_MAX).contains(&rating.score) {
                problems.push(wrap(DomainError::OutOfRange {
                    field: "score",
                    label: "The score",
                    min: 1,
                    max: u32::from(RATING_MAX),
                }));
            }
        }
        let comment = optional_text(
            &self.comment,
            "comment",
            "The comment",
            COMMENT_MAX,
            &mut problems,
        );
        if self.ratings.is_empty() && comment.is_empty() {
            problems.push(DomainError::Required {
                field: "ratings",
                label: "A rating or a comment",
            });
        }
        let submitted_at = self.submitted_at.trim();
        if !submitted_at.is_empty() && DateTime::parse_from_rfc3339(submitted_at).is_err() {
            problems.push(DomainError::InvalidDateTime {
                field: "submitted_at",
                label: "Submitted at",
                value: submitted_at.to_string(),
            });
        }
        DomainError::collect(problems)?;
        Ok(Evaluation {
            respondent,
            comment,
            submitted_at: submitted_at.to_string(),
            ..self.clone()
        })
    }
}
