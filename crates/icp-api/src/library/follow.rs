//! Keeping the search indexes in step with the store. They are built from the store on the
//! first search, then follow the store's feed of changed records before every search, so a
//! practice typed a moment ago, one restored from a backup or a city renamed is found as it
//! is now, whoever wrote it.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, MutexGuard};

use icp_domain::{BestPractice, City, Id, Record};
use icp_store::Changes;

use super::everywhere::EverywhereIndex;
use super::practice_index::PracticeIndex;
use crate::{ApiError, Desk};

pub(crate) struct SearchState {
    /// The feed position the indexes have caught up to.
    position: u64,
    pub(super) practices: PracticeIndex,
    pub(super) everywhere: EverywhereIndex,
}

/// The indexes, built on first use.
#[derive(Default)]
pub(crate) struct SearchCache(Mutex<Option<SearchState>>);

impl Desk {
    /// The indexes, caught up with every change committed before this call.
    pub(super) fn search_state(&self) -> Result<MutexGuard<'_, Option<SearchState>>, ApiError> {
        let mut guard = self
            .search
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let fresh = match guard.as_mut() {
            Some(state) => match self.store.changes_since(state.position) {
                Changes::Since { records, next } => {
                    self.follow(state, records)?;
                    state.position = next;
                    true
                }
                Changes::Rebuild { .. } => false,
            },
            None => false,
        };
        if !fresh {
            // Any failure above leaves the cache as it was; a failed build leaves none.
            *guard = None;
            *guard = Some(self.build_search()?);
        }
        Ok(guard)
    }

    fn build_search(&self) -> Result<SearchState, ApiError> {
        // Taken before reading, so a write during the build is followed again, not missed.
        let position = self.store.feed_position();
        let cities: HashMap<Id, City> =
            self.all::<City>()?.into_iter().map(|c| (c.id, c)).collect();
        let mut practices = PracticeIndex::new();
        for p in self.all::<BestPractice>()? {
            let city = p.city.and_then(|c| cities.get(&c));
            practices.upsert(&p, city, &self.programme);
        }
        Ok(SearchState {
            position,
            practices,
            everywhere: EverywhereIndex::build(self)?,
        })
    }

    fn follow(&self, state: &mut SearchState, records: Vec<(String, Id)>) -> Result<(), ApiError> {
        let changed: BTreeSet<(String, Id)> = records.into_iter().collect();
        let mut practices: BTreeSet<Id> = BTreeSet::new();
        let mut rebuild_everywhere = false;
        for (collection, id) in &changed {
            if collection == BestPractice::COLLECTION {
                practices.insert(*id);
            } else if collection == City::COLLECTION {
                // A practice's texts carry its city's name and its facets the city's region.
                practices.extend(
                    self.store
                        .find::<BestPractice>("city", &id.to_string())?
                        .iter()
                        .map(|p| p.id),
                );
            }
            if !rebuild_everywhere && !state.everywhere.follow(self, collection, *id)? {
                rebuild_everywhere = true;
            }
        }
        for id in practices {
            match self.store.get::<BestPractice>(id)? {
                Some(p) => {
                    let city = match p.city {
                        Some(c) => self.store.get::<City>(c)?,
                        None => None,
                    };
                    state.practices.upsert(&p, city.as_ref(), &self.programme);
                }
                None => state.practices.remove(id),
            }
        }
        if rebuild_everywhere {
            state.everywhere = EverywhereIndex::build(self)?;
        }
        Ok(())
    }
}
