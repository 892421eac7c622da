//! Record ids: ULIDs that strictly increase within the process, even when several are made in
//! one millisecond or the wall clock steps back, so that creation order is id order.

use icp_domain::Id;

const RANDOM_BITS: u32 = 80;
const RANDOM_MAX: u128 = (1u128 << RANDOM_BITS) - 1;
/// Fresh random parts leave the top bit clear so that increments within one millisecond have
/// room before they overflow.
const FRESH_MASK: u128 = RANDOM_MAX >> 1;

#[derive(Default)]
pub(crate) struct IdGen {
    last_ms: u64,
    last_random: u128,
}

impl IdGen {
    pub fn next(&mut self, now_ms: u64) -> Id {
        if now_ms > self.last_ms {
            self.last_ms = now_ms;
            self.last_random = rand::random::<u128>() & FRESH_MASK;
        } else if self.last_random >= RANDOM_MAX {
            self.last_ms += 1;
            self.last_random = rand::random::<u128>() & FRESH_MASK;
        } else {
            self.last_random += 1;
        }
        Id::from_parts(self.last_ms, self.last_random)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strictly_increasing_even_when_time_stalls_or_steps_back() {
        let mut g = IdGen::default();
        let mut last = g.next(1_000);
        for now in [1_000, 1_000, 999, 5, 1_001, 1_001] {
            let id = g.next(now);
            assert!(id > last, "{id} after {last}");
            last = id;
        }
        g.last_random = RANDOM_MAX;
        assert!(g.next(0) > last);
    }
}
