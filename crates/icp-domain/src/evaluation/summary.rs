//! What the responses to one meeting's or visit's evaluation add up to, question by question.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Evaluation, RATING_MAX};
use crate::{Id, Programme};

/// The summary of a subject's evaluations. Means are kept in tenths (`42` is 4.2) and as the
/// text to show ("4.2"), so the type stays exact and comparable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EvaluationSummary {
    /// How many evaluations were recorded.
    pub responses: u32,
    /// Every question of the programme, in its order, answered or not.
    pub questions: Vec<QuestionSummary>,
    /// The comments that say something, oldest first.
    pub comments: Vec<SummaryComment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuestionSummary {
    pub key: String,
    /// The question as asked.
    pub text: String,
    /// How many responses rated it (a respondent may skip a question).
    pub answered: u32,
    /// The mean score in tenths, rounded half up (`42` for 4.2); none when nobody answered.
    pub mean_tenths: Option<u32>,
    /// The mean as shown, "4.2"; empty when nobody answered.
    pub mean: String,
    /// How many gave each score: `counts[0]` is the number of 1s, up to `RATING_MAX`.
    pub counts: Vec<u32>,
}

/// A comment with who made it, as far as they said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SummaryComment {
    /// The evaluation it comes from.
    pub evaluation: Id,
    /// Empty for an anonymous response.
    pub respondent: String,
    pub city: Option<Id>,
    /// The city's name, when the caller knows it (`EvaluationSummary::name_cities`).
    pub city_name: Option<String>,
    /// Trimmed, otherwise as typed.
    pub text: String,
}

impl SummaryComment {
    /// "Ana Silva, Porto", "Porto", "Ana Silva", or empty for an anonymous one.
    pub fn signature(&self) -> String {
        [
            self.respondent.trim(),
            self.city_name.as_deref().unwrap_or("").trim(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
    }
}

impl EvaluationSummary {
    /// Fills each comment's city name from `name` (`None` for a city no longer listed).
    pub fn name_cities(mut self, name: impl Fn(Id) -> Option<String>) -> EvaluationSummary {
        for c in &mut self.comments {
            c.city_name = c.city.and_then(&name);
        }
        self
    }
}

/// "4.2" for 42 tenths.
fn tenths_text(tenths: u32) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Counts and averages `evaluations` (those of one subject) on the programme's questions.
/// Ratings of a question the programme no longer asks, or outside the scale, are left out.
pub fn summarise(programme: &Programme, evaluations: &[Evaluation]) -> EvaluationSummary {
    let questions = programme
        .evaluation_questions
        .iter()
        .map(|q| {
            let mut counts = vec![0u32; usize::from(RATING_MAX)];
            for e in evaluations {
                // At most one a question is counted per response (validation refuses two).
                let score = e
                    .ratings
                    .iter()
                    .find(|r| r.question == q.key)
                    .map(|r| r.score)
                    .filter(|s| (1..=RATING_MAX).contains(s));
                if let Some(s) = score {
                    counts[usize::from(s - 1)] += 1;
                }
            }
            let answered: u32 = counts.iter().sum();
            let total: u32 = counts.iter().zip(1u32..).map(|(n, score)| n * score).sum();
            // round(10 · total / answered), half up, in whole numbers.
            let mean_tenths = (answered > 0).then(|| (20 * total + answered) / (2 * answered));
            QuestionSummary {
                key: q.key.clone(),
                text: q.text.clone(),
                answered,
                mean: mean_tenths.map(tenths_text).unwrap_or_default(),
                mean_tenths,
                counts,
            }
        })
        .collect();
    let mut dated: Vec<&Evaluation> = evaluations.iter().collect();
    dated.sort_by(|a, b| a.submitted_at.cmp(&b.submitted_at).then(a.id.cmp(&b.id)));
    let comments = dated
        .into_iter()
        .filter(|e| !e.comment.trim().is_empty())
        .map(|e| SummaryComment {
            evaluation: e.id,
            respondent: e.respondent.trim().to_string(),
            city: e.city,
            city_name: None,
            text: e.comment.trim().to_string(),
        })
        .collect();
    EvaluationSummary {
        responses: u32::try_from(evaluations.len()).unwrap_or(u32::MAX),
        questions,
        comments,
    }
}
