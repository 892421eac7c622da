//! JSON Lines backups: a header line, then every op in clock order. An import checks the whole
//! file before it writes anything, and writes it in one transaction, so a bad or cut-off file
//! leaves the store as it was.

use std::collections::BTreeMap;
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};

use icp_domain::Id;
use serde::{Deserialize, Serialize};

use crate::clock::now_ms;
use crate::migrate::CURRENT_VERSION;
use crate::trees::Plan;
use crate::write::encode_stamp;
use crate::{keys, Change, DeviceId, Op, Store, StoreError};

pub const BACKUP_FORMAT: &str = "icp-desk-backup";
/// No op of a person's records comes near this; a longer line is not a backup of ours.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;
/// An import is checked in memory before it is written, so its size is bounded.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Where backups of the data folder `data_dir` are kept: a `backups` folder beside it, so that
/// losing or replacing the data folder leaves them.
pub fn backup_dir(data_dir: &Path) -> PathBuf {
    match data_dir.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.join("backups"),
        _ => data_dir.join("backups"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupSummary {
    /// Ops written or read.
    pub operations: u64,
    /// Live records in the store afterwards (export: at the time of export).
    pub records: u64,
}

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: String,
    /// What the operations mean: [`crate::RECORDS_VERSION`] of the desk that wrote them.
    schema_version: u32,
    device: DeviceId,
    exported_at_ms: u64,
}

/// One record's operations as the import reads them.
#[derive(Default)]
struct Replayed {
    /// Positions in the file's list of operations.
    ops: Vec<usize>,
    /// The last line that touched it: where to point when the record turns out invalid.
    line: u64,
}

impl Store {
    pub fn export_backup(&self, w: &mut dyn Write) -> Result<BackupSummary, StoreError> {
        // Holding the writer gives a consistent copy: no change lands half-way through.
        let _writer = self.lock_writer();
        let header = Header {
            format: BACKUP_FORMAT.into(),
            schema_version: crate::RECORDS_VERSION,
            device: self.device,
            exported_at_ms: now_ms(),
        };
        write_json_line(w, &header)?;
        let mut operations = 0;
        for item in self.trees.log.iter() {
            let (_, v) = item.map_err(|e| self.sled(e))?;
            write_json_line(w, &self.decode_op(&v)?)?;
            operations += 1;
        }
        w.flush()?;
        Ok(BackupSummary {
            operations,
            records: self.trees.records.len() as u64,
        })
    }

    /// Restores a backup into a store that has never held data.
    pub fn import_backup(&self, r: &mut dyn BufRead) -> Result<BackupSummary, StoreError> {
        let mut clock = self.lock_writer();
        if !self.trees.log.is_empty() || !self.trees.records.is_empty() {
            return Err(StoreError::NotEmpty);
        }
        let invalid = |line: u64, reason: String| StoreError::BackupInvalid { line, reason };

        let mut replay: BTreeMap<(String, Id), Replayed> = BTreeMap::new();
        let mut ops: Vec<Op> = Vec::new();
        let mut line_no = 0u64;
        let mut total = 0u64;
        let mut seen_header = false;
        let mut written_at_version = CURRENT_VERSION;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            let n = (&mut *r)
                .take(MAX_LINE_BYTES as u64 + 1)
                .read_until(b'\n', &mut buf)?;
            if n == 0 {
                break;
            }
            line_no += 1;
            total += n as u64;
            if total > MAX_FILE_BYTES {
                return Err(invalid(
                    line_no,
                    format!("the file is larger than {} MiB", MAX_FILE_BYTES >> 20),
                ));
            }
            if buf.last() == Some(&b'\n') {
                buf.pop();
            }
            if buf.len() > MAX_LINE_BYTES {
                return Err(invalid(
                    line_no,
                    format!("the line is longer than {} MiB", MAX_LINE_BYTES >> 20),
                ));
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if !seen_header {
                let header: Header = serde_json::from_slice(&buf).map_err(|e| {
                    invalid(
                        line_no,
                        format!("this is not an ICP Desk backup header: {e}"),
                    )
                })?;
                if header.format != BACKUP_FORMAT {
                    return Err(invalid(
                        line_no,
                        format!("unknown format \"{}\"", header.format),
                    ));
                }
                if header.schema_version > CURRENT_VERSION {
                    return Err(invalid(
                        line_no,
                        format!(
                            "the backup was written by a newer ICP Desk (data version {}; this one reads up to {}); restore it with that version",
                            header.schema_version, CURRENT_VERSION
                        ),
                    ));
                }
                written_at_version = header.schema_version;
                seen_header = true;
                continue;
            }
            let op: Op = serde_json::from_slice(&buf)
                .map_err(|e| invalid(line_no, format!("not an operation: {e}")))?;
            if !self.schema.knows(&op.collection) {
                return Err(invalid(
                    line_no,
                    format!("unknown kind of record \"{}\"", op.collection),
                ));
            }
            if let Some(prev) = ops.last() {
                if op.stamp() <= prev.stamp() {
                    return Err(invalid(
                        line_no,
                        "the operations are not in clock order".into(),
                    ));
                }
            }
            let entry = replay.entry((op.collection.clone(), op.id)).or_default();
            entry.line = line_no;
            if matches!(&op.change, Change::Set { field, .. } if field == "id") {
                return Err(invalid(line_no, "an operation sets the id field".into()));
            }
            entry.ops.push(ops.len());
            ops.push(op);
        }
        if !seen_header {
            return Err(invalid(line_no.max(1), "the file is empty".into()));
        }

        let mut plan = Plan::default();
        let mut bad: Option<StoreError> = None;
        let mut records = 0u64;
        for ((collection, id), entry) in &replay {
            let key = keys::record_key(collection, *id);
            // The same rule as a merge: the record as its operations make it.
            let made = crate::merge::materialise(entry.ops.iter().map(|&i| &ops[i]));
            let Some(stored) = &made.stored else {
                if let Some(stamp) = &made.tombstone {
                    plan.tombstones
                        .push((key.clone(), Some(encode_stamp(stamp))));
                }
                continue;
            };
            match self.schema.terms(collection, &stored.to_record_json(*id)) {
                Ok(terms) => {
                    for (index, term) in terms {
                        plan.index.push((
                            keys::index_key(collection, &index, &term, *id),
                            Some(Vec::new()),
                        ));
                    }
                }
                Err(e) => {
                    let err = invalid(
                        entry.line,
                        format!("the {collection} record {id} is not valid: {e}"),
                    );
                    if !matches!(&bad, Some(StoreError::BackupInvalid { line, .. }) if *line <= entry.line)
                    {
                        bad = Some(err);
                    }
                }
            }
            plan.records.push((key, Some(stored.encode())));
            records += 1;
        }
        if let Some(e) = bad {
            return Err(e);
        }
        let operations = ops.len() as u64;
        if let Some(last) = ops.last() {
            // Imported ops keep their stamps; local ones must come after every one of them.
            *clock = (*clock).max(last.hlc);
            plan.meta
                .push((keys::META_HLC.to_vec(), Some(clock.to_bytes().to_vec())));
        }
        for op in ops {
            self.push_op(&mut plan, op);
        }
        self.commit(&mut plan)?;
        // A backup from an older ICP Desk holds records in that version's shape: the same
        // migrations that bring an old data folder up to date bring them up to date. Each one
        // reads what is there and is harmless on records already in the new shape.
        if written_at_version < crate::RECORDS_VERSION {
            crate::migrate::run(
                &self.db,
                &self.trees,
                &self.schema,
                written_at_version.max(1),
            )
            .map_err(|e| {
                self.corrupt(format!(
                    "the backup's records cannot be brought up to date: {e}"
                ))
            })?;
        }
        Ok(BackupSummary {
            operations,
            records,
        })
    }
}

fn write_json_line<T: Serialize>(w: &mut dyn Write, value: &T) -> Result<(), StoreError> {
    serde_json::to_writer(&mut *w, value).map_err(StoreError::io)?;
    w.write_all(b"\n")?;
    Ok(())
}
