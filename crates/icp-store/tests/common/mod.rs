#![allow(dead_code)]

use icp_domain::{City, CityInput, Programme};
use icp_store::Store;

pub fn city(store: &Store, name: &str, country: &str, zone: &str) -> City {
    CityInput {
        name: name.into(),
        country: country.into(),
        time_zone: zone.into(),
        ..Default::default()
    }
    .validate(&Programme::icp_agir(), store.new_id())
    .expect("a valid city")
}

pub fn gwangju(store: &Store) -> City {
    city(store, "Gwangju", "KR", "Asia/Seoul")
}

/// Every file of a folder with its bytes, to prove that something left it untouched.
pub fn snapshot(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}
