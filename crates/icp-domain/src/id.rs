use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

use crate::DomainError;

/// A record's id: a ULID, so ids sort by creation time and their big-endian bytes scan in order.
/// It crosses IPC as its 26-character text and is checked on the way in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(type = "string")]
pub struct Id(u128);

impl Id {
    /// Builds an id from the 48-bit millisecond time and 80 random bits that make a ULID.
    pub fn from_parts(millis: u64, random: u128) -> Id {
        Id(ulid::Ulid::from_parts(millis, random).0)
    }

    pub const fn from_bytes(bytes: [u8; 16]) -> Id {
        Id(u128::from_be_bytes(bytes))
    }

    /// Big-endian, so that byte order is time order.
    pub fn to_bytes(self) -> [u8; 16] {
        self.0.to_be_bytes()
    }

    /// The millisecond the id was made in.
    pub fn millis(self) -> u64 {
        ulid::Ulid(self.0).timestamp_ms()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(ulid::Ulid(self.0).array_to_str(&mut [0; ulid::ULID_LEN]))
    }
}

impl FromStr for Id {
    type Err = DomainError;

    fn from_str(s: &str) -> Result<Id, DomainError> {
        ulid::Ulid::from_string(s.trim())
            .map(|u| Id(u.0))
            .map_err(|_| DomainError::InvalidId {
                value: s.to_string(),
            })
    }
}

// Written and read without an allocation or the formatting machinery: every operation in an
// exchange file or the log carries an id, and 100,000 of them are read at a time.
impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(ulid::Ulid(self.0).array_to_str(&mut [0; ulid::ULID_LEN]))
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Id, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id (26 characters)")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Id, E> {
                s.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trip_and_order() {
        let a = Id::from_parts(1_000, 7);
        let b = Id::from_parts(2_000, 1);
        assert!(a.to_bytes() < b.to_bytes());
        assert_eq!(a.to_string().parse::<Id>().unwrap(), a);
        assert_eq!(Id::from_bytes(b.to_bytes()), b);
        assert_eq!(b.millis(), 2_000);
    }

    #[test]
    fn rejects_garbage() {
        let err = "not-an-id".parse::<Id>().unwrap_err();
        assert_eq!(err.code(), "invalid_id");
    }
}
