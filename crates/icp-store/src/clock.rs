use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// A hybrid logical clock reading: wall-clock milliseconds plus a counter that breaks ties and
/// keeps the order when the wall clock stalls or goes back. Field order makes the derived `Ord`
/// the clock order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Hlc {
    pub physical_ms: u64,
    pub logical: u32,
}

impl Hlc {
    pub const LEN: usize = 12;

    /// Big-endian, so that byte order is clock order in the log's keys.
    pub fn to_bytes(self) -> [u8; Self::LEN] {
        let mut b = [0u8; Self::LEN];
        b[..8].copy_from_slice(&self.physical_ms.to_be_bytes());
        b[8..].copy_from_slice(&self.logical.to_be_bytes());
        b
    }

    pub fn from_bytes(b: &[u8]) -> Option<Hlc> {
        if b.len() != Self::LEN {
            return None;
        }
        let mut ms = [0u8; 8];
        ms.copy_from_slice(&b[..8]);
        let mut n = [0u8; 4];
        n.copy_from_slice(&b[8..]);
        Some(Hlc {
            physical_ms: u64::from_be_bytes(ms),
            logical: u32::from_be_bytes(n),
        })
    }

    /// The next reading after `self` given the wall clock `now_ms`: never earlier than either.
    pub fn next(self, now_ms: u64) -> Hlc {
        if now_ms > self.physical_ms {
            Hlc {
                physical_ms: now_ms,
                logical: 0,
            }
        } else {
            match self.logical.checked_add(1) {
                Some(logical) => Hlc {
                    physical_ms: self.physical_ms,
                    logical,
                },
                // 4 billion ticks in one millisecond cannot come from people; borrow the next ms.
                None => Hlc {
                    physical_ms: self.physical_ms + 1,
                    logical: 0,
                },
            }
        }
    }
}

pub(crate) fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_goes_back() {
        let a = Hlc {
            physical_ms: 1_000,
            logical: 5,
        };
        assert_eq!(
            a.next(2_000),
            Hlc {
                physical_ms: 2_000,
                logical: 0
            }
        );
        assert_eq!(
            a.next(500),
            Hlc {
                physical_ms: 1_000,
                logical: 6
            }
        );
        let full = Hlc {
            physical_ms: 7,
            logical: u32::MAX,
        };
        assert!(full.next(0) > full);
        assert!(a.to_bytes() < a.next(0).to_bytes());
        assert_eq!(Hlc::from_bytes(&a.to_bytes()), Some(a));
    }
}
