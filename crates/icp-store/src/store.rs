use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use icp_domain::{Id, Record};

use crate::clock::now_ms;
use crate::error::{corrupt, from_sled};
use crate::feed::Feed;
use crate::ids::IdGen;
use crate::migrate::{self, CURRENT_VERSION, OLDEST_VERSION};
use crate::schema::Schema;
use crate::stored::Stored;
use crate::trees::{Plan, Trees};
use crate::{keys, lock, marker, DeviceId, Hlc, Op, StoreError};

/// How to open a store.
#[derive(Debug, Clone)]
pub struct Options {
    /// sled's page cache, in bytes.
    pub cache_capacity: u64,
    /// How long to keep trying when another instance holds the data folder.
    pub lock_wait: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            cache_capacity: 64 * 1024 * 1024,
            lock_wait: Duration::from_secs(2),
        }
    }
}

/// The app's data folder, opened: records, their indexes and the log of every change.
/// Open it once per process and share it (it is `Send + Sync`).
pub struct Store {
    pub(crate) db: sled::Db,
    pub(crate) trees: Trees,
    pub(crate) path: PathBuf,
    pub(crate) device: DeviceId,
    pub(crate) version: u32,
    pub(crate) schema: Schema,
    /// The last clock reading handed out. Writers hold this lock for the whole read-diff-write
    /// of a change, which is also what keeps writes from racing each other.
    pub(crate) writer: Mutex<Hlc>,
    ids: Mutex<IdGen>,
    pub(crate) feed: Mutex<Feed>,
    /// The newest operation of each device in the log, worked out on the first exchange and
    /// kept up by every commit: a sync pass asks every few seconds whether there is anything to
    /// send, and reading the whole log to answer would hold up the saves.
    pub(crate) log_vector: Mutex<Option<crate::VersionVector>>,
}

impl Store {
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        Store::open_with(dir, Options::default())
    }

    pub fn open_with(dir: &Path, opts: Options) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir)?;
        let marked = marker::read(dir)?;
        if let Some(found) = marked {
            if found > CURRENT_VERSION {
                return Err(StoreError::TooNew {
                    found,
                    supported: CURRENT_VERSION,
                });
            }
        }
        let db = lock::open_db(dir, opts.cache_capacity, opts.lock_wait)?;
        let fail = |e: sled::Error| from_sled(e, dir);

        // The version is read before anything else is opened or created: a store from a newer
        // ICP Desk must be left as it is.
        let names = db.tree_names();
        let has_meta = names.iter().any(|n| n.as_ref() == b"meta");
        let stored_version = if has_meta {
            let meta = db.open_tree("meta").map_err(fail)?;
            match meta.get(keys::META_VERSION).map_err(fail)? {
                Some(v) => Some(
                    decode_u32(&v)
                        .ok_or_else(|| corrupt(dir, "the data version cannot be read"))?,
                ),
                None => None,
            }
        } else {
            None
        };
        match (stored_version, marked) {
            (Some(found), _) if found > CURRENT_VERSION => {
                return Err(StoreError::TooNew {
                    found,
                    supported: CURRENT_VERSION,
                });
            }
            (Some(found), _) if found < OLDEST_VERSION => {
                return Err(corrupt(dir, format!("unknown data version {found}")));
            }
            (None, Some(_)) => {
                return Err(corrupt(
                    dir,
                    "a store was made in this folder, but its data files are damaged or missing",
                ));
            }
            _ => {}
        }

        let trees = Trees::open(&db).map_err(fail)?;
        let schema = Schema::current();
        let device = match stored_version {
            Some(version) => {
                let device = trees
                    .meta
                    .get(keys::META_DEVICE)
                    .map_err(fail)?
                    .and_then(|v| <[u8; 16]>::try_from(v.as_ref()).ok())
                    .map(DeviceId)
                    .ok_or_else(|| corrupt(dir, "the device id is missing"))?;
                migrate::run(&db, &trees, &schema, version)
                    .map_err(|e| corrupt(dir, format!("upgrading the data failed: {e}")))?;
                device
            }
            None => init(&db, &trees, dir)?,
        };

        if marked != Some(CURRENT_VERSION) {
            marker::write(dir, CURRENT_VERSION)?;
        }
        let last_hlc = load_clock(&trees, dir)?;
        let store = Store {
            db,
            trees,
            path: dir.to_path_buf(),
            device,
            version: CURRENT_VERSION,
            schema,
            writer: Mutex::new(last_hlc),
            ids: Mutex::new(IdGen::default()),
            feed: Mutex::new(Feed::default()),
            log_vector: Mutex::new(None),
        };
        store.finish_log_ahead()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn device(&self) -> DeviceId {
        self.device
    }

    pub fn schema_version(&self) -> u32 {
        self.version
    }

    pub fn new_id(&self) -> Id {
        relock(&self.ids).next(now_ms())
    }

    pub fn get<T: Record>(&self, id: Id) -> Result<Option<T>, StoreError> {
        let key = keys::record_key(T::COLLECTION, id);
        match self.trees.records.get(key).map_err(|e| self.sled(e))? {
            Some(bytes) => self.decode_record(&bytes, id).map(Some),
            None => Ok(None),
        }
    }

    /// A page of records in id order (creation order), starting after `after`.
    pub fn list<T: Record>(&self, after: Option<Id>, limit: usize) -> Result<Vec<T>, StoreError> {
        let prefix = keys::collection_prefix(T::COLLECTION);
        let start = match after {
            Some(id) => {
                // Record keys of one collection have one length, so this is the next key after.
                let mut k = keys::record_key(T::COLLECTION, id);
                k.push(0);
                k
            }
            None => prefix.clone(),
        };
        let mut out = Vec::with_capacity(limit.min(1024));
        for item in self.trees.records.range(start..) {
            if out.len() >= limit {
                break;
            }
            let (k, v) = item.map_err(|e| self.sled(e))?;
            if !k.starts_with(&prefix) {
                break;
            }
            let (_, id) = keys::parse_record_key(&k)
                .ok_or_else(|| self.corrupt("a record key cannot be read"))?;
            out.push(self.decode_record(&v, id)?);
        }
        Ok(out)
    }

    /// The records whose `index` holds exactly `term`, in id order.
    pub fn find<T: Record>(&self, index: &str, term: &str) -> Result<Vec<T>, StoreError> {
        let prefix = keys::index_term_prefix(T::COLLECTION, index, term);
        let mut out = Vec::new();
        for item in self.trees.index.scan_prefix(&prefix) {
            let (k, _) = item.map_err(|e| self.sled(e))?;
            let id = <[u8; 16]>::try_from(&k[prefix.len()..])
                .map(Id::from_bytes)
                .map_err(|_| self.corrupt("an index key cannot be read"))?;
            // An entry without its record is reported by check_indexes; a read shows what exists.
            if let Some(record) = self.get::<T>(id)? {
                out.push(record);
            }
        }
        Ok(out)
    }

    pub fn count<T: Record>(&self) -> Result<usize, StoreError> {
        let mut n = 0;
        for k in self
            .trees
            .records
            .scan_prefix(keys::collection_prefix(T::COLLECTION))
            .keys()
        {
            k.map_err(|e| self.sled(e))?;
            n += 1;
        }
        Ok(n)
    }

    /// True when no collection holds a live record.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        match self.trees.records.iter().keys().next() {
            None => Ok(true),
            Some(Ok(_)) => Ok(false),
            Some(Err(e)) => Err(self.sled(e)),
        }
    }

    pub(crate) fn decode_record<T: Record>(&self, bytes: &[u8], id: Id) -> Result<T, StoreError> {
        let stored = Stored::decode(bytes).map_err(|e| self.corrupt(e))?;
        T::deserialize(&stored.to_record_json(id)).map_err(|e| StoreError::Encoding {
            collection: T::COLLECTION.to_string(),
            detail: e.to_string(),
        })
    }

    pub(crate) fn decode_op(&self, bytes: &[u8]) -> Result<Op, StoreError> {
        serde_json::from_slice(bytes)
            .map_err(|e| self.corrupt(format!("an operation cannot be decoded: {e}")))
    }

    pub(crate) fn sled(&self, e: sled::Error) -> StoreError {
        from_sled(e, &self.path)
    }

    pub(crate) fn corrupt(&self, detail: impl Into<String>) -> StoreError {
        corrupt(&self.path, detail)
    }

    /// Applies a change and returns once it is on disk.
    pub(crate) fn commit(&self, plan: &mut Plan) -> Result<(), StoreError> {
        if plan.is_empty() {
            return Ok(());
        }
        self.resolve_history(plan)?;
        let ahead = self.write_log_ahead(plan)?;
        self.trees.apply(plan).map_err(|e| self.sled(e))?;
        {
            // Told while the change is visible and before the caller hears back, so a view
            // that reads the feed after a save sees that save.
            let mut feed = relock(&self.feed);
            for (key, _) in &plan.records {
                feed.push(key);
            }
        }
        if let Some(vector) = relock(&self.log_vector).as_mut() {
            for (key, _) in plan.log.iter().chain(&ahead) {
                if let Some((hlc, device)) = keys::stamp_of_log_key(key) {
                    crate::merge::keep_newest(vector, device, hlc);
                }
            }
        }
        self.db.flush().map_err(|e| self.sled(e))?;
        Ok(())
    }

    pub(crate) fn lock_writer(&self) -> MutexGuard<'_, Hlc> {
        relock(&self.writer)
    }
}

/// A panic elsewhere while holding a lock leaves plain data behind (a clock reading, an id
/// counter) that is still valid, so a poisoned lock is simply taken over.
pub(crate) fn relock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn decode_u32(b: &[u8]) -> Option<u32> {
    <[u8; 4]>::try_from(b).ok().map(u32::from_be_bytes)
}

/// A folder without a version is new, unless it already holds records: then the version was
/// lost, and guessing would risk the data.
fn init(db: &sled::Db, trees: &Trees, dir: &Path) -> Result<DeviceId, StoreError> {
    let fail = |e: sled::Error| from_sled(e, dir);
    let holds_data = [
        &trees.meta,
        &trees.log,
        &trees.history,
        &trees.records,
        &trees.tombstones,
        &trees.index,
    ]
    .iter()
    .any(|tree| !tree.is_empty());
    if holds_data || !db.is_empty() {
        return Err(corrupt(dir, "the data version is missing"));
    }
    let device = DeviceId::random();
    let plan = Plan {
        meta: vec![
            (
                keys::META_VERSION.to_vec(),
                Some(CURRENT_VERSION.to_be_bytes().to_vec()),
            ),
            (keys::META_DEVICE.to_vec(), Some(device.0.to_vec())),
        ],
        ..Plan::default()
    };
    trees.apply(&plan).map_err(fail)?;
    db.flush().map_err(fail)?;
    Ok(device)
}

/// The clock resumes after the last reading ever stamped here, whatever the wall clock says now.
fn load_clock(trees: &Trees, dir: &Path) -> Result<Hlc, StoreError> {
    let fail = |e: sled::Error| from_sled(e, dir);
    let saved = match trees.meta.get(keys::META_HLC).map_err(fail)? {
        Some(b) => Hlc::from_bytes(&b).ok_or_else(|| corrupt(dir, "the clock cannot be read"))?,
        None => Hlc::default(),
    };
    let logged = match trees.log.last().map_err(fail)? {
        Some((k, _)) => {
            keys::hlc_of_log_key(&k).ok_or_else(|| corrupt(dir, "a log key cannot be read"))?
        }
        None => Hlc::default(),
    };
    Ok(saved.max(logged))
}
