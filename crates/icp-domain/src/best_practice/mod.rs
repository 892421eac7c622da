//! Best practices: what a city did about a problem, told in a meeting and captured while it is
//! told, then completed and reviewed in the library. A capture starts with whatever the cluster
//! manager types first, so no field is required until someone marks it reviewed.

mod tags;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{DomainError, Id, Programme, Record};

const TITLE_MAX: usize = 200;
const SUMMARY_MAX: usize = 400;
const TEXT_MAX: usize = 10_000;

/// Where a practice stands: captured (and being completed), or checked by someone who can
/// vouch for it and ready to hand on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PracticeStatus {
    #[default]
    Draft,
    Reviewed,
}

impl PracticeStatus {
    pub fn key(self) -> &'static str {
        match self {
            PracticeStatus::Draft => "draft",
            PracticeStatus::Reviewed => "reviewed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PracticeStatus::Draft => "Draft",
            PracticeStatus::Reviewed => "Reviewed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BestPractice {
    pub id: Id,
    #[serde(default)]
    pub title: String,
    /// The city whose practice it is.
    #[serde(default)]
    pub city: Option<Id>,
    /// Programme theme keys, the main one first. (Stores before version 3 kept one `theme`;
    /// the store's migration moved it here.)
    #[serde(default)]
    pub themes: Vec<String>,
    /// One line, as said in the meeting.
    #[serde(default)]
    pub summary: String,
    /// The meeting it was captured in. It may since have been deleted: the practice keeps
    /// the reference, and says the meeting is gone.
    #[serde(default)]
    pub meeting: Option<Id>,
    #[serde(default)]
    pub problem: String,
    #[serde(default)]
    pub solution: String,
    /// Evidence of results.
    #[serde(default)]
    pub evidence: String,
    /// Resources needed (people, money, time).
    #[serde(default)]
    pub resources: String,
    /// What another city needs to adopt it.
    #[serde(default)]
    pub transferability: String,
    /// People of the directory to ask about it.
    #[serde(default)]
    pub contacts: Vec<Id>,
    /// Free words to find and group it by ("repair", "schools"), as the person wrote them.
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub status: PracticeStatus,
    /// Who reviewed it; set exactly when the status is reviewed.
    #[serde(default)]
    pub reviewed_by: Option<Id>,
    /// When it was marked reviewed (RFC 3339, set by the desk, not the form).
    #[serde(default)]
    pub reviewed_at: Option<String>,
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
        for t in &self.themes {
            terms.push(("theme", t.clone()));
        }
        terms.push(("status", self.status.key().to_string()));
        terms
    }
}

impl BestPractice {
    /// A blank draft, as a capture starts.
    pub fn blank(id: Id) -> BestPractice {
        BestPractice {
            id,
            title: String::new(),
            city: None,
            themes: Vec::new(),
            summary: String::new(),
            meeting: None,
            problem: String::new(),
            solution: String::new(),
            evidence: String::new(),
            resources: String::new(),
            transferability: String::new(),
            contacts: Vec::new(),
            tags: Vec::new(),
            status: PracticeStatus::Draft,
            reviewed_by: None,
            reviewed_at: None,
            captured_at: String::new(),
            sample: false,
        }
    }

    /// What lists and documents call it: its title, or "Untitled practice" while it has none.
    pub fn name(&self) -> &str {
        match self.title.trim() {
            "" => "Untitled practice",
            _ => &self.title,
        }
    }

    /// Checks lengths and references and tidies the lists (themes and tags once each, tags
    /// trimmed). Text is kept exactly as typed: it is saved while the person types, and
    /// trimming would eat the space before the next word.
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
        let mut themes: Vec<String> = Vec::new();
        for (index, t) in self.themes.iter().enumerate() {
            if !programme.themes.iter().any(|k| &k.key == t) {
                problems.push(DomainError::InList {
                    list: "themes",
                    label: "Theme",
                    index,
                    error: Box::new(DomainError::UnknownTheme { value: t.clone() }),
                });
            } else if !themes.contains(t) {
                themes.push(t.clone());
            }
        }
        let tags = tags::tidy(&self.tags).unwrap_or_else(|e| {
            problems.push(e);
            Vec::new()
        });
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
                    error: Box::new(unknown_person("person", *p)),
                });
            }
        }
        let (reviewed_by, reviewed_at) = match (self.status, self.reviewed_by) {
            (PracticeStatus::Draft, _) => (None, None),
            (PracticeStatus::Reviewed, None) => {
                problems.push(DomainError::Required {
                    field: "reviewed_by",
                    label: "Who reviewed it",
                });
                (None, None)
            }
            (PracticeStatus::Reviewed, Some(p)) => {
                if !refs.person(p) {
                    problems.push(unknown_person("reviewed_by", p));
                }
                (Some(p), self.reviewed_at.clone())
            }
        };
        DomainError::collect(problems)?;
        Ok(BestPractice {
            themes,
            tags,
            reviewed_by,
            reviewed_at,
            ..self.clone()
        })
    }
}

fn unknown_person(field: &'static str, id: Id) -> DomainError {
    DomainError::UnknownRecord {
        field,
        what: "person",
        id: id.to_string(),
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
            summary: "Repair cafés in every ".into(),
            meeting: Some(Id::from_parts(2, 2)),
            ..BestPractice::blank(Id::from_parts(9, 9))
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
            themes: vec!["air_quality".into(), "space_travel".into()],
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
        for f in [
            "title",
            "city",
            "themes.1.theme",
            "meeting",
            "contacts.0.person",
        ] {
            assert!(fields.contains(&Some(f.to_string())), "{f}: {fields:?}");
        }
        assert_eq!(fields.len(), 5, "{fields:?}");
    }

    #[test]
    fn a_practice_without_a_title_is_called_untitled() {
        assert_eq!(practice().name(), "Untitled practice");
        let named = BestPractice {
            title: "Repair cafés".into(),
            ..practice()
        };
        assert_eq!(named.name(), "Repair cafés");
    }

    #[test]
    fn lists_are_tidied_themes_and_tags_once_each() {
        let p = Programme::icp_agir();
        let saved = BestPractice {
            themes: vec!["air_quality".into(), "air_quality".into()],
            tags: vec![
                " Schools ".into(),
                "schools".into(),
                "".into(),
                "repair".into(),
            ],
            ..practice()
        }
        .validate(&p, &Refs)
        .unwrap();
        assert_eq!(saved.themes, ["air_quality"]);
        assert_eq!(saved.tags, ["Schools", "repair"]);
    }

    struct Everyone;
    impl PracticeRefs for Everyone {
        fn city(&self, _: Id) -> bool {
            true
        }
        fn meeting(&self, _: Id) -> bool {
            true
        }
        fn person(&self, id: Id) -> bool {
            id == Id::from_parts(3, 3)
        }
    }

    #[test]
    fn a_reviewed_practice_names_a_known_reviewer_and_a_draft_none() {
        let p = Programme::icp_agir();
        let reviewed = BestPractice {
            status: PracticeStatus::Reviewed,
            ..practice()
        };
        assert_eq!(
            reviewed.validate(&p, &Everyone).unwrap_err().field(),
            Some("reviewed_by".into())
        );
        let by_stranger = BestPractice {
            reviewed_by: Some(Id::from_parts(4, 4)),
            ..reviewed.clone()
        };
        assert_eq!(
            by_stranger.validate(&p, &Everyone).unwrap_err().code(),
            "unknown_record"
        );
        let by_known = BestPractice {
            reviewed_by: Some(Id::from_parts(3, 3)),
            reviewed_at: Some("2023-05-03T10:00:00Z".into()),
            ..reviewed
        };
        assert_eq!(by_known.validate(&p, &Everyone).unwrap(), by_known);
        let back_to_draft = BestPractice {
            status: PracticeStatus::Draft,
            ..by_known
        }
        .validate(&p, &Everyone)
        .unwrap();
        assert_eq!(
            (back_to_draft.reviewed_by, back_to_draft.reviewed_at),
            (None, None)
        );
    }
}
