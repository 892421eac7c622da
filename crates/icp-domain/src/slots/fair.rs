//! Choosing one slot per meeting of a series so that the inconvenient hours are spread: the
//! fewest meetings outside working hours for the city that has the most, then the fewest
//! city-meetings outside in all, then the fewest minutes outside in all.
//!
//! Exact, by branch and bound. Two reductions keep the search small without losing the best
//! choice: slots that put the same cities outside are interchangeable but for their minutes, so
//! only the one with the fewest is kept; and a slot whose outside cities include all of another
//! slot's, with no fewer minutes, can never do better than it, so it is dropped. A greedy choice
//! improved one meeting at a time is the first bound. A search that would exceed its budget
//! stops with the best choice found and says it is not proven best. Last, each meeting takes the
//! best-ranked slot that leaves the series as fair.

use std::collections::BTreeMap;

/// What one candidate slot costs the cities: bit `i` of `outside` for city `i` outside its
/// working hours, and the minutes outside, added up over the cities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Burden {
    pub outside: u64,
    pub minutes: i64,
}

/// (most meetings outside for one city, city-meetings outside in all, minutes in all): smaller
/// is fairer, compared in that order.
pub(crate) type Unfairness = (u32, u32, i64);

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Choice {
    /// For each meeting, the index of the chosen slot among those it was offered.
    pub picks: Vec<usize>,
    pub unfairness: Unfairness,
    /// The search ran to the end: no other choice is fairer.
    pub exhaustive: bool,
}

/// Search steps allowed before settling for the best choice found (a few tens of milliseconds
/// for the programme's 28 cities).
pub(crate) const BUDGET: u64 = 200_000;

pub(crate) fn unfairness(cities: usize, meetings: &[Vec<Burden>], picks: &[usize]) -> Unfairness {
    let mut loads = vec![0u32; cities];
    let (mut total, mut minutes) = (0, 0);
    for (options, &k) in meetings.iter().zip(picks) {
        let b = options[k];
        for (c, load) in loads.iter_mut().enumerate() {
            if b.outside & (1 << c) != 0 {
                *load += 1;
                total += 1;
            }
        }
        minutes += b.minutes;
    }
    (loads.into_iter().max().unwrap_or(0), total, minutes)
}

/// The slots of one meeting worth trying, as indices into `options`, the better first: one a
/// set of outside cities (the fewest minutes, then the first offered), none that another beats
/// on every count.
fn worth_trying(options: &[Burden]) -> Vec<usize> {
    let mut by_set: BTreeMap<u64, usize> = BTreeMap::new();
    for (k, b) in options.iter().enumerate() {
        by_set
            .entry(b.outside)
            .and_modify(|kept| {
                if b.minutes < options[*kept].minutes {
                    *kept = k;
                }
            })
            .or_insert(k);
    }
    let kept: Vec<usize> = by_set.into_values().collect();
    let mut useful: Vec<usize> = kept
        .iter()
        .copied()
        .filter(|&k| {
            let b = options[k];
            !kept.iter().any(|&j| {
                let a = options[j];
                j != k && a.outside & b.outside == a.outside && a.minutes <= b.minutes
            })
        })
        .collect();
    useful.sort_by_key(|&k| (options[k].outside.count_ones(), options[k].minutes, k));
    useful
}

struct Search<'a> {
    cities: usize,
    options: &'a [Vec<Burden>],
    trying: Vec<Vec<usize>>,
    /// `forced[i][c]`: meetings from the `i`-th on in which city `c` is outside whatever slot.
    forced: Vec<Vec<u32>>,
    /// From the `i`-th meeting on, the fewest outside cities and minutes each could cost.
    least_outside: Vec<u32>,
    least_minutes: Vec<i64>,
    loads: Vec<u32>,
    current: Vec<usize>,
    best: Unfairness,
    best_picks: Vec<usize>,
    steps: u64,
    budget: u64,
    exhaustive: bool,
}

impl Search<'_> {
    fn dfs(&mut self, i: usize, most: u32, total: u32, minutes: i64) {
        if self.steps >= self.budget {
            self.exhaustive = false;
            return;
        }
        self.steps += 1;
        if i == self.options.len() {
            if (most, total, minutes) < self.best {
                self.best = (most, total, minutes);
                self.best_picks.clone_from(&self.current);
            }
            return;
        }
        // No choice for the meetings left can do better than this.
        let at_least_total = total + self.least_outside[i];
        let spread = at_least_total.div_ceil(self.cities as u32);
        let at_least_most = (0..self.cities)
            .map(|c| self.loads[c] + self.forced[i][c])
            .max()
            .unwrap_or(0)
            .max(most)
            .max(spread);
        if (
            at_least_most,
            at_least_total,
            minutes + self.least_minutes[i],
        ) >= self.best
        {
            return;
        }
        // The slots that raise the most loaded city least first: good choices are found early
        // and bound the rest.
        let mut order: Vec<(u32, usize)> = self.trying[i]
            .iter()
            .map(|&k| {
                let set = self.options[i][k].outside;
                let raised = (0..self.cities)
                    .filter(|c| set & (1 << c) != 0)
                    .map(|c| self.loads[c] + 1)
                    .max()
                    .unwrap_or(0);
                (raised.max(most), k)
            })
            .collect();
        order.sort();
        for (new_most, k) in order {
            let b = self.options[i][k];
            for c in 0..self.cities {
                if b.outside & (1 << c) != 0 {
                    self.loads[c] += 1;
                }
            }
            self.current[i] = k;
            self.dfs(
                i + 1,
                new_most,
                total + b.outside.count_ones(),
                minutes + b.minutes,
            );
            for c in 0..self.cities {
                if b.outside & (1 << c) != 0 {
                    self.loads[c] -= 1;
                }
            }
            if self.steps >= self.budget {
                return;
            }
        }
    }
}

/// A greedy start: each meeting in turn takes the slot that leaves the series fairest so far;
/// then each meeting in turn switches to any slot that makes the whole choice fairer, until
/// none does.
fn greedy(cities: usize, meetings: &[Vec<Burden>], trying: &[Vec<usize>]) -> Vec<usize> {
    let mut picks: Vec<usize> = Vec::with_capacity(meetings.len());
    for (i, ks) in trying.iter().enumerate() {
        let best = ks
            .iter()
            .copied()
            .min_by_key(|&k| {
                let mut trial = picks.clone();
                trial.push(k);
                unfairness(cities, &meetings[..=i], &trial)
            })
            .expect("every meeting has a slot");
        picks.push(best);
    }
    let mut current = unfairness(cities, meetings, &picks);
    let mut improved = true;
    while improved {
        improved = false;
        for (i, ks) in trying.iter().enumerate() {
            for &k in ks {
                let was = std::mem::replace(&mut picks[i], k);
                let u = unfairness(cities, meetings, &picks);
                if u < current {
                    current = u;
                    improved = true;
                } else {
                    picks[i] = was;
                }
            }
        }
    }
    picks
}

/// The fairest choice of one slot per meeting (`meetings[i]`: the slots offered for meeting
/// `i`, none empty) for `cities` cities (at most 64).
pub(crate) fn choose(cities: usize, meetings: &[Vec<Burden>], budget: u64) -> Choice {
    let trying: Vec<Vec<usize>> = meetings.iter().map(|m| worth_trying(m)).collect();
    let picks = greedy(cities, meetings, &trying);
    let k = meetings.len();
    let mut forced = vec![vec![0u32; cities]; k + 1];
    let mut least_outside = vec![0u32; k + 1];
    let mut least_minutes = vec![0i64; k + 1];
    for i in (0..k).rev() {
        let every = trying[i]
            .iter()
            .fold(u64::MAX, |set, &j| set & meetings[i][j].outside);
        let (now, next) = forced.split_at_mut(i + 1);
        for (c, (f, later)) in now[i].iter_mut().zip(&next[0]).enumerate() {
            *f = later + u32::from(every & (1 << c) != 0);
        }
        let outside = trying[i]
            .iter()
            .map(|&j| meetings[i][j].outside.count_ones());
        least_outside[i] = least_outside[i + 1] + outside.min().unwrap_or(0);
        let minutes = trying[i].iter().map(|&j| meetings[i][j].minutes);
        least_minutes[i] = least_minutes[i + 1] + minutes.min().unwrap_or(0);
    }
    let mut search = Search {
        cities: cities.max(1),
        options: meetings,
        trying,
        forced,
        least_outside,
        least_minutes,
        loads: vec![0; cities.max(1)],
        current: vec![0; k],
        best: unfairness(cities, meetings, &picks),
        best_picks: picks,
        steps: 0,
        budget,
        exhaustive: true,
    };
    search.dfs(0, 0, 0, 0);
    let (mut picks, mut best) = (search.best_picks, search.best);
    // Among choices as fair, the better-ranked slots: a meeting passes over a slot offered
    // before its own only when taking it would make the series less fair.
    for i in 0..k {
        for better in 0..picks[i] {
            let was = std::mem::replace(&mut picks[i], better);
            let u = unfairness(cities, meetings, &picks);
            if u <= best {
                best = u;
                break;
            }
            picks[i] = was;
        }
    }
    Choice {
        unfairness: best,
        picks,
        exhaustive: search.exhaustive,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn all_picks(meetings: &[Vec<Burden>]) -> Vec<Vec<usize>> {
        meetings.iter().fold(vec![vec![]], |acc, options| {
            acc.into_iter()
                .flat_map(|p| {
                    (0..options.len()).map(move |k| {
                        let mut q = p.clone();
                        q.push(k);
                        q
                    })
                })
                .collect()
        })
    }

    /// Some city is outside working hours in every meeting.
    fn someone_always_outside(cities: usize, meetings: &[Vec<Burden>], picks: &[usize]) -> bool {
        (0..cities).any(|c| {
            meetings
                .iter()
                .zip(picks)
                .all(|(m, &k)| m[k].outside & (1 << c) != 0)
        })
    }

    #[test]
    fn the_early_hour_goes_round() {
        // Three meetings, each with the same two slots: one makes city 0 (Vancouver) start
        // early, the other keeps city 2 (Seoul) late. The fairest never gives either all three.
        let slots = vec![
            Burden {
                outside: 0b001,
                minutes: 60,
            },
            Burden {
                outside: 0b100,
                minutes: 90,
            },
        ];
        let meetings = vec![slots.clone(), slots.clone(), slots];
        let choice = choose(3, &meetings, BUDGET);
        assert!(choice.exhaustive);
        assert_eq!(choice.unfairness, (2, 3, 60 + 60 + 90));
        assert!(!someone_always_outside(3, &meetings, &choice.picks));
    }

    #[test]
    fn a_search_out_of_budget_still_chooses_and_says_so() {
        let slots: Vec<Burden> = (0..6)
            .map(|c| Burden {
                outside: 1 << c,
                minutes: 60,
            })
            .collect();
        let meetings = vec![slots; 12];
        let choice = choose(6, &meetings, 0);
        assert!(!choice.exhaustive);
        assert_eq!(choice.picks.len(), 12);
        // The greedy start already spreads them two a city…
        assert_eq!(choice.unfairness, (2, 12, 720));
        // …which the bound proves fairest at once.
        let searched = choose(6, &meetings, BUDGET);
        assert!(searched.exhaustive);
        assert_eq!(searched.unfairness, choice.unfairness);
    }

    fn instance() -> impl Strategy<Value = (usize, Vec<Vec<Burden>>)> {
        (1usize..=5).prop_flat_map(|cities| {
            let burden = (0u64..(1 << cities), 0i64..300).prop_map(|(outside, m)| Burden {
                outside,
                // A city outside costs minutes; none outside costs none.
                minutes: if outside == 0 { 0 } else { m },
            });
            (
                Just(cities),
                prop::collection::vec(prop::collection::vec(burden, 1..=4), 1..=4),
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        /// Against every possible choice: the finder's is as fair as the fairest, and never
        /// leaves one city outside working hours in every meeting when another spread exists.
        #[test]
        fn the_choice_is_the_fairest_and_never_loads_one_city_with_all((cities, meetings) in instance()) {
            let choice = choose(cities, &meetings, BUDGET);
            prop_assert!(choice.exhaustive);
            prop_assert_eq!(choice.picks.len(), meetings.len());
            prop_assert_eq!(choice.unfairness, unfairness(cities, &meetings, &choice.picks));
            let every = all_picks(&meetings);
            let fairest = every.iter().map(|p| unfairness(cities, &meetings, p)).min().unwrap();
            prop_assert_eq!(choice.unfairness, fairest);
            // A slot offered earlier (better ranked) is passed over only for fairness.
            for i in 0..meetings.len() {
                for better in 0..choice.picks[i] {
                    let mut other = choice.picks.clone();
                    other[i] = better;
                    prop_assert!(unfairness(cities, &meetings, &other) > choice.unfairness);
                }
            }
            let spread_exists = every.iter().any(|p| !someone_always_outside(cities, &meetings, p));
            if spread_exists {
                prop_assert!(!someone_always_outside(cities, &meetings, &choice.picks));
            }
        }
    }
}
