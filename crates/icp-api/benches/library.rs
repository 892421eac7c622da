//! The library issue's benchmark, through the desk as the window calls it:
//!   cargo bench -p icp-api --bench library
//! 50,000 generated practices in mixed languages (English, Latin names with diacritics,
//! Korean, Chinese) in a real store, over 28 cities and the four themes. Prints, measured once
//! with `Instant`: the first search (which builds the index from the store), p50 / p99 of
//! `search_library` over 1,000 varied queries (a page of 25, as the window asks, with its
//! snippets and facets),
//! p50 / p99 of `search_everywhere`, and a search right after a save (the index following
//! the store). Then criterion times the catalogue PDF of 500 practices.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use icp_api::{Desk, LibraryQuery, LibrarySort, Paper};
use icp_domain::{BestPractice, Id, PracticeStatus};
use icp_store::Store;

const WORDS: &[&str] = &[
    "recycling",
    "waste",
    "composting",
    "circular",
    "air",
    "quality",
    "monitoring",
    "sensors",
    "energy",
    "solar",
    "roofs",
    "heat",
    "pumps",
    "district",
    "heating",
    "migrant",
    "housing",
    "language",
    "courses",
    "buses",
    "electric",
    "cycling",
    "parks",
    "trees",
    "water",
    "schools",
    "citizens",
    "budget",
    "platform",
    "open",
    "data",
    "repair",
    "textiles",
    "markets",
    "emissions",
    "tonnes",
    "households",
    "pilot",
    "volunteers",
    "neighbourhood",
    "the",
    "and",
    "of",
    "with",
    "for",
];
const NAMES: &[&str] = &[
    "Łódź",
    "München",
    "Kraków",
    "Malmö",
    "Poznań",
    "Montréal",
    "Québec",
];
const KOREAN: &[&str] = &[
    "재활용",
    "자원순환",
    "대기질",
    "측정",
    "에너지",
    "전환",
    "시민",
    "참여",
];
const CHINESE: &[&str] = &[
    "資源回收",
    "空氣品質",
    "監測",
    "能源轉型",
    "太陽能",
    "市民參與",
];
const THEMES: [&str; 4] = [
    "circular_economy",
    "air_quality",
    "energy_transition",
    "migrant_integration",
];
const ZONES: [(&str, &str); 7] = [
    ("CA", "America/Toronto"),
    ("PT", "Europe/Lisbon"),
    ("DE", "Europe/Berlin"),
    ("PL", "Europe/Warsaw"),
    ("ZA", "Africa/Johannesburg"),
    ("KR", "Asia/Seoul"),
    ("TW", "Asia/Taipei"),
];

/// A deterministic stream of numbers, so that every run indexes the same text.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
    fn words(&mut self, n: usize) -> String {
        (0..n)
            .map(|i| match (i % 9, self.next(10)) {
                (4, 0..=3) => NAMES[self.next(NAMES.len())],
                (7, 0..=2) => KOREAN[self.next(KOREAN.len())],
                (8, 0..=2) => CHINESE[self.next(CHINESE.len())],
                _ => WORDS[self.next(WORDS.len())],
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A data folder holding `n` practices; returns the desk opened on it.
fn library(dir: &std::path::Path, n: usize) -> Desk {
    let cities: Vec<Id> = {
        let desk = Desk::open(dir).unwrap();
        (0..28)
            .map(|i| {
                let (country, zone) = ZONES[i % ZONES.len()];
                common::city(&desk, &format!("City {i}"), country, zone)
            })
            .collect()
    };
    // Written straight into the store, in large transactions: the window would take an hour
    // of typing, and the point is to measure reading, not writing.
    {
        let store = Store::open(&dir.join("store")).unwrap();
        let mut rng = Lcg(7);
        let all: Vec<BestPractice> = (0..n)
            .map(|i| BestPractice {
                title: rng.words(5),
                summary: rng.words(20),
                problem: rng.words(60),
                solution: rng.words(80),
                evidence: rng.words(60),
                city: Some(cities[i % cities.len()]),
                themes: vec![THEMES[i % 4].to_string()],
                tags: vec![WORDS[i % WORDS.len()].to_string()],
                status: PracticeStatus::Draft,
                captured_at: format!("2022-{:02}-{:02}T10:00:00Z", 1 + i % 12, 1 + i % 28),
                ..BestPractice::blank(store.new_id())
            })
            .collect();
        for chunk in all.chunks(5_000) {
            store.save_many(chunk).unwrap();
        }
    }
    Desk::open(dir).unwrap()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn queries() -> Vec<LibraryQuery> {
    let mut rng = Lcg(42);
    (0..1_000)
        .map(|i| {
            let text = match i % 5 {
                0 => WORDS[rng.next(WORDS.len())].to_string(),
                1 => format!(
                    "{} {}",
                    WORDS[rng.next(WORDS.len())],
                    WORDS[rng.next(WORDS.len())]
                ),
                2 => ["lodz", "munchen", "krakow", "malmo", "montreal"][rng.next(5)].to_string(),
                3 => ["자원", "대기", "品質", "能源", "recycle", "heat pump"][rng.next(6)]
                    .to_string(),
                _ => String::new(),
            };
            LibraryQuery {
                text,
                themes: if i % 3 == 0 {
                    vec![THEMES[i % 4].into()]
                } else {
                    vec![]
                },
                sort: if i % 7 == 0 {
                    LibrarySort::Title
                } else {
                    LibrarySort::Relevance
                },
                limit: 25,
                ..LibraryQuery::default()
            }
        })
        .collect()
}

/// Runs 1,000 times; prints p50 and p99, and `describe` of the slowest run.
fn measure(label: &str, mut run: impl FnMut(usize), describe: impl Fn(usize) -> String) {
    let mut times: Vec<(Duration, usize)> = (0..1_000)
        .map(|i| {
            let t = Instant::now();
            run(i);
            (t.elapsed(), i)
        })
        .collect();
    times.sort();
    let only: Vec<Duration> = times.iter().map(|(t, _)| *t).collect();
    let (slowest, i) = times[times.len() - 1];
    println!(
        "{label}: p50 {:.2} ms, p99 {:.2} ms (slowest {:.2} ms: {})",
        percentile(&only, 0.5).as_secs_f64() * 1e3,
        percentile(&only, 0.99).as_secs_f64() * 1e3,
        slowest.as_secs_f64() * 1e3,
        describe(i)
    );
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let t = Instant::now();
    let desk = library(dir.path(), 50_000);
    println!(
        "50,000 practices written to the store in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let first = desk.search_library(&LibraryQuery::default()).unwrap();
    assert_eq!(first.total, 50_000);
    println!(
        "first search, building the index from the store: {:.2} s",
        t.elapsed().as_secs_f64()
    );

    let qs = queries();
    measure(
        "search_library (page of 25, snippets, facets)",
        |i| {
            desk.search_library(&qs[i]).unwrap();
        },
        |i| format!("{:?}", qs[i]),
    );
    let everywhere_text = |i: usize| {
        if qs[i].text.is_empty() {
            "solar".to_string()
        } else {
            qs[i].text.clone()
        }
    };
    measure(
        "search_everywhere (20 hits)",
        |i| {
            desk.search_everywhere(&everywhere_text(i), 20).unwrap();
        },
        everywhere_text,
    );

    let some = desk.search_library(&LibraryQuery::default()).unwrap().hits[0]
        .practice
        .id;
    let mut p = desk.open_best_practice(some).unwrap().practice;
    measure(
        "a save (flushed to disk), then a search that follows it",
        |i| {
            p.summary = format!("edited {i} heat pumps");
            desk.save_best_practice(&p).unwrap();
            desk.search_library(&LibraryQuery {
                text: "edited".into(),
                limit: 10,
                ..LibraryQuery::default()
            })
            .unwrap();
        },
        |i| format!("save {i}"),
    );

    let small = tempfile::tempdir().unwrap();
    let five_hundred = library(small.path(), 500);
    let mut group = c.benchmark_group("library");
    group.sample_size(10);
    group.bench_function("catalogue PDF of 500 practices (A4)", |b| {
        b.iter(|| {
            five_hundred
                .catalogue_pdf(&LibraryQuery::default(), Paper::A4)
                .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
