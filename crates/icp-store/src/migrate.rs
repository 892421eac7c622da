//! Forward migrations, run at open. Each one builds its changes from the stored records and
//! applies them, with the new version number, in one transaction: a crash mid-way leaves the
//! store at the old version, and the next start runs the migration again.

use std::collections::BTreeMap;

use crate::history::OPS_A_CHUNK;
use crate::keys::{self, LOG_KEY_LEN};
use crate::schema::Schema;
use crate::trees::{Plan, Trees};

/// The schema version this build writes. Raise it together with a new entry in `step`.
pub const CURRENT_VERSION: u32 = 4;
/// The last version that changed what records hold, and so what operations mean. Exchange files
/// and backups carry this one: a version that only changed how the store keeps things (4) must
/// not make a colleague's older ICP Desk refuse their files.
pub const RECORDS_VERSION: u32 = 3;
/// The oldest layout a migration path exists from.
pub(crate) const OLDEST_VERSION: u32 = 1;

/// The changes that bring a store from `to - 1` to `to`.
fn step(to: u32, trees: &Trees, schema: &Schema) -> Result<Plan, String> {
    match to {
        // Version 1 had no `country` index for cities.
        2 => backfill_index(trees, schema, "city", "country"),
        // Version 2 kept one `theme` a best practice; practices now have `themes`.
        3 => theme_to_themes(trees, schema),
        // Version 3 kept one history key an operation; version 4 keeps them in chunks.
        4 => history_in_chunks(trees),
        _ => Err(format!("no migration to version {to}")),
    }
}

pub(crate) fn run(db: &sled::Db, trees: &Trees, schema: &Schema, from: u32) -> Result<(), String> {
    for to in from + 1..=CURRENT_VERSION {
        let mut plan = step(to, trees, schema)?;
        plan.meta
            .push((keys::META_VERSION.to_vec(), Some(to.to_be_bytes().to_vec())));
        trees.apply(&plan).map_err(|e| e.to_string())?;
        db.flush().map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Adds the entries of one index, computed from every record of the collection.
fn backfill_index(
    trees: &Trees,
    schema: &Schema,
    collection: &str,
    index: &str,
) -> Result<Plan, String> {
    let mut plan = Plan::default();
    for item in trees
        .records
        .scan_prefix(keys::collection_prefix(collection))
    {
        let (k, v) = item.map_err(|e| e.to_string())?;
        let (_, id) = keys::parse_record_key(&k).ok_or("a record key cannot be read")?;
        let stored = crate::stored::Stored::decode(&v)?;
        let terms = schema.terms(collection, &stored.to_record_json(id))?;
        for (i, term) in terms.into_iter().filter(|(i, _)| i == index) {
            plan.index
                .push((keys::index_key(collection, &i, &term, id), Some(Vec::new())));
        }
    }
    Ok(plan)
}

/// Moves each best practice's `theme` (a key or null) into `themes` (a list), with the stamp
/// of the write that set it, and writes its index entries as the new shape gives them (one
/// `theme` term a theme, as before: rewriting them is harmless for a store that had them, and
/// needed for records a version-2 backup brought in without them).
fn theme_to_themes(trees: &Trees, schema: &Schema) -> Result<Plan, String> {
    let mut plan = Plan::default();
    for item in trees
        .records
        .scan_prefix(keys::collection_prefix("best_practice"))
    {
        let (k, v) = item.map_err(|e| e.to_string())?;
        let mut stored = crate::stored::Stored::decode(&v)?;
        let Some(theme) = stored.fields.remove("theme") else {
            continue;
        };
        let stamp = stored.stamps.remove("theme");
        if !stored.fields.contains_key("themes") {
            let themes = match theme {
                serde_json::Value::String(t) => vec![serde_json::Value::String(t)],
                _ => Vec::new(),
            };
            stored
                .fields
                .insert("themes".into(), serde_json::Value::Array(themes));
            if let Some(stamp) = stamp {
                stored.stamps.insert("themes".into(), stamp);
            }
        }
        let (_, id) = keys::parse_record_key(&k).ok_or("a record key cannot be read")?;
        for (index, term) in schema.terms("best_practice", &stored.to_record_json(id))? {
            plan.index.push((
                keys::index_key("best_practice", &index, &term, id),
                Some(Vec::new()),
            ));
        }
        plan.records.push((k.to_vec(), Some(stored.encode())));
    }
    Ok(plan)
}

/// Rewrites each record's history from one key an operation (record key + log key) into
/// chunks of log keys (`history.rs`). Chunks already there (a store whose version was lost and
/// set back) are kept, and the moved keys go in after them.
fn history_in_chunks(trees: &Trees) -> Result<Plan, String> {
    const UNREADABLE: &str = "a history key cannot be read";
    let mut plan = Plan::default();
    let mut moved: BTreeMap<Vec<u8>, Vec<u8>> = BTreeMap::new();
    let mut next_chunk: BTreeMap<Vec<u8>, u32> = BTreeMap::new();
    for k in trees.history.iter().keys() {
        let k = k.map_err(|e| e.to_string())?;
        let (record, tail) = k.split_at(keys::record_key_len(&k).ok_or(UNREADABLE)?);
        if tail.len() == LOG_KEY_LEN {
            moved
                .entry(record.to_vec())
                .or_default()
                .extend_from_slice(tail);
            plan.history.push((k.to_vec(), None));
        } else {
            let chunk = keys::chunk_of_history_key(record, &k).ok_or(UNREADABLE)?;
            let next = next_chunk.entry(record.to_vec()).or_default();
            *next = (*next).max(chunk + 1);
        }
    }
    for (record, log_keys) in moved {
        let first = next_chunk.get(&record).copied().unwrap_or(0);
        for (n, chunk) in (first..).zip(log_keys.chunks(OPS_A_CHUNK * LOG_KEY_LEN)) {
            plan.history
                .push((keys::history_key(&record, n), Some(chunk.to_vec())));
        }
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use icp_domain::{City, CityInput, Id, Programme};

    use super::*;
    use crate::{marker, Store};

    fn raw_open(dir: &std::path::Path) -> sled::Db {
        // A store dropped a moment ago releases sled's lock when its threads end.
        for _ in 0..100 {
            if let Ok(db) = sled::open(dir) {
                return db;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        panic!("the folder stayed locked");
    }

    /// Turns a current store into the version-1 layout: no `country` index, version 1.
    fn downgrade_to_v1(dir: &std::path::Path) {
        let db = raw_open(dir);
        let trees = Trees::open(&db).unwrap();
        let mut removed = 0;
        for k in trees.index.iter().keys() {
            let k = k.unwrap();
            if keys::parse_index_key(&k).unwrap().index == "country" {
                trees.index.remove(k).unwrap();
                removed += 1;
            }
        }
        assert!(removed > 0);
        trees
            .meta
            .insert(keys::META_VERSION, &1u32.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
        marker::write(dir, 1).unwrap();
    }

    #[test]
    fn version_1_gains_the_country_index() {
        let dir = tempfile::tempdir().unwrap();
        let cities: Vec<City> = {
            let store = Store::open(dir.path()).unwrap();
            let p = Programme::icp_agir();
            let cities: Vec<City> = [
                ("Gwangju", "KR", "Asia/Seoul"),
                ("Busan", "KR", "Asia/Seoul"),
                ("Prato", "IT", "Europe/Rome"),
            ]
            .iter()
            .map(|(n, c, z)| {
                CityInput {
                    name: (*n).into(),
                    country: (*c).into(),
                    time_zone: (*z).into(),
                    ..Default::default()
                }
                .validate(&p, store.new_id())
                .unwrap()
            })
            .collect();
            for c in &cities {
                store.save(c).unwrap();
            }
            cities
        };
        downgrade_to_v1(dir.path());
        {
            let db = raw_open(dir.path());
            let trees = Trees::open(&db).unwrap();
            assert_eq!(trees.index.len(), 3, "only the name index is left");
        }

        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.schema_version(), CURRENT_VERSION);
        assert_eq!(
            store.find::<City>("country", "KR").unwrap(),
            cities[..2].to_vec()
        );
        assert_eq!(
            store.find::<City>("country", "IT").unwrap(),
            cities[2..].to_vec()
        );
        store.check_indexes().unwrap();
        assert_eq!(
            store
                .trees
                .meta
                .get(keys::META_VERSION)
                .unwrap()
                .unwrap()
                .as_ref(),
            &CURRENT_VERSION.to_be_bytes()
        );
        assert_eq!(marker::read(dir.path()).unwrap(), Some(CURRENT_VERSION));
        drop(store);

        // Running again finds nothing to do.
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.schema_version(), CURRENT_VERSION);
        store.check_indexes().unwrap();
    }

    #[test]
    fn version_2_practices_move_their_theme_into_themes() {
        use icp_domain::BestPractice;
        let dir = tempfile::tempdir().unwrap();
        let practice: BestPractice = serde_json::from_value(serde_json::json!({
            "id": Id::from_parts(7, 7).to_string(),
            "title": "Repair cafés",
            "themes": ["circular_economy"],
        }))
        .unwrap();
        let blank: BestPractice = serde_json::from_value(serde_json::json!({
            "id": Id::from_parts(8, 8).to_string(),
            "title": "No theme yet",
        }))
        .unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            store.save(&practice).unwrap();
            store.save(&blank).unwrap();
        }
        // What version 2 wrote: `theme`, a key or null, stamped like any field.
        {
            let db = raw_open(dir.path());
            let trees = Trees::open(&db).unwrap();
            for (id, theme) in [
                (practice.id, serde_json::json!("circular_economy")),
                (blank.id, serde_json::Value::Null),
            ] {
                let key = keys::record_key("best_practice", id);
                let mut stored =
                    crate::stored::Stored::decode(&trees.records.get(&key).unwrap().unwrap())
                        .unwrap();
                stored.fields.remove("themes");
                let stamp = stored.stamps.remove("themes").unwrap();
                stored.set("theme", theme, stamp);
                trees.records.insert(key, stored.encode()).unwrap();
            }
            trees
                .meta
                .insert(keys::META_VERSION, &2u32.to_be_bytes())
                .unwrap();
            db.flush().unwrap();
            marker::write(dir.path(), 2).unwrap();
        }

        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.schema_version(), CURRENT_VERSION);
        assert_eq!(
            store.get::<BestPractice>(practice.id).unwrap(),
            Some(practice.clone())
        );
        assert_eq!(
            store.get::<BestPractice>(blank.id).unwrap().unwrap().themes,
            Vec::<String>::new()
        );
        assert_eq!(
            store
                .find::<BestPractice>("theme", "circular_economy")
                .unwrap(),
            [practice]
        );
        store.check_indexes().unwrap();
    }

    #[test]
    fn version_3_history_moves_into_chunks() {
        let dir = tempfile::tempdir().unwrap();
        let p = Programme::icp_agir();
        let (mut city, before) = {
            let store = Store::open(dir.path()).unwrap();
            let mut city = CityInput {
                name: "Gwangju".into(),
                country: "KR".into(),
                time_zone: "Asia/Seoul".into(),
                ..Default::default()
            }
            .validate(&p, store.new_id())
            .unwrap();
            store.save(&city).unwrap();
            // More edits than one chunk holds, so the history spans several.
            for n in 0..(OPS_A_CHUNK + 10) {
                city.name = format!("Gwangju {n}");
                store.save(&city).unwrap();
            }
            let before = store.history("city", city.id).unwrap();
            (city, before)
        };
        // What version 3 wrote: one key an operation, record key then log key.
        {
            let db = raw_open(dir.path());
            let trees = Trees::open(&db).unwrap();
            let record = keys::record_key("city", city.id);
            trees.history.clear().unwrap();
            for op in &before {
                let mut k = record.clone();
                k.extend_from_slice(&keys::log_key(op.hlc, op.device));
                trees.history.insert(k, Vec::new()).unwrap();
            }
            trees
                .meta
                .insert(keys::META_VERSION, &3u32.to_be_bytes())
                .unwrap();
            db.flush().unwrap();
            marker::write(dir.path(), 3).unwrap();
        }

        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.schema_version(), CURRENT_VERSION);
        assert_eq!(store.history("city", city.id).unwrap(), before);
        assert_eq!(
            store.trees.history.len(),
            before.len().div_ceil(OPS_A_CHUNK),
            "the operations fill whole chunks"
        );
        let last = before.last().unwrap();
        assert_eq!(
            store.latest_stamp("city", city.id).unwrap(),
            Some(crate::Stamp {
                hlc: last.hlc,
                device: last.device
            })
        );
        // Saving after the move appends to the history as it now is.
        city.name = "Gwangju".into();
        store.save(&city).unwrap();
        assert_eq!(
            store.history("city", city.id).unwrap().len(),
            before.len() + 1
        );
    }

    #[test]
    fn check_indexes_sees_a_missing_entry() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let city = CityInput {
            name: "Seoul".into(),
            country: "KR".into(),
            time_zone: "Asia/Seoul".into(),
            ..Default::default()
        }
        .validate(&Programme::icp_agir(), store.new_id())
        .unwrap();
        store.save(&city).unwrap();
        let key = keys::index_key("city", "country", "KR", city.id);
        store.trees.index.remove(&key).unwrap();
        let err = store.check_indexes().unwrap_err();
        assert_eq!(err.code(), "index_mismatch");
        assert!(err.to_string().contains("missing"), "{err}");
        store.trees.index.insert(&key, Vec::new()).unwrap();
        store
            .trees
            .index
            .insert(
                keys::index_key("city", "country", "XX", city.id),
                Vec::new(),
            )
            .unwrap();
        let err = store.check_indexes().unwrap_err();
        assert!(err.to_string().contains("stale"), "{err}");
    }
}
