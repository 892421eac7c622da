//! The thematic clusters: one a theme, its cluster manager, member cities and priorities.

use icp_domain::{City, Cluster, DomainError, Id, Person};

use crate::{ApiError, Desk};

impl Desk {
    /// The clusters in the programme's order of themes.
    pub fn list_clusters(&self) -> Result<Vec<Cluster>, ApiError> {
        let mut all = self.all::<Cluster>()?;
        let order = |c: &Cluster| {
            self.programme
                .themes
                .iter()
                .position(|t| t.key == c.theme)
                .unwrap_or(usize::MAX)
        };
        all.sort_by_key(order);
        Ok(all)
    }

    /// Saves a cluster. One whose id is not on record is a new cluster and gets an id of its
    /// own. One cluster a theme; its manager must be in the directory and its members in the
    /// city list.
    pub fn save_cluster(&self, cluster: &Cluster) -> Result<Cluster, ApiError> {
        let cities: Vec<Id> = self.all::<City>()?.iter().map(|c| c.id).collect();
        let others = self.all::<Cluster>()?;
        let stored = others.iter().find(|o| o.id == cluster.id);
        let draft = Cluster {
            id: stored.map_or_else(|| self.store.new_id(), |o| o.id),
            sample: stored.is_some_and(|o| o.sample),
            ..cluster.clone()
        };
        let valid = draft.validate(&self.programme, |id| cities.contains(&id))?;
        if others
            .iter()
            .any(|o| o.id != valid.id && o.theme == valid.theme)
        {
            return Err(DomainError::Duplicate {
                field: "theme",
                what: "cluster for this theme",
            }
            .into());
        }
        if let Some(m) = valid.manager {
            self.one::<Person>(m, "person")
                .map_err(|_| DomainError::UnknownRecord {
                    field: "manager",
                    what: "person",
                    id: m.to_string(),
                })?;
        }
        self.store.save(&valid)?;
        Ok(valid)
    }
}
