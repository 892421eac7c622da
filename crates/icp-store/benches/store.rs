//! Store figures over 100,000 cities: durable save, get by id, and a page of 100 in order.
//! Run with `cargo bench -p icp-store`.

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use icp_domain::{City, CityInput, Programme};
use icp_store::Store;
use rand::Rng;

const PREFILL: usize = 100_000;
const CHUNK: usize = 1_000;

fn city(store: &Store, p: &Programme, i: usize) -> City {
    let (country, zone) = [
        ("KR", "Asia/Seoul"),
        ("TW", "Asia/Taipei"),
        ("DE", "Europe/Berlin"),
        ("PL", "Europe/Warsaw"),
    ][i % 4];
    CityInput {
        name: format!("City {i}"),
        country: country.into(),
        time_zone: zone.into(),
        ..Default::default()
    }
    .validate(p, store.new_id())
    .expect("a valid city")
}

struct Fixture {
    // Kept so the folder lives as long as the store.
    _dir: tempfile::TempDir,
    store: Store,
    ids: Vec<icp_domain::Id>,
    programme: Programme,
}

fn fixture() -> Fixture {
    // On the target's disk rather than /tmp, which may be memory: flush must reach a disk.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir");
    let store = Store::open(dir.path()).expect("open");
    let programme = Programme::icp_agir();
    let started = Instant::now();
    let mut ids = Vec::with_capacity(PREFILL);
    for start in (0..PREFILL).step_by(CHUNK) {
        let chunk: Vec<City> = (start..start + CHUNK)
            .map(|i| city(&store, &programme, i))
            .collect();
        ids.extend(chunk.iter().map(|c| c.id));
        store.save_many(&chunk).expect("prefill");
    }
    eprintln!("prefilled {PREFILL} cities in {:.1?}", started.elapsed());
    Fixture {
        _dir: dir,
        store,
        ids,
        programme,
    }
}

fn percentiles(f: &Fixture) {
    let mut times = Vec::with_capacity(1_000);
    for i in 0..1_000 {
        let c = city(&f.store, &f.programme, PREFILL + i);
        let t = Instant::now();
        f.store.save(&c).expect("save");
        times.push(t.elapsed());
    }
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    eprintln!(
        "durable save, 1,000 new cities over {PREFILL}: p50 {:.3?}  p99 {:.3?}  max {:.3?}",
        at(0.50),
        at(0.99),
        times[times.len() - 1]
    );
}

fn benches(c: &mut Criterion) {
    let f = fixture();
    percentiles(&f);
    let mut rng = rand::thread_rng();
    let mut n = PREFILL + 1_000;

    c.bench_function("save (durable, new city)", |b| {
        b.iter_batched(
            || {
                n += 1;
                city(&f.store, &f.programme, n)
            },
            |c| f.store.save(&c).expect("save"),
            BatchSize::SmallInput,
        )
    });
    c.bench_function("get by id", |b| {
        b.iter_batched(
            || f.ids[rng.gen_range(0..f.ids.len())],
            |id| f.store.get::<City>(id).expect("get").expect("present"),
            BatchSize::SmallInput,
        )
    });
    c.bench_function("list 100 from a random id", |b| {
        b.iter_batched(
            || f.ids[rng.gen_range(0..f.ids.len() - 200)],
            |id| {
                let page = f.store.list::<City>(Some(id), 100).expect("list");
                assert_eq!(page.len(), 100);
                page
            },
            BatchSize::SmallInput,
        )
    });
}

criterion_group! {
    name = store;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    targets = benches
}
criterion_main!(store);
