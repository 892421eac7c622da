//! Exchange figures over 100,000 operations: writing the exchange file, importing it into an
//! empty desk (checks, checksum, merge of every record, one transaction) and importing it again
//! (every operation already known). Measured once each with `Instant`, printed; run with
//!   cargo bench -p icp-store --bench exchange

use std::time::Instant;

use icp_domain::{CityInput, Programme};
use icp_store::{Store, VersionVector};

/// Seven fields a city: 14,286 cities make 100,002 operations.
const CITIES: usize = 14_286;

fn main() {
    // On the target's disk rather than /tmp, which may be memory: flush must reach a disk.
    let base = std::env::var_os("CARGO_TARGET_DIR").map_or_else(std::env::temp_dir, Into::into);
    let (da, db) = (
        tempfile::tempdir_in(&base).unwrap(),
        tempfile::tempdir_in(&base).unwrap(),
    );
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

    let t = Instant::now();
    let mut file = Vec::new();
    let ops = a
        .export_exchange(&mut file, &VersionVector::new(), "Ana Silva")
        .unwrap();
    println!(
        "export {ops} operations: {:.2} s, {:.1} MiB compressed",
        t.elapsed().as_secs_f64(),
        file.len() as f64 / 1048576.0
    );

    let b = Store::open(db.path()).unwrap();
    let t = Instant::now();
    let report = b.import_exchange(&mut file.as_slice()).unwrap();
    println!(
        "import into an empty desk: {:.2} s ({} new records)",
        t.elapsed().as_secs_f64(),
        report.merge.new_records
    );
    let t = Instant::now();
    let again = b.import_exchange(&mut file.as_slice()).unwrap();
    println!(
        "import again (all {} already known): {:.2} s",
        again.merge.known_operations,
        t.elapsed().as_secs_f64()
    );
}
