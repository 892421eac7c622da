//! Settings of this desktop alone, such as where its sync folder is. They live in the store so
//! that they survive a restart, but no exchange file or backup carries them: another desktop's
//! folders mean nothing here.

use crate::{keys, Store, StoreError};

impl Store {
    /// The value of this desktop's setting `name`, if it was ever set.
    pub fn local_setting(&self, name: &str) -> Result<Option<String>, StoreError> {
        let value = self
            .trees
            .meta
            .get(local_key(name))
            .map_err(|e| self.sled(e))?;
        Ok(value.map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// Sets (or, with None, forgets) this desktop's setting `name`, on disk before returning.
    pub fn set_local_setting(&self, name: &str, value: Option<&str>) -> Result<(), StoreError> {
        let key = local_key(name);
        match value {
            Some(v) => self.trees.meta.insert(key, v.as_bytes()).map(drop),
            None => self.trees.meta.remove(key).map(drop),
        }
        .map_err(|e| self.sled(e))?;
        self.db.flush().map_err(|e| self.sled(e))?;
        Ok(())
    }
}

fn local_key(name: &str) -> Vec<u8> {
    [keys::META_LOCAL_PREFIX, name.as_bytes()].concat()
}

#[cfg(test)]
mod tests {
    use crate::Store;

    #[test]
    fn a_setting_survives_reopening_and_can_be_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            assert_eq!(store.local_setting("sync_folder").unwrap(), None);
            store
                .set_local_setting("sync_folder", Some("/mnt/shared/icp"))
                .unwrap();
        }
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(
            store.local_setting("sync_folder").unwrap().as_deref(),
            Some("/mnt/shared/icp")
        );
        store.set_local_setting("sync_folder", None).unwrap();
        assert_eq!(store.local_setting("sync_folder").unwrap(), None);
    }
}
