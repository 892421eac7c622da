//! The directory: the people and organisations the programme works with. Cluster managers,
//! pairing managers, attendees and stakeholders are these people and organisations.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checks::{optional_text, required_text};
use crate::{DomainError, Id, Record};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Person {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub organisation: Option<Id>,
    #[serde(default)]
    pub city: Option<Id>,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub sample: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    Firm,
    PublicAgency,
    PrivateAgency,
    University,
    ResearchCentre,
    Ngo,
    NationalAuthority,
    /// An EU institution or an EU delegation.
    EuInstitution,
}

impl OrganisationKind {
    pub fn label(self) -> &'static str {
        match self {
            OrganisationKind::Firm => "Firm",
            OrganisationKind::PublicAgency => "Public agency",
            OrganisationKind::PrivateAgency => "Private agency",
            OrganisationKind::University => "University",
            OrganisationKind::ResearchCentre => "Research centre",
            OrganisationKind::Ngo => "NGO",
            OrganisationKind::NationalAuthority => "National authority",
            OrganisationKind::EuInstitution => "EU institution or delegation",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Organisation {
    pub id: Id,
    pub name: String,
    pub kind: OrganisationKind,
    #[serde(default)]
    pub city: Option<Id>,
    /// People of the directory to contact there.
    #[serde(default)]
    pub contacts: Vec<Id>,
    #[serde(default)]
    pub sample: bool,
}

impl Record for Person {
    const COLLECTION: &'static str = "person";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        let mut terms = vec![("name", crate::text::fold(&self.name))];
        if let Some(o) = self.organisation {
            terms.push(("organisation", o.to_string()));
        }
        terms
    }
}

impl Record for Organisation {
    const COLLECTION: &'static str = "organisation";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        vec![("name", crate::text::fold(&self.name))]
    }
}

/// What the directory's records refer to, so validation can check the references exist.
pub trait Known {
    fn city(&self, id: Id) -> bool;
    fn person(&self, id: Id) -> bool;
    fn organisation(&self, id: Id) -> bool;
}

impl Person {
    pub fn validate(&self, known: &impl Known) -> Result<Person, DomainError> {
        let mut problems = Vec::new();
        let name = required_text(&self.name, "name", "Name", 120, &mut problems);
        let role = optional_text(&self.role, "role", "Role", 120, &mut problems);
        let email = self.email.trim().to_string();
        if !email.is_empty() && !looks_like_email(&email) {
            problems.push(DomainError::InvalidEmail {
                value: email.clone(),
            });
        }
        let phone = self.phone.trim().to_string();
        if !phone.is_empty() && !looks_like_phone(&phone) {
            problems.push(DomainError::InvalidPhone {
                value: phone.clone(),
            });
        }
        if let Some(o) = self.organisation.filter(|o| !known.organisation(*o)) {
            problems.push(DomainError::UnknownRecord {
                field: "organisation",
                what: "organisation",
                id: o.to_string(),
            });
        }
        if let Some(c) = self.city.filter(|c| !known.city(*c)) {
            problems.push(DomainError::UnknownCity {
                field: "city",
                id: c.to_string(),
            });
        }
        let mut languages: Vec<String> = Vec::new();
        for l in &self.languages {
            let l = crate::text::tidy(l);
            if !l.is_empty() && !languages.iter().any(|x| x.eq_ignore_ascii_case(&l)) {
                languages.push(l);
            }
        }
        DomainError::collect(problems)?;
        Ok(Person {
            name,
            role,
            email,
            phone,
            languages,
            ..self.clone()
        })
    }
}

impl Organisation {
    pub fn validate(&self, known: &impl Known) -> Result<Organisation, DomainError> {
        let mut problems = Vec::new();
        let name = required_text(&self.name, "name", "Name", 160, &mut problems);
        if let Some(c) = self.city.filter(|c| !known.city(*c)) {
            problems.push(DomainError::UnknownCity {
                field: "city",
                id: c.to_string(),
            });
        }
        let mut contacts: Vec<Id> = Vec::new();
        for p in &self.contacts {
            if !known.person(*p) {
                problems.push(DomainError::UnknownRecord {
                    field: "contacts",
                    what: "person",
                    id: p.to_string(),
                });
            } else if !contacts.contains(p) {
                contacts.push(*p);
            }
        }
        DomainError::collect(problems)?;
        Ok(Organisation {
            name,
            contacts,
            ..self.clone()
        })
    }
}

/// One "@", something before it, and a dot inside the domain after it: enough to catch a
/// mistyped address without refusing real ones.
fn looks_like_email(s: &str) -> bool {
    let mut parts = s.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty()
                && !s.chars().any(char::is_whitespace)
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        _ => false,
    }
}

/// Digits with the usual separators, an optional leading "+", and at least six digits.
fn looks_like_phone(s: &str) -> bool {
    let body = s.strip_prefix('+').unwrap_or(s);
    body.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '/'))
        && body.chars().filter(char::is_ascii_digit).count() >= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Some1;
    impl Known for Some1 {
        fn city(&self, id: Id) -> bool {
            id == Id::from_parts(1, 1)
        }
        fn person(&self, id: Id) -> bool {
            id == Id::from_parts(2, 1)
        }
        fn organisation(&self, id: Id) -> bool {
            id == Id::from_parts(3, 1)
        }
    }

    fn person() -> Person {
        Person {
            id: Id::from_parts(2, 9),
            name: "  Nomvula   Dlamini ".into(),
            role: "Pairing manager".into(),
            organisation: Some(Id::from_parts(3, 1)),
            city: Some(Id::from_parts(1, 1)),
            email: "n.dlamini@durban.gov.za".into(),
            phone: "+27 31 311 1111".into(),
            languages: vec!["English".into(), " isiZulu ".into(), "english".into()],
            sample: false,
        }
    }

    #[test]
    fn a_person_is_tidied() {
        let p = person().validate(&Some1).unwrap();
        assert_eq!(p.name, "Nomvula Dlamini");
        assert_eq!(p.languages, ["English", "isiZulu"]);
    }

    #[test]
    fn bad_contact_details_and_unknown_references_are_field_errors() {
        let p = Person {
            name: "".into(),
            email: "n.dlamini at durban".into(),
            phone: "call me".into(),
            organisation: Some(Id::from_parts(3, 2)),
            city: Some(Id::from_parts(1, 2)),
            ..person()
        };
        let fields: Vec<String> = p
            .validate(&Some1)
            .unwrap_err()
            .issues()
            .into_iter()
            .filter_map(|i| i.field)
            .collect();
        assert_eq!(fields, ["name", "email", "phone", "organisation", "city"]);
        for ok in ["a@b.pt", "first.last+icp@stadt.hamburg.de"] {
            assert!(looks_like_email(ok), "{ok}");
        }
        for bad in ["a@b", "@b.pt", "a@b@c.pt", "a b@c.pt", "a@.pt"] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }

    #[test]
    fn an_organisation_names_known_contacts_once() {
        let o = Organisation {
            id: Id::from_parts(3, 1),
            name: "Durban University of Technology".into(),
            kind: OrganisationKind::University,
            city: Some(Id::from_parts(1, 1)),
            contacts: vec![Id::from_parts(2, 1), Id::from_parts(2, 1)],
            sample: false,
        };
        assert_eq!(o.validate(&Some1).unwrap().contacts.len(), 1);
        let unknown = Organisation {
            contacts: vec![Id::from_parts(2, 5)],
            ..o
        };
        assert_eq!(
            unknown.validate(&Some1).unwrap_err().field().as_deref(),
            Some("contacts")
        );
    }
}
