//! Evaluation: the programme asks the people who took part in its working meetings, study
//! visits and events what they made of them, so that the next one is better and the programme
//! can report what it achieved. Each response rates the programme's questions on a scale of 1
//! to [`RATING_MAX`] and may add a comment; the summary counts and averages them per question
//! and gathers the comments, for the meeting's page and its printed minutes.
//!
//! The questions belong to the programme ([`crate::Programme::evaluation_questions`]), not to
//! each meeting: the same questions every time let one meeting be compared with the next.
//! Responses may be anonymous, and a person may skip any question, so a summary counts its
//! answers question by question.
//!
//! One file an idea: `questions` (what is asked), `record` (one response and its checks),
//! `summary` (the figures, computed, never stored).

mod questions;
mod record;
mod summary;
#[cfg(test)]
mod tests;

pub use questions::{icp_agir_questions, EvaluationQuestion, RATING_MAX};
pub use record::{
    Evaluation, EvaluationRefs, EvaluationSubject, Rating, COMMENT_MAX, RESPONDENT_MAX,
};
pub use summary::{summarise, EvaluationSummary, QuestionSummary, SummaryComment};
