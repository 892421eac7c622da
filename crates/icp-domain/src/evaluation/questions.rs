//! What the programme asks about each meeting, visit or event it evaluates.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The highest score a respondent gives a question; the lowest is 1.
pub const RATING_MAX: u8 = 5;

/// One question of the programme's evaluation, answered with a score from 1 to `RATING_MAX` (5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EvaluationQuestion {
    /// Stable: ratings name their question by it. Never change it once responses exist.
    pub key: String,
    /// The question as asked (and printed).
    pub text: String,
}

/// The questions ICP AGIR asks after each working meeting, study visit and event.
pub fn icp_agir_questions() -> Vec<EvaluationQuestion> {
    [
        ("relevance", "How relevant was it to your city's work?"),
        (
            "exchange",
            "How useful was the exchange with the other cities?",
        ),
        ("organisation", "How well was it organised?"),
        (
            "transfer",
            "How likely is your city to apply something you heard?",
        ),
        ("overall", "Overall, how would you rate it?"),
    ]
    .into_iter()
    .map(|(key, text)| EvaluationQuestion {
        key: key.into(),
        text: text.into(),
    })
    .collect()
}
