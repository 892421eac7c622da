//! Pairing each EU city with one non-EU city: how well two cities fit (a score made of named
//! factors, each shown), and the assignment that maximises the total, respecting the pairs the
//! coordinator locked or forbade (Kuhn–Munkres, from the `pathfinding` crate).

use chrono::{NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;
use pathfinding::prelude::{kuhn_munkres, Matrix};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{DomainError, Id};

// Scores are typed `number` for the UI: they stay far below 2^53, where a JavaScript number is
// exact, and JSON carries them as plain numbers, not as the `bigint` ts-rs would name.

/// What pairing needs to know of a city.
#[derive(Debug, Clone, PartialEq)]
pub struct PairingCity {
    pub id: Id,
    pub name: String,
    /// Theme keys, most important first.
    pub priorities: Vec<String>,
    /// Theme keys of the clusters the city is a member of.
    pub clusters: Vec<String>,
    pub time_zone: Option<Tz>,
    pub languages: Vec<String>,
}

/// One named part of a compatibility score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Factor {
    pub key: String,
    pub label: String,
    #[ts(type = "number")]
    pub points: i64,
    /// What earned the points, in words.
    pub detail: String,
}

/// How well an EU city and a non-EU city fit, factor by factor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Compatibility {
    pub eu: Id,
    pub partner: Id,
    #[ts(type = "number")]
    pub total: i64,
    pub factors: Vec<Factor>,
}

/// Working hours both cities share on a weekday, counted in whole hours (09:00–17:00 local).
fn shared_working_hours(a: Tz, b: Tz, day: NaiveDate) -> i64 {
    let window = |tz: Tz| {
        let at = |h: u32| {
            tz.from_local_datetime(&day.and_time(NaiveTime::from_hms_opt(h, 0, 0).expect("hour")))
                .earliest()
                .map(|t| t.timestamp())
        };
        Some((at(9)?, at(17)?))
    };
    match (window(a), window(b)) {
        (Some((a0, a1)), Some((b0, b1))) => ((a1.min(b1) - a0.max(b0)).max(0)) / 3600,
        _ => 0,
    }
}

/// The score of pairing `eu` with `partner`, on the factors the coordinator sees:
/// shared theme priorities (more for themes both rank high), membership of the same cluster,
/// working hours in common (online meetings need them) on `day`, and a shared working language.
pub fn compatibility(eu: &PairingCity, partner: &PairingCity, day: NaiveDate) -> Compatibility {
    let mut factors = Vec::new();

    let mut theme_points = 0;
    let mut shared = Vec::new();
    for (ra, t) in eu.priorities.iter().enumerate() {
        if let Some(rb) = partner.priorities.iter().position(|x| x == t) {
            // Ranks count from 0; a theme both put first earns 10, lower ranks less.
            theme_points += (5 - ra.min(5) as i64) + (5 - rb.min(5) as i64);
            shared.push(t.replace('_', " "));
        }
    }
    factors.push(Factor {
        key: "shared_priorities".into(),
        label: "Shared theme priorities".into(),
        points: theme_points,
        detail: if shared.is_empty() {
            "no theme in common".into()
        } else {
            shared.join(", ")
        },
    });

    let common: Vec<&String> = eu
        .clusters
        .iter()
        .filter(|c| partner.clusters.contains(c))
        .collect();
    factors.push(Factor {
        key: "same_cluster".into(),
        label: "Same thematic cluster".into(),
        points: 10 * common.len() as i64,
        detail: if common.is_empty() {
            "no cluster in common".into()
        } else {
            common
                .iter()
                .map(|c| c.replace('_', " "))
                .collect::<Vec<_>>()
                .join(", ")
        },
    });

    let hours = match (eu.time_zone, partner.time_zone) {
        (Some(a), Some(b)) => shared_working_hours(a, b, day),
        _ => 0,
    };
    factors.push(Factor {
        key: "working_hours".into(),
        label: "Working hours in common".into(),
        points: 2 * hours,
        detail: format!("{hours} h of 09:00–17:00 overlap"),
    });

    let language = eu.languages.iter().find(|l| {
        partner
            .languages
            .iter()
            .any(|m| m.trim().eq_ignore_ascii_case(l.trim()))
    });
    factors.push(Factor {
        key: "shared_language".into(),
        label: "Shared working language".into(),
        points: if language.is_some() { 6 } else { 0 },
        detail: language.cloned().unwrap_or_else(|| "none".into()),
    });

    Compatibility {
        eu: eu.id,
        partner: partner.id,
        total: factors.iter().map(|f| f.points).sum(),
        factors,
    }
}

/// Pairs the coordinator fixed or excluded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PairingConstraints {
    /// `(EU city, non-EU city)` that must be paired.
    #[serde(default)]
    pub locked: Vec<(Id, Id)>,
    /// `(EU city, non-EU city)` that must not be.
    #[serde(default)]
    pub forbidden: Vec<(Id, Id)>,
}

/// One proposed pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProposedPair {
    pub eu: Id,
    pub partner: Id,
    #[ts(type = "number")]
    pub score: i64,
    pub locked: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PairingSuggestion {
    pub pairs: Vec<ProposedPair>,
    #[ts(type = "number")]
    pub total: i64,
    /// Cities left without a partner because the two sides differ in size.
    pub unpaired: Vec<Id>,
}

/// The assignment of EU cities (rows of `scores`) to non-EU cities (columns) with the highest
/// total score that pairs every locked pair and no forbidden one. Optimal: the locked pairs are
/// fixed first, then Kuhn–Munkres assigns the rest, with forbidden pairs weighted so low that
/// any assignment without them scores higher than any with one.
pub fn suggest_pairs(
    eu: &[Id],
    partners: &[Id],
    scores: &[Vec<i64>],
    constraints: &PairingConstraints,
) -> Result<PairingSuggestion, DomainError> {
    let unpairable = |message: String| DomainError::Unpairable { message };
    let row_of = |id: Id| eu.iter().position(|x| *x == id);
    let col_of = |id: Id| partners.iter().position(|x| *x == id);
    let mut pairs = Vec::new();
    let mut row_taken = vec![false; eu.len()];
    let mut col_taken = vec![false; partners.len()];
    for (a, b) in &constraints.locked {
        let (Some(r), Some(c)) = (row_of(*a), col_of(*b)) else {
            return Err(unpairable(
                "A locked pair names a city that is not among the cities to pair.".into(),
            ));
        };
        if row_taken[r] || col_taken[c] {
            return Err(unpairable(
                "A city is locked to two partners; unlock one of the pairs.".into(),
            ));
        }
        if constraints.forbidden.contains(&(*a, *b)) {
            return Err(unpairable("A pair is both locked and forbidden.".into()));
        }
        row_taken[r] = true;
        col_taken[c] = true;
        pairs.push(ProposedPair {
            eu: *a,
            partner: *b,
            score: scores[r][c],
            locked: true,
        });
    }
    let rows: Vec<usize> = (0..eu.len()).filter(|r| !row_taken[*r]).collect();
    let cols: Vec<usize> = (0..partners.len()).filter(|c| !col_taken[*c]).collect();
    // Kuhn–Munkres wants no more rows than columns: solve the transposed problem if needed.
    let transposed = rows.len() > cols.len();
    let (rs, cs) = if transposed {
        (&cols, &rows)
    } else {
        (&rows, &cols)
    };
    let weight = |r: usize, c: usize| if transposed { (c, r) } else { (r, c) };
    let mut unpaired = Vec::new();
    if !rs.is_empty() {
        let max_abs = scores.iter().flatten().map(|s| s.abs()).max().unwrap_or(0);
        let forbidden_weight = -((max_abs + 1) * (rs.len() as i64 + 1) * 2);
        let forbidden = |r: usize, c: usize| {
            let (er, pc) = weight(r, c);
            constraints.forbidden.contains(&(eu[er], partners[pc]))
        };
        let matrix = Matrix::from_rows(rs.iter().map(|&r| {
            cs.iter()
                .map(|&c| {
                    let (er, pc) = weight(r, c);
                    if forbidden(r, c) {
                        forbidden_weight
                    } else {
                        scores[er][pc]
                    }
                })
                .collect::<Vec<i64>>()
        }))
        .map_err(|e| unpairable(format!("The score matrix is malformed: {e:?}")))?;
        let (_, assignment) = kuhn_munkres(&matrix);
        let mut used = vec![false; cs.len()];
        for (i, &j) in assignment.iter().enumerate() {
            used[j] = true;
            let (r, c) = (rs[i], cs[j]);
            if forbidden(r, c) {
                return Err(unpairable(
                    "No pairing avoids every forbidden pair: allow one of them, or unlock a pair."
                        .into(),
                ));
            }
            let (er, pc) = weight(r, c);
            pairs.push(ProposedPair {
                eu: eu[er],
                partner: partners[pc],
                score: scores[er][pc],
                locked: false,
            });
        }
        for (j, &c) in cs.iter().enumerate() {
            if !used[j] {
                unpaired.push(if transposed { eu[c] } else { partners[c] });
            }
        }
    } else {
        let left: &[usize] = if transposed { &rows } else { &cols };
        for &i in left {
            unpaired.push(if transposed { eu[i] } else { partners[i] });
        }
    }
    pairs.sort_by_key(|p| row_of(p.eu));
    Ok(PairingSuggestion {
        total: pairs.iter().map(|p| p.score).sum(),
        pairs,
        unpaired,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn city(
        n: u128,
        priorities: &[&str],
        clusters: &[&str],
        tz: Tz,
        languages: &[&str],
    ) -> PairingCity {
        PairingCity {
            id: Id::from_parts(2, n),
            name: format!("City {n}"),
            priorities: priorities.iter().map(|s| s.to_string()).collect(),
            clusters: clusters.iter().map(|s| s.to_string()).collect(),
            time_zone: Some(tz),
            languages: languages.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn each_factor_is_shown_and_adds_up() {
        let day = NaiveDate::from_ymd_opt(2022, 3, 1).unwrap();
        let porto = city(
            1,
            &["circular_economy", "air_quality"],
            &["circular_economy"],
            chrono_tz::Europe::Lisbon,
            &["Portuguese", "English"],
        );
        let durban = city(
            2,
            &["air_quality", "circular_economy"],
            &["circular_economy"],
            chrono_tz::Africa::Johannesburg,
            &["english", "isiZulu"],
        );
        let c = compatibility(&porto, &durban, day);
        let points = |k: &str| c.factors.iter().find(|f| f.key == k).unwrap().points;
        // circular economy: ranks 0 and 1 → 5 + 4; air quality: ranks 1 and 0 → 4 + 5.
        assert_eq!(points("shared_priorities"), 18);
        assert_eq!(points("same_cluster"), 10);
        // Lisbon (UTC+0 in March) and Durban (UTC+2) share 09:00–15:00 Lisbon: 6 hours.
        assert_eq!(points("working_hours"), 12);
        assert_eq!(points("shared_language"), 6);
        assert_eq!(c.total, 46);
        let seoul = city(
            3,
            &["energy_transition"],
            &[],
            chrono_tz::Asia::Seoul,
            &["Korean"],
        );
        let vancouver = city(
            4,
            &["energy_transition"],
            &[],
            chrono_tz::America::Vancouver,
            &["English"],
        );
        let far = compatibility(&seoul, &vancouver, day);
        assert_eq!(
            far.factors
                .iter()
                .find(|f| f.key == "working_hours")
                .unwrap()
                .points,
            0
        );
    }

    #[test]
    fn locked_pairs_are_kept_and_forbidden_ones_avoided() {
        let ids = |k: u64, n: usize| {
            (0..n)
                .map(|i| Id::from_parts(k, i as u128))
                .collect::<Vec<_>>()
        };
        let (eu, nu) = (ids(1, 3), ids(2, 3));
        let scores = vec![vec![9, 1, 1], vec![1, 9, 1], vec![1, 1, 9]];
        let free = suggest_pairs(&eu, &nu, &scores, &PairingConstraints::default()).unwrap();
        assert_eq!(free.total, 27);
        let constrained = suggest_pairs(
            &eu,
            &nu,
            &scores,
            &PairingConstraints {
                locked: vec![(eu[0], nu[1])],
                forbidden: vec![(eu[2], nu[2])],
            },
        )
        .unwrap();
        assert!(constrained
            .pairs
            .iter()
            .any(|p| p.eu == eu[0] && p.partner == nu[1] && p.locked));
        assert!(!constrained
            .pairs
            .iter()
            .any(|p| p.eu == eu[2] && p.partner == nu[2]));
        let impossible = suggest_pairs(
            &eu,
            &nu,
            &scores,
            &PairingConstraints {
                locked: vec![(eu[0], nu[0]), (eu[1], nu[1])],
                forbidden: vec![(eu[2], nu[2])],
            },
        );
        assert_eq!(impossible.unwrap_err().code(), "unpairable");
    }

    fn permutations(n: usize) -> Vec<Vec<usize>> {
        if n == 0 {
            return vec![vec![]];
        }
        let mut out = Vec::new();
        for p in permutations(n - 1) {
            for i in 0..=p.len() {
                let mut q = p.clone();
                q.insert(i, n - 1);
                out.push(q);
            }
        }
        out
    }

    /// `(n, scores, locked, forbidden)`: an n × n instance with a few constraints.
    type Instance = (
        usize,
        Vec<Vec<i64>>,
        Vec<(usize, usize)>,
        Vec<(usize, usize)>,
    );

    fn instance() -> impl Strategy<Value = Instance> {
        (1usize..=7).prop_flat_map(|n| {
            (
                Just(n),
                prop::collection::vec(prop::collection::vec(-20i64..60, n), n),
                prop::collection::vec((0..n, 0..n), 0..2),
                prop::collection::vec((0..n, 0..n), 0..6),
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

        #[test]
        fn the_suggestion_equals_brute_force_and_respects_constraints((n, scores, locked, forbidden) in instance()) {
            let eu: Vec<Id> = (0..n).map(|i| Id::from_parts(1, i as u128)).collect();
            let nu: Vec<Id> = (0..n).map(|i| Id::from_parts(2, i as u128)).collect();
            let constraints = PairingConstraints {
                locked: locked.iter().map(|&(a, b)| (eu[a], nu[b])).collect(),
                forbidden: forbidden.iter().map(|&(a, b)| (eu[a], nu[b])).collect(),
            };
            let consistent_locks = {
                let rows: std::collections::HashSet<_> = locked.iter().map(|l| l.0).collect();
                let cols: std::collections::HashSet<_> = locked.iter().map(|l| l.1).collect();
                rows.len() == locked.len() && cols.len() == locked.len()
                    && !locked.iter().any(|l| forbidden.contains(l))
            };
            let best = permutations(n)
                .into_iter()
                .filter(|p| locked.iter().all(|&(a, b)| p[a] == b))
                .filter(|p| !forbidden.iter().any(|&(a, b)| p[a] == b))
                .map(|p| p.iter().enumerate().map(|(a, &b)| scores[a][b]).sum::<i64>())
                .max();
            match (suggest_pairs(&eu, &nu, &scores, &constraints), best) {
                (Ok(s), Some(best)) => {
                    prop_assert!(consistent_locks);
                    prop_assert_eq!(s.total, best);
                    prop_assert_eq!(s.pairs.len(), n);
                    for &(a, b) in &constraints.locked {
                        prop_assert!(s.pairs.iter().any(|p| p.eu == a && p.partner == b));
                    }
                    for p in &s.pairs {
                        prop_assert!(!constraints.forbidden.contains(&(p.eu, p.partner)));
                    }
                }
                (Err(_), None) => {}
                (Err(e), Some(best)) => prop_assert!(!consistent_locks, "refused ({e}) though {best} is possible"),
                (Ok(s), None) => prop_assert!(false, "proposed {:?} though nothing is valid", s),
            }
        }
    }
}
