//! Derives the consent policy's version from the policy itself: the first 12 hex digits of
//! the SHA-256 of `consent::services::canonical`, computed here once per build, never by the
//! visitor's browser. Also finds, in the ledger `policy/versions.md`, the day that version
//! came into force.

use std::path::Path;

use sha2::{Digest, Sha256};

/// What `src/consent/services.rs` takes from its parent module.
#[allow(dead_code)]
type Timestamp = u64;

#[allow(dead_code)]
#[path = "src/consent/services.rs"]
mod services;

/// The ledger of versions, a Markdown table: `| version | in force from | what changed |`.
const LEDGER: &str = "policy/versions.md";

fn main() {
    println!("cargo::rerun-if-changed=src/consent/services.rs");
    println!("cargo::rerun-if-changed={LEDGER}");
    let canonical = services::canonical(services::SERVICES, services::CHOICE_LIFETIME_MS);
    let version: String = Sha256::digest(canonical.as_bytes())
        .iter()
        .take(6)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let ledger = std::fs::read_to_string(LEDGER).unwrap_or_default();
    let since = ledger
        .lines()
        .filter_map(|line| {
            let cells: Vec<_> = line
                .trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            (cells.len() == 3 && cells[0] == version).then(|| cells[1].to_owned())
        })
        .next()
        .unwrap_or_default();
    let out = std::env::var("OUT_DIR").unwrap_or_default();
    for (file, value) in [("policy_version.rs", version), ("policy_since.rs", since)] {
        if let Err(error) = std::fs::write(Path::new(&out).join(file), format!("{value:?}")) {
            panic!("build.rs: cannot write {file} in {out}: {error}");
        }
    }
}
