use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use icp_domain::{City, DomainError, Id, Programme};
use icp_print::FontSet;
use icp_store::Store;

use crate::library::SearchCache;
use crate::{ApiError, AppStatus};

/// One open data folder: its store and the programme it serves.
pub struct Desk {
    pub(crate) store: Store,
    pub(crate) programme: Programme,
    pub(crate) fonts: OnceLock<FontSet>,
    /// The library's and search everywhere's indexes, built on the first search.
    pub(crate) search: SearchCache,
    /// What sync passes remember from one to the next.
    pub(crate) sync: Mutex<crate::exchange::SyncMemory>,
    dir: PathBuf,
}

impl Desk {
    /// Opens (or creates) the data folder. A folder another ICP Desk holds, a store written by a
    /// newer version, or a damaged one comes back as an error with a message for people; the
    /// folder is then left exactly as it was.
    pub fn open(dir: &Path) -> Result<Desk, ApiError> {
        std::fs::create_dir_all(dir).map_err(|e| ApiError::File {
            path: dir.display().to_string(),
            action: "create the data folder",
            reason: e.to_string(),
        })?;
        let store = Store::open(&dir.join("store"))?;
        Ok(Desk {
            store,
            programme: Programme::icp_agir(),
            fonts: OnceLock::new(),
            search: SearchCache::default(),
            sync: Mutex::default(),
            dir: dir.to_path_buf(),
        })
    }

    pub fn programme(&self) -> &Programme {
        &self.programme
    }

    pub fn data_dir(&self) -> &Path {
        &self.dir
    }

    pub fn status(&self) -> Result<AppStatus, ApiError> {
        let has_sample_data = self.cities_all()?.iter().any(|c| c.sample);
        Ok(AppStatus {
            version: env!("CARGO_PKG_VERSION").to_string(),
            data_dir: self.dir.display().to_string(),
            schema_version: self.store.schema_version(),
            empty: self.store.is_empty()?,
            has_sample_data,
        })
    }

    pub(crate) fn cities_all(&self) -> Result<Vec<City>, ApiError> {
        self.all::<City>()
    }

    /// Every record of a kind, read page by page in id order.
    pub(crate) fn all<T: icp_domain::Record>(&self) -> Result<Vec<T>, ApiError> {
        let mut all = Vec::new();
        let mut after = None;
        loop {
            let page: Vec<T> = self.store.list(after, 500)?;
            let Some(last) = page.last() else { break };
            after = Some(last.id());
            all.extend(page);
        }
        Ok(all)
    }

    /// One record, or "this <what> no longer exists".
    pub(crate) fn one<T: icp_domain::Record>(
        &self,
        id: Id,
        what: &'static str,
    ) -> Result<T, ApiError> {
        self.store.get::<T>(id)?.ok_or_else(|| {
            DomainError::NotFound {
                what,
                id: id.to_string(),
            }
            .into()
        })
    }

    /// Deletes one record, or says it no longer exists.
    pub(crate) fn delete_one<T: icp_domain::Record>(
        &self,
        id: Id,
        what: &'static str,
    ) -> Result<(), ApiError> {
        if self.store.delete::<T>(id)? {
            Ok(())
        } else {
            Err(DomainError::NotFound {
                what,
                id: id.to_string(),
            }
            .into())
        }
    }
}
