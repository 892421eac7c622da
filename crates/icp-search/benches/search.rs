//! The search engine's benchmarks:
//!   cargo bench -p icp-search --bench search
//! 50,000 generated practices in mixed languages (English with Latin names carrying
//! diacritics, Korean, Han, Greek), four weighted fields and four facets. Prints the time to
//! index them all and the p50 / p99 latency over 1,000 varied queries (measured once with
//! `Instant`), then lets criterion time a few typical queries.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use icp_search::{FieldSpec, Index, Query};

const PRACTICES: usize = 50_000;

const ENGLISH: &[&str] = &[
    "recycling",
    "recycled",
    "waste",
    "composting",
    "circular",
    "economy",
    "air",
    "quality",
    "monitoring",
    "sensors",
    "energy",
    "transition",
    "solar",
    "roofs",
    "heat",
    "pumps",
    "district",
    "heating",
    "migrant",
    "integration",
    "housing",
    "language",
    "courses",
    "jobs",
    "buses",
    "electric",
    "cycling",
    "lanes",
    "pedestrian",
    "streets",
    "green",
    "parks",
    "trees",
    "flood",
    "sponge",
    "water",
    "retention",
    "schools",
    "citizens",
    "participation",
    "budget",
    "digital",
    "platform",
    "open",
    "data",
    "procurement",
    "repair",
    "cafes",
    "textiles",
    "food",
    "markets",
    "local",
    "farmers",
    "emissions",
    "reduced",
    "tonnes",
    "per",
    "year",
    "households",
    "measured",
    "evaluation",
    "pilot",
    "scaled",
    "partners",
    "university",
    "workshops",
    "training",
    "volunteers",
    "neighbourhood",
    "the",
    "and",
    "of",
    "with",
    "for",
    "in",
    "a",
    "by",
    "city",
];
const PLACES: &[&str] = &[
    "Łódź",
    "München",
    "Kraków",
    "Malmö",
    "Göteborg",
    "Zürich",
    "Düsseldorf",
    "Poznań",
    "Gdańsk",
    "Brașov",
    "Plzeň",
    "Montréal",
    "Québec",
    "Lisboa",
    "Córdoba",
    "Besançon",
    "eThekwini",
    "Tshwane",
    "Århus",
    "Škofja Loka",
];
const KOREAN: &[&str] = &[
    "서울특별시",
    "부산광역시",
    "광주",
    "인천",
    "재활용",
    "자원순환",
    "대기질",
    "측정",
    "에너지",
    "전환",
    "정책",
    "시민",
    "참여",
    "도시",
    "녹지",
    "교통",
    "전기버스",
    "탄소중립",
    "주거",
    "이주민",
    "통합",
    "사업",
    "평가",
    "결과",
    "학교",
    "태양광",
    "공원",
    "홍수",
    "예방",
];
const HAN: &[&str] = &[
    "臺北",
    "臺中",
    "高雄",
    "香港",
    "新加坡",
    "回收",
    "空氣",
    "品質",
    "改善",
    "計畫",
    "能源",
    "轉型",
    "城市",
    "綠地",
    "交通",
    "公車",
    "碳中和",
    "居民",
    "參與",
    "評估",
    "結果",
    "學校",
    "太陽能",
    "公園",
    "防洪",
    "廚餘",
    "堆肥",
];
const GREEK: &[&str] = &[
    "ανακύκλωση",
    "ενέργεια",
    "πόλη",
    "Αθήνα",
    "Θεσσαλονίκη",
    "κυκλοφορία",
    "πράσινο",
    "πολίτες",
    "ποιότητα",
    "αέρα",
    "σχολεία",
    "πάρκα",
];
const THEMES: &[&str] = &[
    "circular_economy",
    "air_quality",
    "energy_transition",
    "migrant_integration",
    "mobility",
    "green_spaces",
    "climate_adaptation",
    "digital",
];
const REGIONS: &[&str] = &[
    "eu",
    "canada",
    "south_africa",
    "singapore",
    "hong_kong",
    "south_korea",
    "taiwan",
];

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

/// `least` to `least + spread` words of one language: English with a place now and then, Korean words with
/// spaces, Han runs without spaces, Greek mixed with English.
fn text(rng: &mut Rng, language: usize, least: usize, spread: usize) -> String {
    let words = least + rng.below(spread);
    let mut out = String::new();
    for i in 0..words {
        match language {
            0..=2 => {
                if i > 0 {
                    out.push(' ');
                }
                let word = if rng.below(12) == 0 {
                    rng.pick(PLACES)
                } else {
                    rng.pick(ENGLISH)
                };
                out.push_str(word);
            }
            3 => {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(rng.pick(KOREAN));
            }
            4 => {
                out.push_str(rng.pick(HAN));
                if rng.below(5) == 0 {
                    out.push('，');
                }
            }
            _ => {
                if i > 0 {
                    out.push(' ');
                }
                let word = if rng.below(2) == 0 {
                    rng.pick(GREEK)
                } else {
                    rng.pick(ENGLISH)
                };
                out.push_str(word);
            }
        }
    }
    out
}

struct Practice {
    fields: [String; 4],
    facets: [String; 4],
}

fn practices() -> Vec<Practice> {
    let mut rng = Rng(0x1C9_A61E);
    (0..PRACTICES)
        .map(|_| {
            let language = rng.below(6);
            Practice {
                fields: [
                    text(&mut rng, language, 4, 5),
                    text(&mut rng, language, 20, 20),
                    text(&mut rng, language, 40, 60),
                    text(&mut rng, language, 60, 140),
                ],
                facets: [
                    rng.pick(THEMES).to_string(),
                    rng.pick(REGIONS).to_string(),
                    format!("city-{}", rng.below(120)),
                    ["draft", "reviewed"][rng.below(2)].to_string(),
                ],
            }
        })
        .collect()
}

const FIELDS: [&str; 4] = ["title", "summary", "solution", "evidence"];
const FACETS: [&str; 4] = ["theme", "region", "city", "status"];

fn build(practices: &[Practice]) -> Index<u32> {
    let mut index = Index::new(&[
        FieldSpec::new(FIELDS[0], 3.0),
        FieldSpec::new(FIELDS[1], 1.5),
        FieldSpec::new(FIELDS[2], 1.0),
        FieldSpec::new(FIELDS[3], 0.7),
    ]);
    for (i, p) in practices.iter().enumerate() {
        let fields: Vec<(&str, &str)> = FIELDS
            .iter()
            .copied()
            .zip(p.fields.iter().map(String::as_str))
            .collect();
        let facets: Vec<(&str, &str)> = FACETS
            .iter()
            .copied()
            .zip(p.facets.iter().map(String::as_str))
            .collect();
        index.upsert(i as u32, &fields, &facets);
    }
    index
}

/// 1,000 queries: one to three words of each language, folded place names, Korean and Han
/// substrings, a filter on a third of them, a quarter asking for the second page.
fn queries() -> Vec<Query> {
    let mut rng = Rng(0xC0FFEE);
    let folded = [
        "lodz", "munchen", "krakow", "malmo", "zurich", "poznan", "montreal", "brasov",
    ];
    (0..1_000)
        .map(|i| {
            let text = match i % 8 {
                0 => rng.pick(ENGLISH).to_string(),
                1 => format!("{} {}", rng.pick(ENGLISH), rng.pick(ENGLISH)),
                2 => format!(
                    "{} {} {}",
                    rng.pick(ENGLISH),
                    rng.pick(ENGLISH),
                    rng.pick(ENGLISH)
                ),
                3 => format!("{} {}", rng.pick(&folded), rng.pick(ENGLISH)),
                4 => {
                    let word: Vec<char> = rng.pick(KOREAN).chars().collect();
                    word[..2.min(word.len())].iter().collect()
                }
                5 => format!("{}{}", rng.pick(HAN), rng.pick(HAN)),
                6 => rng.pick(GREEK).to_lowercase(),
                _ => "recycle".to_string(),
            };
            let filters = if i % 3 == 0 {
                vec![("theme".to_string(), rng.pick(THEMES).to_string())]
            } else {
                Vec::new()
            };
            Query {
                text,
                filters,
                limit: 20,
                offset: if i % 4 == 0 { 20 } else { 0 },
                skip_highlights: false,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let practices = practices();
    let started = Instant::now();
    let index = build(&practices);
    let built = started.elapsed();
    println!("index {PRACTICES} practices: {:.2} s", built.as_secs_f64());

    let queries = queries();
    let mut times: Vec<Duration> = Vec::with_capacity(queries.len());
    let mut found = 0;
    for q in &queries {
        let started = Instant::now();
        let results = black_box(index.search(q));
        times.push(started.elapsed());
        found += usize::from(results.total > 0);
    }
    times.sort();
    let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    println!(
        "search over {PRACTICES} practices, {} queries ({found} with matches): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        at(0.50).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3,
    );

    let query = |text: &str| Query {
        text: text.into(),
        limit: 20,
        ..Query::default()
    };
    c.bench_function("search/one common English word", |b| {
        b.iter(|| index.search(black_box(&query("recycling"))).total)
    });
    c.bench_function("search/three English words", |b| {
        b.iter(|| {
            index
                .search(black_box(&query("green parks citizens")))
                .total
        })
    });
    c.bench_function("search/folded place + word", |b| {
        b.iter(|| index.search(black_box(&query("lodz energy"))).total)
    });
    c.bench_function("search/Korean substring", |b| {
        b.iter(|| index.search(black_box(&query("자원순환"))).total)
    });
    c.bench_function("search/Han substring", |b| {
        b.iter(|| index.search(black_box(&query("空氣品質"))).total)
    });
    c.bench_function("search/browse with a filter", |b| {
        let q = Query {
            filters: vec![("theme".into(), "mobility".into())],
            limit: 20,
            ..Query::default()
        };
        b.iter(|| index.search(black_box(&q)).total)
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
