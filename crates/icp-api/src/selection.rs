//! The coordinator's selection board: candidatures with their scores, and the suggested
//! selection within the quotas.

use icp_domain::selection::{suggest, Candidate, SelectionSuggestion};
use icp_domain::{Candidature, DomainError, Id};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, Desk};

/// A candidature as the board lists it: the record and what the programme makes of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CandidatureView {
    pub candidature: Candidature,
    pub group: Option<String>,
    pub score: Option<f64>,
    pub late: bool,
}

impl Desk {
    /// Every candidature, best score first.
    pub fn list_candidatures(&self) -> Result<Vec<CandidatureView>, ApiError> {
        let mut all: Vec<CandidatureView> = self
            .all::<Candidature>()?
            .into_iter()
            .map(|c| CandidatureView {
                group: c.group(&self.programme).map(|g| g.key.clone()),
                score: c.score(&self.programme),
                late: c.is_late(&self.programme),
                candidature: c,
            })
            .collect();
        all.sort_by(|a, b| {
            b.score
                .unwrap_or(f64::MIN)
                .total_cmp(&a.score.unwrap_or(f64::MIN))
                .then(a.candidature.city_name.cmp(&b.candidature.city_name))
        });
        Ok(all)
    }

    pub fn get_candidature(&self, id: Id) -> Result<Candidature, ApiError> {
        self.store.get::<Candidature>(id)?.ok_or_else(|| {
            DomainError::NotFound {
                what: "candidature",
                id: id.to_string(),
            }
            .into()
        })
    }

    /// The highest-scoring selection within every quota, each candidature with its reason.
    pub fn suggest_selection(&self) -> Result<SelectionSuggestion, ApiError> {
        let candidates: Vec<Candidate> = self
            .all::<Candidature>()?
            .iter()
            .map(|c| Candidate::of(c, &self.programme))
            .collect();
        Ok(suggest(&self.programme.quota_groups, &candidates))
    }
}
