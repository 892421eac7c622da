//! The programme set-up issue's benchmarks:
//!   cargo bench -p icp-domain --bench programme_setup
//! - pairing suggestion (compatibility of every pair, then Kuhn–Munkres) for 14 × 14 and
//!   200 × 200 cities;
//! - selection suggestion for 2,000 scored candidatures.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use icp_domain::pairing::{compatibility, suggest_pairs, PairingCity, PairingConstraints};
use icp_domain::selection::{suggest, Candidate};
use icp_domain::{Id, Programme};

const THEMES: [&str; 4] = [
    "circular_economy",
    "air_quality",
    "energy_transition",
    "migrant_integration",
];
const ZONES: [chrono_tz::Tz; 6] = [
    chrono_tz::Europe::Lisbon,
    chrono_tz::Europe::Berlin,
    chrono_tz::America::Toronto,
    chrono_tz::Africa::Johannesburg,
    chrono_tz::Asia::Seoul,
    chrono_tz::Asia::Taipei,
];

/// A deterministic spread of cities: priorities, clusters, clocks and languages vary with `n`.
fn city(side: u64, n: usize) -> PairingCity {
    let k = n * 7 + side as usize * 3;
    PairingCity {
        id: Id::from_parts(side, n as u128),
        name: format!("City {side}-{n}"),
        priorities: (0..1 + k % 4)
            .map(|i| THEMES[(k + i) % 4].to_string())
            .collect(),
        clusters: vec![THEMES[k % 4].to_string()],
        time_zone: Some(ZONES[k % ZONES.len()]),
        languages: vec![["English", "French", "German", "Korean"][k % 4].to_string()],
    }
}

fn pairing(n: usize) -> i64 {
    let day = NaiveDate::from_ymd_opt(2022, 5, 3).unwrap();
    let eu: Vec<PairingCity> = (0..n).map(|i| city(1, i)).collect();
    let partners: Vec<PairingCity> = (0..n).map(|i| city(2, i)).collect();
    let scores: Vec<Vec<i64>> = eu
        .iter()
        .map(|a| {
            partners
                .iter()
                .map(|b| compatibility(a, b, day).total)
                .collect()
        })
        .collect();
    let ids = |s: &[PairingCity]| s.iter().map(|c| c.id).collect::<Vec<_>>();
    suggest_pairs(
        &ids(&eu),
        &ids(&partners),
        &scores,
        &PairingConstraints::default(),
    )
    .unwrap()
    .total
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("pairings suggest");
    for n in [14, 200] {
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{n}x{n}")),
            &n,
            |b, &n| b.iter(|| pairing(n)),
        );
    }
    group.finish();

    let programme = Programme::icp_agir();
    let candidates: Vec<Candidate> = (0..2000usize)
        .map(|i| {
            let country = &programme.countries[i % programme.countries.len()];
            Candidate {
                id: Id::from_parts(3, i as u128),
                city_name: format!("Candidate {i}"),
                group: Some(country.quota_group.clone()),
                country: country.code.clone(),
                score: (i % 13 != 0).then(|| ((i * 37) % 1000) as f64 / 100.0),
                late: i % 17 == 0,
            }
        })
        .collect();
    c.bench_function("selection suggest/2000 candidatures", |b| {
        b.iter(|| suggest(&programme.quota_groups, &candidates).total_score)
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
