//! Exchange files: the operations one device sends another, as one gzip-compressed JSON Lines
//! file. The first line says who sent it (device and person), when, what the sender had then
//! (its version vector: for each device, the latest clock reading it holds from it), how many
//! operations follow and their SHA-256. An import checks all of that, and sizes, before
//! merging anything.
//!
//! What the sender had is kept: the next export *to* that device leaves out what it already
//! has.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::MergeSummary;
use crate::clock::now_ms;
use crate::migrate::CURRENT_VERSION;
use crate::store::relock;
use crate::{keys, DeviceId, Hlc, Op, Store, StoreError};

pub const EXCHANGE_FORMAT: &str = "icp-desk-exchange";
/// The layout of the file itself; a file of a later layout is refused by name.
pub const EXCHANGE_LAYOUT: u32 = 1;
/// Largest file accepted, compressed, and the most it may unpack to.
pub const MAX_EXCHANGE_BYTES: u64 = 256 * 1024 * 1024;
pub const MAX_UNPACKED_BYTES: u64 = 1024 * 1024 * 1024;
/// No operation of a person's records comes near this.
const MAX_LINE_BYTES: usize = 4 * 1024 * 1024;

/// For each device, the latest clock reading of its operations a store holds. Each device
/// writes in clock order, so this says exactly which operations a store has.
pub type VersionVector = BTreeMap<DeviceId, Hlc>;

/// Notes that `vector` has `device`'s operations up to `hlc` (it keeps the newer of the two).
pub fn keep_newest(vector: &mut VersionVector, device: DeviceId, hlc: Hlc) {
    let newest = vector.entry(device).or_insert(hlc);
    *newest = (*newest).max(hlc);
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExchangeHeader {
    pub format: String,
    pub layout: u32,
    /// What the operations mean: [`crate::RECORDS_VERSION`] of the desk that wrote them.
    pub schema_version: u32,
    pub device: DeviceId,
    /// Who sent it, as the sender's desk names its person.
    pub person: String,
    pub created_at_ms: u64,
    /// What the sender held when it wrote the file.
    pub has: VersionVector,
    pub operations: u64,
    /// SHA-256 of the operation lines, newlines included, in hexadecimal.
    pub sha256: String,
}

/// What an import did: who sent the file, and what merging it changed.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeReport {
    pub from_device: DeviceId,
    pub from_person: String,
    pub merge: MergeSummary,
}

impl Store {
    /// What `peer` said it had in its last exchange file; empty if it never sent one.
    pub fn peer_has(&self, peer: DeviceId) -> Result<VersionVector, StoreError> {
        let key = peer_key(peer);
        match self.trees.meta.get(key).map_err(|e| self.sled(e))? {
            Some(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| self.corrupt(format!("what a peer has cannot be read: {e}"))),
            None => Ok(VersionVector::new()),
        }
    }

    /// Writes an exchange file of the operations `has` lacks (every operation when it is
    /// empty); returns how many.
    pub fn export_exchange(
        &self,
        w: &mut dyn Write,
        has: &VersionVector,
        person: &str,
    ) -> Result<u64, StoreError> {
        // Holding the writer keeps the file and the vector it announces in step.
        let _writer = self.lock_writer();
        let mine = self.log_vector()?;
        let mut body: Vec<u8> = Vec::new();
        let mut count = 0u64;
        let scan = match lacking_from(&mine, has) {
            None => None,
            Some(Some(hlc)) => Some(
                self.trees
                    .log
                    .range(keys::log_key(hlc, DeviceId([0xff; 16])).to_vec()..),
            ),
            Some(None) => Some(self.trees.log.range::<Vec<u8>, _>(..)),
        };
        for item in scan.into_iter().flatten() {
            let (k, v) = item.map_err(|e| self.sled(e))?;
            let (hlc, device) = keys::stamp_of_log_key(&k)
                .ok_or_else(|| self.corrupt("a log key cannot be read"))?;
            if has.get(&device).is_some_and(|h| hlc <= *h) {
                continue;
            }
            let op = self.decode_op(&v)?;
            serde_json::to_writer(&mut body, &op).map_err(StoreError::io)?;
            body.push(b'\n');
            count += 1;
        }
        let header = ExchangeHeader {
            format: EXCHANGE_FORMAT.into(),
            layout: EXCHANGE_LAYOUT,
            schema_version: crate::RECORDS_VERSION,
            device: self.device,
            person: person.to_string(),
            created_at_ms: now_ms(),
            has: mine,
            operations: count,
            sha256: hex(&Sha256::digest(&body)),
        };
        let mut gz = GzEncoder::new(w, flate2::Compression::default());
        serde_json::to_writer(&mut gz, &header).map_err(StoreError::io)?;
        gz.write_all(b"\n")?;
        gz.write_all(&body)?;
        gz.finish()?.flush()?;
        Ok(count)
    }

    /// Reads an exchange file, checks it whole, then merges it. A refused file changes
    /// nothing; importing one twice changes nothing the second time.
    pub fn import_exchange(&self, r: &mut dyn Read) -> Result<ExchangeReport, StoreError> {
        let refuse = |reason: String| StoreError::ExchangeRefused { reason };
        let mut unpacked = BufReader::new(
            GzDecoder::new(r.take(MAX_EXCHANGE_BYTES + 1)).take(MAX_UNPACKED_BYTES + 1),
        );
        let mut line = Vec::new();
        let read_line = |from: &mut dyn BufRead, into: &mut Vec<u8>| -> Result<usize, StoreError> {
            into.clear();
            let n = from
                .take(MAX_LINE_BYTES as u64 + 1)
                .read_until(b'\n', into)
                .map_err(|e| refuse(format!("it is not a complete exchange file ({e})")))?;
            if into.len() > MAX_LINE_BYTES {
                return Err(refuse("one of its lines is far too long".into()));
            }
            Ok(n)
        };
        if read_line(&mut unpacked, &mut line)? == 0 {
            return Err(refuse("it is empty".into()));
        }
        let header: ExchangeHeader = serde_json::from_slice(&line)
            .map_err(|_| refuse("it is not an ICP Desk exchange file".into()))?;
        if header.format != EXCHANGE_FORMAT {
            return Err(refuse("it is not an ICP Desk exchange file".into()));
        }
        if header.layout > EXCHANGE_LAYOUT || header.schema_version > CURRENT_VERSION {
            return Err(refuse(
                "it was written by a newer version of ICP Desk; update this one first".into(),
            ));
        }
        let mut digest = Sha256::new();
        let mut ops: Vec<Op> = Vec::new();
        let mut total = 0u64;
        loop {
            let n = read_line(&mut unpacked, &mut line)?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > MAX_UNPACKED_BYTES {
                return Err(refuse(format!(
                    "it unpacks to more than {} MiB",
                    MAX_UNPACKED_BYTES >> 20
                )));
            }
            digest.update(&line);
            let text = line.strip_suffix(b"\n").unwrap_or(&line);
            let op: Op = serde_json::from_slice(text)
                .map_err(|_| refuse(format!("operation {} cannot be read", ops.len() + 1)))?;
            ops.push(op);
        }
        if ops.len() as u64 != header.operations {
            return Err(refuse(format!(
                "it announces {} operations but holds {}: it was cut short or altered",
                header.operations,
                ops.len()
            )));
        }
        if hex(&digest.finalize()) != header.sha256 {
            return Err(refuse(
                "its checksum does not match: it was damaged or altered".into(),
            ));
        }
        let merge = self.merge(ops).map_err(|e| match e {
            StoreError::Encoding { collection, detail } => refuse(format!(
                "a {collection} record in it cannot be read ({detail})"
            )),
            StoreError::UnknownCollection { collection } => refuse(format!(
                "it holds records of a kind this ICP Desk does not know (\"{collection}\"); \
                 it may come from a newer version"
            )),
            other => other,
        })?;
        // Only once merged: the next export to that device leaves out what it has.
        let mut had = self.peer_has(header.device)?;
        for (device, hlc) in &header.has {
            keep_newest(&mut had, *device, *hlc);
        }
        self.trees
            .meta
            .insert(
                peer_key(header.device),
                serde_json::to_vec(&had).map_err(StoreError::io)?,
            )
            .map_err(|e| self.sled(e))?;
        if !header.person.trim().is_empty() {
            let mut k = keys::META_PERSON_PREFIX.to_vec();
            k.extend_from_slice(&header.device.0);
            self.trees
                .meta
                .insert(k, header.person.as_bytes())
                .map_err(|e| self.sled(e))?;
        }
        self.db.flush().map_err(|e| self.sled(e))?;
        Ok(ExchangeReport {
            from_device: header.device,
            from_person: header.person,
            merge,
        })
    }
}

/// The first line of an exchange file, without reading the rest: what a sync folder's files
/// say their senders had.
pub fn read_exchange_header(r: &mut dyn Read) -> Result<ExchangeHeader, StoreError> {
    let refuse = |reason: &str| StoreError::ExchangeRefused {
        reason: reason.to_string(),
    };
    let mut line = Vec::new();
    BufReader::new(GzDecoder::new(r.take(MAX_EXCHANGE_BYTES)))
        .take(MAX_LINE_BYTES as u64)
        .read_until(b'\n', &mut line)
        .map_err(|_| refuse("it is not a complete exchange file"))?;
    let header: ExchangeHeader =
        serde_json::from_slice(&line).map_err(|_| refuse("it is not an ICP Desk exchange file"))?;
    if header.format != EXCHANGE_FORMAT {
        return Err(refuse("it is not an ICP Desk exchange file"));
    }
    Ok(header)
}

impl Store {
    /// The newest operation of each device in the log (`Store::log_vector`'s cache, filled by
    /// one reading of the log the first time).
    fn log_vector(&self) -> Result<VersionVector, StoreError> {
        let mut cached = relock(&self.log_vector);
        if let Some(v) = cached.as_ref() {
            return Ok(v.clone());
        }
        let mut vector = VersionVector::new();
        for k in self.trees.log.iter().keys() {
            let k = k.map_err(|e| self.sled(e))?;
            let (hlc, device) = keys::stamp_of_log_key(&k)
                .ok_or_else(|| self.corrupt("a log key cannot be read"))?;
            keep_newest(&mut vector, device, hlc);
        }
        *cached = Some(vector.clone());
        Ok(vector)
    }

    /// Whether this store has operations `has` lacks: whether an export to it would carry any.
    pub fn lacks_anything(&self, has: &VersionVector) -> Result<bool, StoreError> {
        Ok(lacking_from(&self.log_vector()?, has).is_some())
    }

    /// Whether the sync folder's file `name` was merged here already.
    pub fn is_synced(&self, name: &str) -> Result<bool, StoreError> {
        self.trees
            .meta
            .contains_key(synced_key(name))
            .map_err(|e| self.sled(e))
    }

    /// Notes that the sync folder's file `name` is merged.
    pub fn mark_synced(&self, name: &str) -> Result<(), StoreError> {
        self.trees
            .meta
            .insert(synced_key(name), Vec::new())
            .map_err(|e| self.sled(e))?;
        self.db.flush().map_err(|e| self.sled(e))?;
        Ok(())
    }

    /// The person each other device's exchange files named, by device.
    pub fn people_of_devices(&self) -> Result<BTreeMap<DeviceId, String>, StoreError> {
        let mut out = BTreeMap::new();
        for item in self.trees.meta.scan_prefix(keys::META_PERSON_PREFIX) {
            let (k, v) = item.map_err(|e| self.sled(e))?;
            let Ok(device) = <[u8; 16]>::try_from(&k[keys::META_PERSON_PREFIX.len()..]) else {
                continue;
            };
            out.insert(DeviceId(device), String::from_utf8_lossy(&v).into_owned());
        }
        Ok(out)
    }
}

/// Where in the log what `has` lacks begins: None when it lacks nothing, Some(None) at the
/// start (it has nothing of some device here), else after the oldest of what it has of the
/// devices it lacks something of. Devices it is up to date with do not count: one that stopped
/// writing long ago would otherwise make every export read the log from then.
fn lacking_from(mine: &VersionVector, has: &VersionVector) -> Option<Option<Hlc>> {
    mine.iter()
        .filter(|(d, newest)| has.get(d) < Some(newest))
        .map(|(d, _)| has.get(d).copied())
        .min()
}

fn synced_key(name: &str) -> Vec<u8> {
    [keys::META_SYNCED_PREFIX, name.as_bytes()].concat()
}

fn peer_key(peer: DeviceId) -> Vec<u8> {
    let mut k = keys::META_PEER_PREFIX.to_vec();
    k.extend_from_slice(&peer.0);
    k
}

fn hex(bytes: &[u8]) -> String {
    let mut out = vec![0; bytes.len() * 2];
    crate::op::hex_into(bytes, &mut out);
    String::from_utf8(out).unwrap_or_default()
}
