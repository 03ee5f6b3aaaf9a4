//! Reads the policy in force from its ledger, `policy/versions.md`: the version and the day
//! of its last row, which the app compiles in (`consent::POLICY_VERSION`, `POLICY_SINCE`).
//! The ledger is the one place a version is declared; the host test
//! `tests/policy_version.rs` proves it is the fingerprint of the policy's facts, and names the
//! row to add when they change.

use std::path::Path;

/// The ledger of versions, a Markdown table: `| version | in force from | what changed |`.
const LEDGER: &str = "policy/versions.md";

fn main() {
    println!("cargo::rerun-if-changed={LEDGER}");
    let ledger = std::fs::read_to_string(LEDGER)
        .unwrap_or_else(|error| panic!("build.rs: cannot read {LEDGER}: {error}"));
    let (version, since) = ledger
        .lines()
        .rev()
        .find_map(|line| {
            let cells: Vec<_> = line
                .trim()
                .strip_prefix('|')?
                .strip_suffix('|')?
                .split('|')
                .map(str::trim)
                .collect();
            let [version, since, _] = cells.as_slice() else {
                return None;
            };
            let is_version = !version.is_empty() && version.bytes().all(|b| b.is_ascii_hexdigit());
            is_version.then(|| ((*version).to_owned(), (*since).to_owned()))
        })
        .unwrap_or_else(|| panic!("build.rs: {LEDGER} dates no version"));
    let out = std::env::var("OUT_DIR").unwrap_or_default();
    for (file, value) in [("policy_version.rs", version), ("policy_since.rs", since)] {
        if let Err(error) = std::fs::write(Path::new(&out).join(file), format!("{value:?}")) {
            panic!("build.rs: cannot write {file} in {out}: {error}");
        }
    }
}
