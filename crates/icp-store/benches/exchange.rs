//! Exchange figures over 100,000 operations: writing the exchange file, importing it into an
//! empty desk (checks, checksum, merge of every record, transactions of 1,000 records) and
//! importing it again (every operation already known). Each is measured ROUNDS times with
//! `Instant` (a fresh empty desk each time) and printed as median, min and max; run with
//!   cargo bench -p icp-store --bench exchange
//! With EXCHANGE_BENCH_FILE set, the exchange file is also written there, for timing the whole
//! `icp-desk exchange import` (scripts/bench-exchange.sh).

use std::time::Instant;

use icp_domain::{CityInput, Programme};
use icp_store::{Store, VersionVector};

/// The app's allocator (src-tauri/src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Seven fields a city: 14,286 cities make 100,002 operations.
const CITIES: usize = 14_286;

fn main() {
    // On the target's disk rather than /tmp, which may be memory: flush must reach a disk.
    let base = std::env::var_os("CARGO_TARGET_DIR").map_or_else(std::env::temp_dir, Into::into);
    let da = tempfile::tempdir_in(&base).unwrap();
    let a = Store::open(da.path()).unwrap();
    let p = Programme::icp_agir();
    let cities: Vec<_> = (0..CITIES)
        .map(|i| {
            CityInput {
                name: format!("City {i} 광주 Łódź"),
                country: "KR".into(),
                time_zone: "Asia/Seoul".into(),
                ..Default::default()
            }
            .validate(&p, a.new_id())
            .unwrap()
        })
        .collect();
    for chunk in cities.chunks(2_000) {
        a.save_many(chunk).unwrap();
    }

    let mut file = Vec::new();
    let mut ops = 0;
    let export = measure(|| {
        file.clear();
        ops = a
            .export_exchange(&mut file, &VersionVector::new(), "Ana Silva")
            .unwrap();
    });
    println!(
        "export {ops} operations ({:.1} MiB compressed): {export}",
        file.len() as f64 / 1048576.0
    );
    if let Some(path) = std::env::var_os("EXCHANGE_BENCH_FILE") {
        std::fs::write(path, &file).unwrap();
    }

    let mut desks = Vec::new();
    let import = measure(|| {
        let dir = tempfile::tempdir_in(&base).unwrap();
        let b = Store::open(dir.path()).unwrap();
        let report = b.import_exchange(&mut file.as_slice()).unwrap();
        assert_eq!(report.merge.new_records, CITIES as u64);
        desks.push((dir, b));
    });
    println!("import into an empty desk: {import}");
    let (_, b) = &desks[0];
    let again = measure(|| {
        let report = b.import_exchange(&mut file.as_slice()).unwrap();
        assert_eq!(report.merge.known_operations, ops);
    });
    println!("import again (all {ops} already known): {again}");
}

const ROUNDS: usize = 5;

/// "median 1.23 s (min 1.10, max 1.40, 5 rounds)".
fn measure(mut run: impl FnMut()) -> String {
    let mut times: Vec<f64> = (0..ROUNDS)
        .map(|_| {
            let t = Instant::now();
            run();
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    format!(
        "median {:.2} s (min {:.2}, max {:.2}, {ROUNDS} rounds)",
        times[ROUNDS / 2],
        times[0],
        times[ROUNDS - 1]
    )
}
