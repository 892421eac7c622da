//! Best practices: what a city did about a problem, told in a meeting and captured while it is
//! told. A capture starts with whatever the cluster manager types first, so no field is
//! required; the library (and the person, later) fills in the rest.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{DomainError, Id, Programme, Record};

const TITLE_MAX: usize = 200;
const SUMMARY_MAX: usize = 400;
const TEXT_MAX: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BestPractice {
    pub id: Id,
    #[serde(default)]
    pub title: String,
    /// The city whose practice it is.
    #[serde(default)]
    pub city: Option<Id>,
    /// A programme theme's key.
    #[serde(default)]
    pub theme: Option<String>,
    /// One line, as said in the meeting.
    #[serde(default)]
    pub summary: String,
    /// The meeting it was captured in.
    #[serde(default)]
    pub meeting: Option<Id>,
    #[serde(default)]
    pub problem: String,
    #[serde(default)]
    pub solution: String,
    /// Evidence of results.
    #[serde(default)]
    pub evidence: String,
    #[serde(default)]
    pub resources: String,
    #[serde(default)]
    pub transferability: String,
    /// People of the directory to ask about it.
    #[serde(default)]
    pub contacts: Vec<Id>,
    /// When it was first captured (RFC 3339, set on the first save).
    #[serde(default)]
    pub captured_at: String,
    #[serde(default)]
    pub sample: bool,
}

/// What a best practice may refer to.
pub trait PracticeRefs {
    fn city(&self, id: Id) -> bool;
    fn meeting(&self, id: Id) -> bool;
    fn person(&self, id: Id) -> bool;
}

impl Record for BestPractice {
    const COLLECTION: &'static str = "best_practice";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        let mut terms = Vec::new();
        if let Some(m) = self.meeting {
            terms.push(("meeting", m.to_string()));
        }
        if let Some(c) = self.city {
            terms.push(("city", c.to_string()));
        }
        if let Some(t) = &self.theme {
            terms.push(("theme", t.clone()));
        }
        terms
    }
}

impl BestPractice {
    /// Checks lengths and references. Text is kept exactly as typed: it is saved while the
    /// person types, and trimming would eat the space before the next word.
    pub fn validate(
        &self,
        programme: &Programme,
        refs: &impl PracticeRefs,
    ) -> Result<BestPractice, DomainError> {
        let mut problems = Vec::new();
        for (value, field, label, max) in [
            (&self.title, "title", "The title", TITLE_MAX),
            (&self.summary, "summary", "The summary", SUMMARY_MAX),
            (&self.problem, "problem", "The problem", TEXT_MAX),
            (&self.solution, "solution", "The solution", TEXT_MAX),
            (&self.evidence, "evidence", "The evidence", TEXT_MAX),
            (&self.resources, "resources", "The resources", TEXT_MAX),
            (
                &self.transferability,
                "transferability",
                "The transferability",
                TEXT_MAX,
            ),
        ] {
            if value.chars().count() > max {
                problems.push(DomainError::TooLong { field, label, max });
            }
        }
        if let Some(c) = self.city.filter(|c| !refs.city(*c)) {
            problems.push(DomainError::UnknownCity {
                field: "city",
                id: c.to_string(),
            });
        }
        if let Some(t) = self
            .theme
            .as_ref()
            .filter(|t| !programme.themes.iter().any(|k| &k.key == *t))
        {
            problems.push(DomainError::UnknownTheme { value: t.clone() });
        }
        if let Some(m) = self.meeting.filter(|m| !refs.meeting(*m)) {
            problems.push(DomainError::UnknownRecord {
                field: "meeting",
                what: "meeting",
                id: m.to_string(),
            });
        }
        for (index, p) in self.contacts.iter().enumerate() {
            if !refs.person(*p) {
                problems.push(DomainError::InList {
                    list: "contacts",
                    label: "Contact",
                    index,
                    error: Box::new(DomainError::UnknownRecord {
                        field: "person",
                        what: "person",
                        id: p.to_string(),
                    }),
                });
            }
        }
        match problems.len() {
            0 => Ok(self.clone()),
            1 => Err(problems.remove(0)),
            _ => Err(DomainError::Invalid(problems)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Refs;
    impl PracticeRefs for Refs {
        fn city(&self, id: Id) -> bool {
            id == Id::from_parts(1, 1)
        }
        fn meeting(&self, id: Id) -> bool {
            id == Id::from_parts(2, 2)
        }
        fn person(&self, _: Id) -> bool {
            false
        }
    }

    fn practice() -> BestPractice {
        BestPractice {
            id: Id::from_parts(9, 9),
            title: String::new(),
            city: None,
            theme: None,
            summary: "Repair cafés in every ".into(),
            meeting: Some(Id::from_parts(2, 2)),
            problem: String::new(),
            solution: String::new(),
            evidence: String::new(),
            resources: String::new(),
            transferability: String::new(),
            contacts: vec![],
            captured_at: String::new(),
            sample: false,
        }
    }

    #[test]
    fn a_capture_may_start_with_any_field_and_keeps_the_text_as_typed() {
        let p = Programme::icp_agir();
        let saved = practice().validate(&p, &Refs).unwrap();
        assert_eq!(
            saved.summary, "Repair cafés in every ",
            "the space before the next word stays"
        );
    }

    #[test]
    fn unknown_references_and_long_text_are_refused_by_field() {
        let p = Programme::icp_agir();
        let bad = BestPractice {
            title: "x".repeat(TITLE_MAX + 1),
            city: Some(Id::from_parts(5, 5)),
            theme: Some("space_travel".into()),
            meeting: Some(Id::from_parts(6, 6)),
            contacts: vec![Id::from_parts(7, 7)],
            ..practice()
        };
        let fields: Vec<Option<String>> = bad
            .validate(&p, &Refs)
            .unwrap_err()
            .issues()
            .into_iter()
            .map(|i| i.field)
            .collect();
        for f in ["title", "city", "meeting", "contacts.0.person"] {
            assert!(fields.contains(&Some(f.to_string())), "{f}: {fields:?}");
        }
        assert_eq!(fields.len(), 5, "{fields:?}");
    }
}
