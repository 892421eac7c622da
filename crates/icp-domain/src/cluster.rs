//! A thematic cluster: one per theme, with its cluster manager, its member cities and what each
//! city wants to work on within the theme.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checks::optional_text;
use crate::{DomainError, Id, Programme, Record};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ClusterMember {
    pub city: Id,
    /// The city's priorities within the theme, most important first ("textile reuse").
    #[serde(default)]
    pub priorities: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Cluster {
    pub id: Id,
    /// The programme theme's key; one cluster a theme.
    pub theme: String,
    /// The cluster manager, a person of the directory (when chosen).
    #[serde(default)]
    pub manager: Option<Id>,
    #[serde(default)]
    pub members: Vec<ClusterMember>,
    #[serde(default)]
    pub sample: bool,
}

impl Record for Cluster {
    const COLLECTION: &'static str = "cluster";

    fn id(&self) -> Id {
        self.id
    }

    fn index_terms(&self) -> Vec<(&'static str, String)> {
        vec![("theme", self.theme.clone())]
    }
}

impl Cluster {
    /// Checks the theme, that each city is a member once and exists, and tidies priorities.
    pub fn validate(
        &self,
        programme: &Programme,
        city_exists: impl Fn(Id) -> bool,
    ) -> Result<Cluster, DomainError> {
        let mut problems = Vec::new();
        if !programme.themes.iter().any(|t| t.key == self.theme) {
            problems.push(DomainError::UnknownTheme {
                value: self.theme.clone(),
            });
        }
        let mut members: Vec<ClusterMember> = Vec::new();
        for (index, m) in self.members.iter().enumerate() {
            let mut inner = Vec::new();
            if !city_exists(m.city) {
                inner.push(DomainError::UnknownCity {
                    field: "city",
                    id: m.city.to_string(),
                });
            }
            if members.iter().any(|o| o.city == m.city) {
                inner.push(DomainError::Duplicate {
                    field: "city",
                    what: "member for this city",
                });
            }
            let priorities = m
                .priorities
                .iter()
                .map(|p| optional_text(p, "priorities", "A priority", 200, &mut inner))
                .filter(|p| !p.is_empty())
                .collect();
            problems.extend(inner.into_iter().map(|error| DomainError::InList {
                list: "members",
                label: "Member",
                index,
                error: Box::new(error),
            }));
            members.push(ClusterMember {
                city: m.city,
                priorities,
            });
        }
        DomainError::collect(problems)?;
        Ok(Cluster {
            members,
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_theme_missing_city_and_a_city_twice_are_refused() {
        let p = Programme::icp_agir();
        let known = Id::from_parts(1, 1);
        let c = Cluster {
            id: Id::from_parts(9, 1),
            theme: "space".into(),
            manager: None,
            members: vec![
                ClusterMember {
                    city: known,
                    priorities: vec![" textile reuse ".into(), " ".into()],
                },
                ClusterMember {
                    city: known,
                    priorities: vec![],
                },
                ClusterMember {
                    city: Id::from_parts(1, 2),
                    priorities: vec![],
                },
            ],
            sample: false,
        };
        let fields: Vec<String> = c
            .validate(&p, |id| id == known)
            .unwrap_err()
            .issues()
            .into_iter()
            .filter_map(|i| i.field)
            .collect();
        assert_eq!(fields, ["theme", "members.1.city", "members.2.city"]);
        let ok = Cluster {
            theme: "circular_economy".into(),
            members: c.members[..1].to_vec(),
            ..c
        };
        assert_eq!(
            ok.validate(&p, |id| id == known).unwrap().members[0].priorities,
            ["textile reuse"]
        );
    }
}
