//! A city's candidature: its answers to the questionnaire, when it came in, and the reviewers'
//! scores against the programme's weighted criteria.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checks::{optional_text, required_text};
use crate::questionnaire::Answer;
use crate::{DomainError, Id, Programme, QuotaGroup, Record};

/// One of the criteria reviewers score candidatures on, from 0 to 10.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Criterion {
    pub key: String,
    pub label: String,
    /// Relative weight; a candidature's score is the weighted mean of its criteria.
    pub weight: u32,
}

/// The highest score on a criterion in the ICP AGIR call (`Programme::max_score`).
pub const MAX_SCORE: u8 = 10;

/// One reviewer's scores of one candidature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Review {
    pub reviewer: String,
    /// Criterion key → score from 0 to the programme's `max_score`. A criterion not scored yet
    /// is left out.
    pub scores: BTreeMap<String, u8>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Candidature {
    pub id: Id,
    pub city_name: String,
    /// ISO code of a country of the programme; it decides the quota group.
    pub country: String,
    /// When the online form was submitted (RFC 3339).
    pub submitted_at: String,
    /// Question key → answer.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub reviews: Vec<Review>,
    #[serde(default)]
    pub sample: bool,
}

impl Record for Candidature {
    const COLLECTION: &'static str = "candidature";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        vec![
            ("country", self.country.clone()),
            ("city", crate::text::fold(&self.city_name)),
        ]
    }
}

impl Candidature {
    /// Checks the candidature against the programme and returns it tidied; every problem is
    /// reported with its field.
    pub fn validate(&self, programme: &Programme) -> Result<Candidature, DomainError> {
        let mut problems = Vec::new();
        let city_name = required_text(&self.city_name, "city_name", "City", 120, &mut problems);
        let country = self.country.trim().to_ascii_uppercase();
        if programme.country(&country).is_none() {
            problems.push(DomainError::UnknownCountry {
                field: "country",
                value: self.country.clone(),
            });
        }
        if parse_instant(&self.submitted_at).is_none() {
            problems.push(DomainError::InvalidDateTime {
                field: "submitted_at",
                label: "Submitted",
                value: self.submitted_at.clone(),
            });
        }
        for q in &programme.questionnaire {
            match self.answers.get(&q.key) {
                Some(a) if !a.is_empty() => {
                    if let Err(reason) = q.check(a, programme) {
                        problems.push(DomainError::BadAnswer {
                            question: q.key.clone(),
                            text: q.text.clone(),
                            reason,
                        });
                    }
                }
                _ if q.required => problems.push(DomainError::BadAnswer {
                    question: q.key.clone(),
                    text: q.text.clone(),
                    reason: "needs an answer".into(),
                }),
                _ => {}
            }
        }
        for key in self.answers.keys() {
            if !programme.questionnaire.iter().any(|q| &q.key == key) {
                problems.push(DomainError::BadAnswer {
                    question: key.clone(),
                    text: key.clone(),
                    reason: "is not a question of this programme's questionnaire".into(),
                });
            }
        }
        let mut reviews = Vec::new();
        for (index, r) in self.reviews.iter().enumerate() {
            let mut inner = Vec::new();
            let reviewer = required_text(&r.reviewer, "reviewer", "Reviewer", 120, &mut inner);
            let note = optional_text(&r.note, "note", "Note", 2000, &mut inner);
            for (key, score) in &r.scores {
                if !programme.criteria.iter().any(|c| &c.key == key) {
                    inner.push(DomainError::UnknownCriterion { key: key.clone() });
                } else if *score > programme.max_score {
                    inner.push(DomainError::OutOfRange {
                        field: "scores",
                        label: "A score",
                        min: 0,
                        max: u32::from(programme.max_score),
                    });
                }
            }
            if reviews.iter().any(|o: &Review| o.reviewer == reviewer) {
                inner.push(DomainError::Duplicate {
                    field: "reviewer",
                    what: "review by this reviewer",
                });
            }
            problems.extend(inner.into_iter().map(|error| DomainError::InList {
                list: "reviews",
                label: "Review",
                index,
                error: Box::new(error),
            }));
            reviews.push(Review {
                reviewer,
                scores: r.scores.clone(),
                note,
            });
        }
        DomainError::collect(problems)?;
        Ok(Candidature {
            city_name,
            country,
            reviews,
            ..self.clone()
        })
    }

    /// Submitted after the call's deadline.
    pub fn is_late(&self, programme: &Programme) -> bool {
        match (
            parse_instant(&self.submitted_at),
            programme.candidature_deadline_at(),
        ) {
            (Some(at), Some(deadline)) => at > deadline,
            _ => false,
        }
    }

    /// The mean over reviewers of each one's weighted mean score, from 0 to 10; `None` until
    /// some reviewer has scored some criterion. Criteria a reviewer left out do not count
    /// against the city: that reviewer's mean is over the criteria they scored.
    pub fn score(&self, programme: &Programme) -> Option<f64> {
        let per_reviewer: Vec<f64> = self
            .reviews
            .iter()
            .filter_map(|r| {
                let (sum, weights) = programme
                    .criteria
                    .iter()
                    .filter_map(|c| r.scores.get(&c.key).map(|s| (f64::from(*s), c.weight)))
                    .fold((0.0, 0u32), |(sum, w), (s, cw)| {
                        (sum + s * f64::from(cw), w + cw)
                    });
                (weights > 0).then(|| sum / f64::from(weights))
            })
            .collect();
        (!per_reviewer.is_empty())
            .then(|| per_reviewer.iter().sum::<f64>() / per_reviewer.len() as f64)
    }

    /// The quota group the city's country belongs to.
    pub fn group<'p>(&self, programme: &'p Programme) -> Option<&'p QuotaGroup> {
        let country = programme.country(&self.country)?;
        programme
            .quota_groups
            .iter()
            .find(|g| g.key == country.quota_group)
    }

    /// The city's themes in its order of priority (its answer to the ranked-themes question).
    pub fn theme_priorities(&self) -> Vec<String> {
        self.answers
            .values()
            .find_map(|a| match a {
                Answer::RankedThemes(keys) => Some(keys.clone()),
                _ => None,
            })
            .unwrap_or_default()
    }
}

fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::Answer;

    fn candidature() -> Candidature {
        let mut answers = BTreeMap::new();
        answers.insert(
            "theme_priorities".into(),
            Answer::RankedThemes(vec!["air_quality".into(), "energy_transition".into()]),
        );
        answers.insert("population".into(), Answer::Number(240_000.0));
        answers.insert(
            "political_commitment".into(),
            Answer::Choice("Council resolution".into()),
        );
        answers.insert(
            "motivation".into(),
            Answer::Text("Clean air in the valley.".into()),
        );
        Candidature {
            id: Id::from_parts(1, 1),
            city_name: " Braga ".into(),
            country: "pt".into(),
            submitted_at: "2021-11-10T09:30:00Z".into(),
            answers,
            reviews: vec![],
            sample: false,
        }
    }

    #[test]
    fn a_complete_candidature_is_valid_and_tidied() {
        let p = Programme::icp_agir();
        let c = candidature().validate(&p).unwrap();
        assert_eq!(c.city_name, "Braga");
        assert_eq!(c.country, "PT");
        assert_eq!(c.group(&p).unwrap().key, "eu");
        assert_eq!(c.theme_priorities(), ["air_quality", "energy_transition"]);
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let p = Programme::icp_agir();
        let mut c = candidature();
        c.city_name = " ".into();
        c.country = "US".into();
        c.submitted_at = "yesterday".into();
        c.answers.remove("theme_priorities");
        c.answers
            .insert("population".into(), Answer::Text("big".into()));
        c.reviews.push(Review {
            reviewer: "A".into(),
            scores: BTreeMap::from([("relevance".into(), 11), ("charisma".into(), 5)]),
            note: String::new(),
        });
        let fields: Vec<String> = c
            .validate(&p)
            .unwrap_err()
            .issues()
            .into_iter()
            .filter_map(|i| i.field)
            .collect();
        for f in [
            "city_name",
            "country",
            "submitted_at",
            "answers.theme_priorities",
            "answers.population",
            "reviews.0.scores",
            "reviews.0.criteria.charisma",
        ] {
            assert!(fields.iter().any(|x| x == f), "{f} missing from {fields:?}");
        }
    }

    #[test]
    fn late_is_after_the_end_of_15_november_in_brussels() {
        let p = Programme::icp_agir();
        let mut c = candidature();
        c.submitted_at = "2021-11-15T22:59:59Z".into();
        assert!(!c.is_late(&p));
        c.submitted_at = "2021-11-15T23:00:01Z".into();
        assert!(c.is_late(&p));
    }

    #[test]
    fn the_score_is_the_mean_of_each_reviewers_weighted_mean() {
        let p = Programme::icp_agir();
        let mut c = candidature();
        assert_eq!(c.score(&p), None);
        let all = |s: u8| -> BTreeMap<String, u8> {
            p.criteria.iter().map(|k| (k.key.clone(), s)).collect()
        };
        c.reviews.push(Review {
            reviewer: "A".into(),
            scores: all(8),
            note: String::new(),
        });
        c.reviews.push(Review {
            reviewer: "B".into(),
            scores: all(6),
            note: String::new(),
        });
        assert!((c.score(&p).unwrap() - 7.0).abs() < 1e-9);
        // A reviewer who scored one criterion only is averaged over that one.
        c.reviews.push(Review {
            reviewer: "C".into(),
            scores: BTreeMap::from([(p.criteria[0].key.clone(), 10)]),
            note: String::new(),
        });
        assert!((c.score(&p).unwrap() - 8.0).abs() < 1e-9);
    }
}
