//! The candidature questionnaire. Its questions are programme data (each programme asks its
//! own); a candidature's answers are checked against them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::programme::Programme;

/// One question of the online questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Question {
    /// Stable: answers are stored under it, and a CSV column is mapped to it.
    pub key: String,
    pub text: String,
    pub kind: QuestionKind,
    pub required: bool,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionKind {
    Text,
    Choice {
        options: Vec<String>,
    },
    Number {
        min: f64,
        max: f64,
    },
    /// The programme's themes in the city's order of priority (some or all of them).
    RankedThemes,
}

/// One answer; its kind matches its question's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    Text(String),
    Choice(String),
    Number(f64),
    /// Theme keys, most important first.
    RankedThemes(Vec<String>),
}

impl Question {
    /// Why `answer` does not fit this question, in words for the person who entered it.
    pub fn check(&self, answer: &Answer, programme: &Programme) -> Result<(), String> {
        match (&self.kind, answer) {
            (QuestionKind::Text, Answer::Text(t)) => {
                if t.chars().count() > 5000 {
                    return Err("is too long (at most 5,000 characters)".into());
                }
                Ok(())
            }
            (QuestionKind::Choice { options }, Answer::Choice(c)) => {
                if options.iter().any(|o| o == c) {
                    Ok(())
                } else {
                    Err(format!("must be one of: {}", options.join(", ")))
                }
            }
            (QuestionKind::Number { min, max }, Answer::Number(n)) => {
                if n.is_finite() && n >= min && n <= max {
                    Ok(())
                } else {
                    Err(format!("must be a number from {min} to {max}"))
                }
            }
            (QuestionKind::RankedThemes, Answer::RankedThemes(keys)) => {
                for (i, k) in keys.iter().enumerate() {
                    if !programme.themes.iter().any(|t| &t.key == k) {
                        return Err(format!("“{k}” is not a theme of this programme"));
                    }
                    if keys[..i].contains(k) {
                        return Err(format!("ranks “{k}” twice"));
                    }
                }
                Ok(())
            }
            _ => Err(format!("takes {}", self.kind.described())),
        }
    }

    /// Reads an answer typed as text (a CSV cell): a number, a choice, or themes separated by
    /// ";" or "," given by key or by label.
    pub fn parse(&self, text: &str, programme: &Programme) -> Result<Answer, String> {
        let text = text.trim();
        let answer = match &self.kind {
            QuestionKind::Text => Answer::Text(text.to_string()),
            QuestionKind::Choice { options } => Answer::Choice(
                options
                    .iter()
                    .find(|o| o.eq_ignore_ascii_case(text))
                    .cloned()
                    .unwrap_or_else(|| text.to_string()),
            ),
            QuestionKind::Number { .. } => {
                let cleaned: String = text.chars().filter(|c| !matches!(c, ' ' | '_')).collect();
                Answer::Number(
                    cleaned
                        .parse::<f64>()
                        .map_err(|_| format!("“{text}” is not a number"))?,
                )
            }
            QuestionKind::RankedThemes => Answer::RankedThemes(
                text.split([';', ','])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| {
                        programme
                            .themes
                            .iter()
                            .find(|t| {
                                t.key.eq_ignore_ascii_case(s) || t.label.eq_ignore_ascii_case(s)
                            })
                            .map(|t| t.key.clone())
                            .unwrap_or_else(|| s.to_string())
                    })
                    .collect(),
            ),
        };
        self.check(&answer, programme)?;
        Ok(answer)
    }
}

impl QuestionKind {
    fn described(&self) -> &'static str {
        match self {
            QuestionKind::Text => "text",
            QuestionKind::Choice { .. } => "one of its choices",
            QuestionKind::Number { .. } => "a number",
            QuestionKind::RankedThemes => "themes in order of priority",
        }
    }
}

impl Answer {
    /// Whether the answer says nothing (an empty text or an empty ranking).
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Text(t) | Answer::Choice(t) => t.trim().is_empty(),
            Answer::Number(_) => false,
            Answer::RankedThemes(k) => k.is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn programme() -> Programme {
        Programme::icp_agir()
    }

    fn question(key: &str) -> Question {
        programme()
            .questionnaire
            .into_iter()
            .find(|q| q.key == key)
            .unwrap()
    }

    #[test]
    fn ranked_themes_are_read_by_label_or_key_and_checked() {
        let p = programme();
        let q = question("theme_priorities");
        assert_eq!(
            q.parse("Air quality; circular_economy", &p).unwrap(),
            Answer::RankedThemes(vec!["air_quality".into(), "circular_economy".into()])
        );
        assert!(q
            .parse("Air quality; Space travel", &p)
            .unwrap_err()
            .contains("Space travel"));
        assert!(q
            .parse("air_quality, Air quality", &p)
            .unwrap_err()
            .contains("twice"));
    }

    #[test]
    fn numbers_and_choices_are_checked_against_the_question() {
        let p = programme();
        let population = question("population");
        assert_eq!(
            population.parse("1 200 000", &p).unwrap(),
            Answer::Number(1_200_000.0)
        );
        assert!(population
            .parse("many", &p)
            .unwrap_err()
            .contains("not a number"));
        assert!(population.parse("-5", &p).unwrap_err().contains("from 0"));
        let commitment = question("political_commitment");
        assert!(commitment
            .parse("maybe", &p)
            .unwrap_err()
            .contains("must be one of"));
        assert!(commitment
            .check(&Answer::Number(3.0), &p)
            .unwrap_err()
            .contains("takes"));
    }
}
