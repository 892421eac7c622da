//! Pairings: each EU city paired with exactly one non-EU city, with a pairing manager. The
//! suggestion (compatibility and the optimal assignment) is in `suggest`; a pairing the
//! coordinator accepted is a [`Pairing`] record.

mod suggest;

pub use suggest::{
    compatibility, suggest_pairs, Compatibility, Factor, PairingCity, PairingConstraints,
    PairingSuggestion, ProposedPair,
};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{DomainError, Id, Record};

/// An accepted pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Pairing {
    pub id: Id,
    pub eu_city: Id,
    pub partner_city: Id,
    /// The pairing manager, a person of the directory (when chosen).
    #[serde(default)]
    pub manager: Option<Id>,
    /// The compatibility score when the pair was accepted.
    #[ts(type = "number")]
    pub score: i64,
    #[serde(default)]
    pub sample: bool,
}

impl Record for Pairing {
    const COLLECTION: &'static str = "pairing";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        vec![
            ("city", self.eu_city.to_string()),
            ("city", self.partner_city.to_string()),
        ]
    }
}

impl Pairing {
    /// A pair joins an EU city (`is_eu` true) and a non-EU city, both in the directory, and
    /// neither already paired with another city (`paired_with` answers for the other pairings).
    pub fn validate(
        &self,
        is_eu: impl Fn(Id) -> Option<bool>,
        paired_with: impl Fn(Id) -> Option<Id>,
    ) -> Result<Pairing, DomainError> {
        let mut problems = Vec::new();
        for (field, id, eu) in [
            ("eu_city", self.eu_city, true),
            ("partner_city", self.partner_city, false),
        ] {
            match is_eu(id) {
                None => problems.push(DomainError::UnknownCity {
                    field,
                    id: id.to_string(),
                }),
                Some(side) if side != eu => problems.push(DomainError::WrongSide { field, eu }),
                Some(_) => {
                    if let Some(other) = paired_with(id) {
                        problems.push(DomainError::AlreadyPaired {
                            field,
                            with: other.to_string(),
                        });
                    }
                }
            }
        }
        DomainError::collect(problems)?;
        Ok(self.clone())
    }
}
