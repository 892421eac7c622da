//! The UI's TypeScript types are generated from the Rust types. This test fails when the files
//! in `ui/src/lib/api/bindings` are stale; `UPDATE_BINDINGS=1 cargo test -p icp-api --test
//! bindings` rewrites them.

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

fn bindings_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/api/bindings")
}

#[test]
fn typescript_bindings_are_fresh() {
    let dir = bindings_dir();
    let update = std::env::var_os("UPDATE_BINDINGS").is_some();
    let expected = icp_api::bindings::all();
    if update {
        fs::create_dir_all(&dir).unwrap();
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "ts") {
                fs::remove_file(path).unwrap();
            }
        }
    }
    let mut stale = Vec::new();
    for (file, text) in &expected {
        let path = dir.join(file);
        if update {
            fs::write(&path, text).unwrap();
        } else if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(file.clone());
        }
    }
    let wanted: BTreeSet<_> = expected.iter().map(|(f, _)| f.clone()).collect();
    let extra: Vec<_> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|f| f.ends_with(".ts") && !wanted.contains(f))
                .collect()
        })
        .unwrap_or_default();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "TypeScript bindings are stale (changed: {stale:?}, no longer generated: {extra:?}); \
         run `UPDATE_BINDINGS=1 cargo test -p icp-api --test bindings` and commit the result"
    );
}
