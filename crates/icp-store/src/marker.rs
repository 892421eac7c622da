//! A small file beside sled's own that repeats the schema version. sled writes to its files on
//! every open (a new segment, a snapshot), so the version in `meta` cannot be read without
//! changing the folder; this file lets a newer store be refused before sled touches anything.
//! It also tells a damaged folder from a new one: if the marker exists, a store was made here,
//! so sled coming up empty means its files were lost or damaged.
//! `meta` stays the authority; the marker is rewritten whenever the two differ.

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::corrupt;
use crate::StoreError;

pub(crate) const FILE_NAME: &str = "icp-desk-store.json";
const FORMAT: &str = "icp-desk-store";

#[derive(Serialize, Deserialize)]
struct Marker {
    format: String,
    schema_version: u32,
}

/// The version the marker states; None when there is no marker (a new folder, or a store made
/// before markers existed).
pub(crate) fn read(dir: &Path) -> Result<Option<u32>, StoreError> {
    let bytes = match std::fs::read(dir.join(FILE_NAME)) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    match serde_json::from_slice::<Marker>(&bytes) {
        Ok(m) if m.format == FORMAT => Ok(Some(m.schema_version)),
        _ => Err(corrupt(dir, format!("{FILE_NAME} cannot be read"))),
    }
}

/// Written to a temporary file and renamed, so a crash leaves the old marker or the new one.
pub(crate) fn write(dir: &Path, schema_version: u32) -> Result<(), StoreError> {
    let text = serde_json::to_vec(&Marker {
        format: FORMAT.into(),
        schema_version,
    })
    .map_err(StoreError::io)?;
    let tmp = dir.join(format!("{FILE_NAME}.tmp"));
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(&text)?;
    f.sync_all()?;
    drop(f);
    std::fs::rename(&tmp, dir.join(FILE_NAME))?;
    // The rename itself is durable only once the folder is synced.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
