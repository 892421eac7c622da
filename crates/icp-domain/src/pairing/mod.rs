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

/// The locks and exclusions the coordinator is working with on the pairing board, kept as
/// they change so that leaving the board loses nothing; there is one, under [`Self::ID`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairingDraft {
    pub id: Id,
    pub constraints: PairingConstraints,
}

impl PairingDraft {
    pub const ID: Id = Id::from_bytes([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
}

impl Record for PairingDraft {
    const COLLECTION: &'static str = "pairing_draft";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
}

/// The coordinator's constraints with the accepted pairs added as locks: an accepted pair
/// stays as it is. A lock or an exclusion that contradicts an accepted pair is refused with
/// the cities' names (`name`), saying what to do.
pub fn with_accepted(
    constraints: &PairingConstraints,
    accepted: &[Pairing],
    name: impl Fn(Id) -> String,
) -> Result<PairingConstraints, DomainError> {
    let refuse = |message: String| Err(DomainError::Unpairable { message });
    for p in accepted {
        let (eu, partner) = (p.eu_city, p.partner_city);
        if constraints.forbidden.contains(&(eu, partner)) {
            return refuse(format!(
                "{} and {} are an accepted pair; unpair them before forbidding the pair.",
                name(eu),
                name(partner)
            ));
        }
        for &(a, b) in &constraints.locked {
            if (a == eu) != (b == partner) {
                let (city, other) = if a == eu { (a, b) } else { (b, a) };
                let paired = if a == eu { partner } else { eu };
                return refuse(format!(
                    "{} is already paired with {}; unpair them before locking {} with {}.",
                    name(city),
                    name(paired),
                    name(city),
                    name(other)
                ));
            }
        }
    }
    let mut all = constraints.clone();
    for p in accepted {
        let pair = (p.eu_city, p.partner_city);
        if !all.locked.contains(&pair) {
            all.locked.push(pair);
        }
    }
    Ok(all)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pairing(eu: Id, partner: Id) -> Pairing {
        Pairing {
            id: Id::from_parts(9, 9),
            eu_city: eu,
            partner_city: partner,
            manager: None,
            score: 0,
            sample: false,
        }
    }

    #[test]
    fn accepted_pairs_become_locks_and_contradictions_are_refused_by_name() {
        let [athens, berlin, gwangju, incheon] = [1, 2, 3, 4].map(|n| Id::from_parts(1, n));
        let name = |id: Id| {
            ["Athens", "Berlin", "Gwangju", "Incheon"][(id.to_bytes()[15] - 1) as usize].to_string()
        };
        let accepted = [pairing(athens, gwangju)];
        let none = PairingConstraints::default();
        let merged = with_accepted(&none, &accepted, name).unwrap();
        assert_eq!(merged.locked, vec![(athens, gwangju)]);

        let lock_other = PairingConstraints {
            locked: vec![(berlin, gwangju)],
            forbidden: vec![],
        };
        let err = with_accepted(&lock_other, &accepted, name).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Gwangju is already paired with Athens; unpair them before locking Gwangju with Berlin."
        );
        let forbid_accepted = PairingConstraints {
            locked: vec![(berlin, incheon)],
            forbidden: vec![(athens, gwangju)],
        };
        let err = with_accepted(&forbid_accepted, &accepted, name).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("Athens and Gwangju are an accepted pair"));
        let fine = PairingConstraints {
            locked: vec![(berlin, incheon), (athens, gwangju)],
            forbidden: vec![(berlin, gwangju)],
        };
        assert_eq!(
            with_accepted(&fine, &accepted, name).unwrap().locked.len(),
            2
        );
    }
}
