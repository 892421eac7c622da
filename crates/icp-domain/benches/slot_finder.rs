//! The slot finder's benchmarks:
//!   cargo bench -p icp-domain --bench slot_finder
//! - ranking: 28 cities (the programme's 14 EU cities and 14 partners, Vancouver to Seoul) over
//!   a 4-week range at 15-minute steps (2,688 start times), a one-hour meeting, the best 20;
//! - a series: the same cities meeting monthly for a year, one week each, one city fewer
//!   inside than each week's best allowed.

use chrono::NaiveDate;
use chrono_tz::Tz;
use criterion::{criterion_group, criterion_main, Criterion};
use icp_domain::slots::{find_slots, plan_series, DateRange, SlotCity, SlotQuery};
use icp_domain::Id;

const ZONES: [(&str, Tz); 28] = [
    ("Lisbon", chrono_tz::Europe::Lisbon),
    ("Dublin", chrono_tz::Europe::Dublin),
    ("Madrid", chrono_tz::Europe::Madrid),
    ("Paris", chrono_tz::Europe::Paris),
    ("Brussels", chrono_tz::Europe::Brussels),
    ("Amsterdam", chrono_tz::Europe::Amsterdam),
    ("Berlin", chrono_tz::Europe::Berlin),
    ("Rome", chrono_tz::Europe::Rome),
    ("Vienna", chrono_tz::Europe::Vienna),
    ("Warsaw", chrono_tz::Europe::Warsaw),
    ("Stockholm", chrono_tz::Europe::Stockholm),
    ("Helsinki", chrono_tz::Europe::Helsinki),
    ("Athens", chrono_tz::Europe::Athens),
    ("Porto", chrono_tz::Europe::Lisbon),
    ("Vancouver", chrono_tz::America::Vancouver),
    ("Edmonton", chrono_tz::America::Edmonton),
    ("Toronto", chrono_tz::America::Toronto),
    ("Halifax", chrono_tz::America::Halifax),
    ("Durban", chrono_tz::Africa::Johannesburg),
    ("Cape Town", chrono_tz::Africa::Johannesburg),
    ("Singapore", chrono_tz::Asia::Singapore),
    ("Hong Kong", chrono_tz::Asia::Hong_Kong),
    ("Seoul", chrono_tz::Asia::Seoul),
    ("Gwangju", chrono_tz::Asia::Seoul),
    ("Incheon", chrono_tz::Asia::Seoul),
    ("Taipei", chrono_tz::Asia::Taipei),
    ("Taichung", chrono_tz::Asia::Taipei),
    ("Kaohsiung", chrono_tz::Asia::Taipei),
];

fn query() -> SlotQuery {
    let cities = ZONES
        .iter()
        .enumerate()
        .map(|(i, (name, zone))| SlotCity::new(Id::from_parts(5, i as u128), *name, *zone))
        .collect();
    SlotQuery::new(cities, 60)
}

fn bench(c: &mut Criterion) {
    let query = query();
    // Four weeks across the EU's switch to summer time (27 March 2022).
    let from = NaiveDate::from_ymd_opt(2022, 3, 14).unwrap();
    let range = DateRange::new(from, from + chrono::Duration::days(27));
    c.bench_function("slots find/28 cities, 4 weeks, 15 min", |b| {
        b.iter(|| find_slots(&query, range, 20).unwrap().best_inside)
    });

    let months: Vec<DateRange> = (1..=12)
        .map(|m| {
            let from = NaiveDate::from_ymd_opt(2022, m, 7).unwrap();
            DateRange::new(from, from + chrono::Duration::days(6))
        })
        .collect();
    c.bench_function("slots series/28 cities, 12 monthly weeks", |b| {
        b.iter(|| plan_series(&query, &months, 1).unwrap().most_outside)
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
