//! Byte layout of every key. Strings are escaped (0x00 → 0x00 0xFF) and end in 0x00 0x01, so a
//! key decodes without ambiguity and byte order equals the order of its parts; numbers and ids
//! are big-endian for the same reason.

use icp_domain::Id;

use crate::{DeviceId, Hlc};

pub(crate) const META_VERSION: &[u8] = b"schema_version";
pub(crate) const META_DEVICE: &[u8] = b"device";
pub(crate) const META_HLC: &[u8] = b"hlc";
/// `peer/<device>`: what that device said it had, in its last exchange file.
pub(crate) const META_PEER_PREFIX: &[u8] = b"peer/";
/// `person/<device>`: the person that device's exchange files name.
pub(crate) const META_PERSON_PREFIX: &[u8] = b"person/";
/// `synced/<name>`: a file of the sync folder merged already.
pub(crate) const META_SYNCED_PREFIX: &[u8] = b"synced/";
/// The log keys a large change wrote ahead of its transaction (`log_ahead.rs`).
pub(crate) const META_LOG_AHEAD: &[u8] = b"log_ahead";
/// `local/<name>`: a setting of this desktop alone (`local.rs`).
pub(crate) const META_LOCAL_PREFIX: &[u8] = b"local/";

pub(crate) const LOG_KEY_LEN: usize = Hlc::LEN + 16;

fn push_str(buf: &mut Vec<u8>, s: &str) {
    for b in s.bytes() {
        if b == 0 {
            buf.extend_from_slice(&[0x00, 0xFF]);
        } else {
            buf.push(b);
        }
    }
    buf.extend_from_slice(&[0x00, 0x01]);
}

/// Reads one escaped string off the front of `b`; None if `b` is not in that layout.
fn take_str(b: &[u8]) -> Option<(String, &[u8])> {
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        match *b.get(i)? {
            0x00 => match *b.get(i + 1)? {
                0xFF => out.push(0),
                0x01 => return Some((String::from_utf8(out).ok()?, &b[i + 2..])),
                _ => return None,
            },
            other => {
                out.push(other);
                i += 1;
                continue;
            }
        }
        i += 2;
    }
}

fn take_id(b: &[u8]) -> Option<Id> {
    let bytes: [u8; 16] = b.try_into().ok()?;
    Some(Id::from_bytes(bytes))
}

pub(crate) fn collection_prefix(collection: &str) -> Vec<u8> {
    let mut k = Vec::with_capacity(collection.len() + 2 + 16);
    push_str(&mut k, collection);
    k
}

pub(crate) fn record_key(collection: &str, id: Id) -> Vec<u8> {
    let mut k = collection_prefix(collection);
    k.extend_from_slice(&id.to_bytes());
    k
}

pub(crate) fn parse_record_key(k: &[u8]) -> Option<(String, Id)> {
    let (collection, rest) = take_str(k)?;
    Some((collection, take_id(rest)?))
}

pub(crate) fn index_term_prefix(collection: &str, index: &str, term: &str) -> Vec<u8> {
    let mut k = collection_prefix(collection);
    push_str(&mut k, index);
    push_str(&mut k, term);
    k
}

pub(crate) fn index_key(collection: &str, index: &str, term: &str, id: Id) -> Vec<u8> {
    let mut k = index_term_prefix(collection, index, term);
    k.extend_from_slice(&id.to_bytes());
    k
}

pub(crate) struct IndexKey {
    pub collection: String,
    pub index: String,
    pub term: String,
    pub id: Id,
}

pub(crate) fn parse_index_key(k: &[u8]) -> Option<IndexKey> {
    let (collection, rest) = take_str(k)?;
    let (index, rest) = take_str(rest)?;
    let (term, rest) = take_str(rest)?;
    Some(IndexKey {
        collection,
        index,
        term,
        id: take_id(rest)?,
    })
}

pub(crate) fn log_key(hlc: Hlc, device: DeviceId) -> [u8; LOG_KEY_LEN] {
    let mut k = [0u8; LOG_KEY_LEN];
    k[..Hlc::LEN].copy_from_slice(&hlc.to_bytes());
    k[Hlc::LEN..].copy_from_slice(&device.0);
    k
}

pub(crate) fn hlc_of_log_key(k: &[u8]) -> Option<Hlc> {
    Hlc::from_bytes(k.get(..Hlc::LEN)?)
}

pub(crate) fn stamp_of_log_key(k: &[u8]) -> Option<(Hlc, DeviceId)> {
    Some((
        hlc_of_log_key(k)?,
        DeviceId(k.get(Hlc::LEN..LOG_KEY_LEN)?.try_into().ok()?),
    ))
}

/// Where a record key ends in `k`: its escaped collection, then the 16 bytes of the id.
pub(crate) fn record_key_len(k: &[u8]) -> Option<usize> {
    let (_, rest) = take_str(k)?;
    let len = k.len() - rest.len() + 16;
    (k.len() >= len).then_some(len)
}

/// One chunk of a record's history (`history.rs`): the record key, then the chunk's number.
pub(crate) fn history_key(record_key: &[u8], chunk: u32) -> Vec<u8> {
    let mut k = Vec::with_capacity(record_key.len() + 4);
    k.extend_from_slice(record_key);
    k.extend_from_slice(&chunk.to_be_bytes());
    k
}

/// The chunk number a history key of `record_key` ends with.
pub(crate) fn chunk_of_history_key(record_key: &[u8], k: &[u8]) -> Option<u32> {
    let tail: [u8; 4] = k.strip_prefix(record_key)?.try_into().ok()?;
    Some(u32::from_be_bytes(tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_and_keep_order() {
        let words = ["", "a", "a\0", "a\0b", "ab", "b", "\0", "광주", "Łódź"];
        let mut keys: Vec<(Vec<u8>, &str)> = words
            .iter()
            .map(|w| (index_key("city", "name", w, Id::from_parts(1, 1)), *w))
            .collect();
        for (k, w) in &keys {
            let parsed = parse_index_key(k).unwrap();
            assert_eq!(
                (
                    parsed.collection.as_str(),
                    parsed.index.as_str(),
                    parsed.term.as_str()
                ),
                ("city", "name", *w)
            );
        }
        keys.sort();
        let mut by_text: Vec<&str> = words.to_vec();
        by_text.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
        assert_eq!(keys.iter().map(|(_, w)| *w).collect::<Vec<_>>(), by_text);
    }

    #[test]
    fn one_term_is_not_a_prefix_of_another() {
        let a = index_term_prefix("city", "name", "ab");
        let b = index_key("city", "name", "abc", Id::from_parts(1, 1));
        assert!(!b.starts_with(&a));
    }

    #[test]
    fn record_keys_scan_in_id_order() {
        let a = record_key("city", Id::from_parts(1, 9));
        let b = record_key("city", Id::from_parts(2, 0));
        assert!(a < b);
        assert_eq!(
            parse_record_key(&b),
            Some(("city".to_string(), Id::from_parts(2, 0)))
        );
        assert!(!record_key("cityx", Id::from_parts(0, 0)).starts_with(&collection_prefix("city")));
    }

    #[test]
    fn history_keys_give_back_their_record_and_chunk() {
        let record = record_key("best_practice", Id::from_parts(3, 4));
        let k = history_key(&record, 7);
        assert_eq!(record_key_len(&k), Some(record.len()));
        assert_eq!(chunk_of_history_key(&record, &k), Some(7));
        assert!(history_key(&record, 1) < history_key(&record, 256));
        assert_eq!(record_key_len(b"city\0\x01short"), None);
    }
}
