//! Reading a printed PDF back as a person's tools would: the fonts the tests print with, the
//! poppler tools, and text compared without the white space wrapping adds.
#![allow(dead_code)] // each test binary uses some of these

use std::process::Command;
use std::sync::OnceLock;

use icp_print::FontSet;

pub fn fonts() -> &'static FontSet {
    static SET: OnceLock<FontSet> = OnceLock::new();
    SET.get_or_init(|| match FontSet::from_system() {
        Ok(set) => set,
        Err(e) => panic!("the print tests need the Noto fonts: {e}"),
    })
}

/// A tool's standard output; the test fails with its error output if it fails.
pub fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} did not run ({e}): poppler-utils and qpdf are needed"));
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text with all white space removed: Korean and Chinese come back with spaces wherever
/// a line wrapped.
pub fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Runs of blanks collapsed, as `pdftotext -layout` spaces its columns.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
