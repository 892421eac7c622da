//! The records this process has changed, in commit order: what keeps in-memory views (the
//! library's search index) in step with the store without re-reading everything. Every write
//! goes through [`Store::commit`], whoever makes it (a form, the sample, a backup import), so
//! a view that follows the feed misses none.
//!
//! The feed lives in memory only: a view is built from the store when the process starts and
//! follows the feed from there. It keeps the newest [`FEED_CAPACITY`] entries; a view that
//! fell further behind is told to rebuild.

use std::collections::VecDeque;
use std::sync::Mutex;

use icp_domain::Id;

use crate::keys;
use crate::store::Store;

/// Entries kept. A view asks after each of its searches, so only a burst of this many record
/// writes between two searches makes it rebuild.
pub const FEED_CAPACITY: usize = 100_000;

/// What changed since a position of the feed.
#[derive(Debug, Clone, PartialEq)]
pub enum Changes {
    /// The records written (saved or deleted) since, oldest first, possibly repeated; and the
    /// position to ask from next time.
    Since {
        records: Vec<(String, Id)>,
        next: u64,
    },
    /// The position is older than the feed remembers: rebuild the view from the store, then
    /// follow from `next`.
    Rebuild { next: u64 },
}

#[derive(Default)]
pub(crate) struct Feed {
    /// Position of `entries[0]`.
    first: u64,
    entries: VecDeque<(String, Id)>,
}

impl Feed {
    fn end(&self) -> u64 {
        self.first + self.entries.len() as u64
    }

    pub(crate) fn push(&mut self, record_key: &[u8]) {
        if let Some(entry) = keys::parse_record_key(record_key) {
            if self.entries.len() == FEED_CAPACITY {
                self.entries.pop_front();
                self.first += 1;
            }
            self.entries.push_back(entry);
        }
    }
}

impl Store {
    /// The current end of the feed: build a view from the store, *then* follow from a
    /// position taken *before* the build, so that a write during it is seen again rather than
    /// missed.
    pub fn feed_position(&self) -> u64 {
        relock(&self.feed).end()
    }

    /// The records changed since `position`.
    pub fn changes_since(&self, position: u64) -> Changes {
        let feed = relock(&self.feed);
        let next = feed.end();
        if position < feed.first || position > next {
            return Changes::Rebuild { next };
        }
        let skip = (position - feed.first) as usize;
        Changes::Since {
            records: feed.entries.iter().skip(skip).cloned().collect(),
            next,
        }
    }
}

fn relock(m: &Mutex<Feed>) -> std::sync::MutexGuard<'_, Feed> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u64) -> Vec<u8> {
        keys::record_key("city", Id::from_parts(n, u128::from(n)))
    }

    #[test]
    fn a_position_the_feed_forgot_asks_for_a_rebuild() {
        let mut feed = Feed::default();
        for n in 0..FEED_CAPACITY as u64 + 2 {
            feed.push(&key(n));
        }
        assert_eq!(feed.first, 2);
        assert_eq!(feed.entries.len(), FEED_CAPACITY);
        assert_eq!(feed.entries[0].1, Id::from_parts(2, 2));
    }

    #[test]
    fn saves_and_deletes_show_in_the_feed_and_unchanged_saves_do_not() {
        use icp_domain::{City, CityInput, Programme};
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let start = store.feed_position();
        let city: City = CityInput {
            name: "Łódź".into(),
            country: "PL".into(),
            time_zone: "Europe/Warsaw".into(),
            ..Default::default()
        }
        .validate(&Programme::icp_agir(), store.new_id())
        .unwrap();
        store.save(&city).unwrap();
        store.save(&city).unwrap();
        store.delete::<City>(city.id).unwrap();
        let Changes::Since { records, next } = store.changes_since(start) else {
            panic!("the feed remembers its start");
        };
        assert_eq!(records, vec![("city".to_string(), city.id); 2]);
        assert_eq!(
            store.changes_since(next),
            Changes::Since {
                records: vec![],
                next
            }
        );
        assert_eq!(store.changes_since(next + 5), Changes::Rebuild { next });
    }
}
