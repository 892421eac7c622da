use std::fmt;
use std::str::FromStr;

use icp_domain::Id;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Hlc;

/// The device that made a change: random, created when a store is first opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeviceId(pub [u8; 16]);

impl DeviceId {
    pub(crate) fn random() -> DeviceId {
        DeviceId(rand::random())
    }
}

impl DeviceId {
    /// The 32 hexadecimal digits, without the formatting machinery: every operation written or
    /// read carries its device.
    fn to_hex(self) -> [u8; 32] {
        let mut out = [0u8; 32];
        hex_into(&self.0, &mut out);
        out
    }
}

/// Lower-case hexadecimal digits of `bytes` into `out`, two a byte.
pub(crate) fn hex_into(bytes: &[u8], out: &mut [u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for (pair, b) in out.chunks_exact_mut(2).zip(bytes) {
        pair[0] = DIGITS[usize::from(b >> 4)];
        pair[1] = DIGITS[usize::from(b & 0x0f)];
    }
}

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(std::str::from_utf8(&self.to_hex()).map_err(|_| fmt::Error)?)
    }
}

impl FromStr for DeviceId {
    type Err = String;

    fn from_str(s: &str) -> Result<DeviceId, String> {
        let bad = || format!("\"{s}\" is not a device id (32 hexadecimal digits)");
        if s.len() != 32 || !s.is_ascii() {
            return Err(bad());
        }
        let mut out = [0u8; 16];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
        }
        Ok(DeviceId(out))
    }
}

impl Serialize for DeviceId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let hex = self.to_hex();
        s.serialize_str(std::str::from_utf8(&hex).map_err(serde::ser::Error::custom)?)
    }
}

impl<'de> Deserialize<'de> for DeviceId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<DeviceId, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = DeviceId;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a device id (32 hexadecimal digits)")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<DeviceId, E> {
                s.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(Text)
    }
}

/// Who wrote a value and when: the order in which concurrent writes of one field are settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Stamp {
    pub hlc: Hlc,
    pub device: DeviceId,
}

/// As text, for records of other crates that keep a stamp (a plan's issued version):
/// `0000018f2c3b4a5d.00000000.<device>`, clock in fixed-width hexadecimal so that text order is
/// clock order.
impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:016x}.{:08x}.{}",
            self.hlc.physical_ms, self.hlc.logical, self.device
        )
    }
}

impl FromStr for Stamp {
    type Err = String;

    fn from_str(s: &str) -> Result<Stamp, String> {
        let bad = || format!("\"{s}\" is not a change stamp");
        let mut parts = s.split('.');
        let (Some(ms), Some(logical), Some(device), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        Ok(Stamp {
            hlc: Hlc {
                physical_ms: u64::from_str_radix(ms, 16).map_err(|_| bad())?,
                logical: u32::from_str_radix(logical, 16).map_err(|_| bad())?,
            },
            device: device.parse()?,
        })
    }
}

/// One field-level change to one record; the unit of history, backup and exchange.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Op {
    pub hlc: Hlc,
    pub device: DeviceId,
    pub collection: String,
    pub id: Id,
    pub change: Change,
    /// For a set: the stamps of the values the field held on its device when it was written,
    /// the values this one replaces (several while a conflict stood). Empty in operations
    /// written before devices exchanged them; see `merge::materialise`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seen: Vec<Stamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    Set {
        field: String,
        value: serde_json::Value,
    },
    /// A tombstone: the record is gone from reads, its history stays.
    Delete,
}

impl Op {
    pub fn stamp(&self) -> Stamp {
        Stamp {
            hlc: self.hlc,
            device: self.device,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_text_round_trip() {
        let d = DeviceId::random();
        assert_eq!(d.to_string().parse::<DeviceId>(), Ok(d));
        assert!("zz".parse::<DeviceId>().is_err());
        assert!("é".repeat(16).parse::<DeviceId>().is_err());
    }

    #[test]
    fn stamp_text_round_trip_keeps_clock_order() {
        let a = Stamp {
            hlc: Hlc {
                physical_ms: 9,
                logical: 2,
            },
            device: DeviceId([7; 16]),
        };
        let b = Stamp {
            hlc: Hlc {
                physical_ms: 10,
                logical: 0,
            },
            ..a
        };
        assert_eq!(a.to_string().parse::<Stamp>(), Ok(a));
        assert!(a.to_string() < b.to_string());
        assert!("1.2".parse::<Stamp>().is_err());
    }

    #[test]
    fn op_json_round_trip() {
        let op = Op {
            hlc: Hlc {
                physical_ms: 3,
                logical: 1,
            },
            device: DeviceId([7; 16]),
            collection: "city".into(),
            id: Id::from_parts(1, 2),
            change: Change::Set {
                field: "name".into(),
                value: serde_json::json!("광주"),
            },
            seen: vec![],
        };
        let text = serde_json::to_string(&op).unwrap();
        assert!(
            !text.contains("seen"),
            "an op that replaced nothing is written as before"
        );
        let op = Op {
            seen: vec![op.stamp()],
            ..op
        };
        let text = serde_json::to_string(&op).unwrap();
        assert_eq!(serde_json::from_str::<Op>(&text).unwrap(), op);
        let del = Op {
            change: Change::Delete,
            ..op
        };
        let text = serde_json::to_string(&del).unwrap();
        assert_eq!(serde_json::from_str::<Op>(&text).unwrap(), del);
    }
}
