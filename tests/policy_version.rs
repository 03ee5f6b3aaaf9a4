//! The policy's version: derived from the policy, pinned today, changed by every fact, and
//! dated in the ledger `policy/versions.md` before it ships.
#![cfg(not(target_arch = "wasm32"))]

use raison_etre::consent::{
    CHOICE_LIFETIME_MS, CONTROLLER, LEGAL_BASIS, POLICY, POLICY_SINCE, POLICY_VERSION, SERVICES,
    Service, VERSION_HEX_DIGITS, canonical,
};
use sha2::{Digest, Sha256};

/// The version of a canonical text: what `policy/versions.md` must date.
fn version_of(canonical: &str) -> String {
    Sha256::digest(canonical.as_bytes())
        .iter()
        .take(VERSION_HEX_DIGITS / 2)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

const LEDGER: &str = include_str!("../policy/versions.md");

/// The ledger's rows: (version, day, what changed).
fn ledger() -> Vec<(String, String, String)> {
    LEDGER
        .lines()
        .filter_map(|line| {
            let cells: Vec<_> = line
                .trim()
                .strip_prefix('|')?
                .strip_suffix('|')?
                .split('|')
                .map(str::trim)
                .collect();
            let [version, day, what] = cells.as_slice() else {
                return None;
            };
            let is_version = !version.is_empty() && version.bytes().all(|b| b.is_ascii_hexdigit());
            is_version.then(|| ((*version).to_owned(), (*day).to_owned(), (*what).to_owned()))
        })
        .collect()
}

#[test]
fn the_version_is_derived_from_the_policy_and_pinned_today() {
    let derived = version_of(&canonical(SERVICES, CHOICE_LIFETIME_MS));
    assert_eq!(POLICY.version, POLICY_VERSION);
    assert!(
        POLICY_VERSION == derived,
        "the policy's facts changed: its version is now {derived}. Add, at the end of \
         policy/versions.md,\n| {derived} | YYYY-MM-DD (the day it goes live) | what changed, in one line |\n\
         then pin it below."
    );
    // Today's policy, on every platform and build. A new value here means the policy
    // changed: date it in policy/versions.md (the next test says how), then pin it here.
    assert_eq!(POLICY_VERSION, "89b8144e8884");
}

#[test]
fn every_fact_of_the_policy_changes_the_version_and_nothing_else_does() {
    let today = version_of(&canonical(SERVICES, CHOICE_LIFETIME_MS));
    let changed = |edit: fn(&mut Service)| {
        let mut services = SERVICES.to_vec();
        edit(&mut services[1]);
        version_of(&canonical(&services, CHOICE_LIFETIME_MS))
    };
    let edits: [fn(&mut Service); 8] = [
        |s| s.id = "twitter",
        |s| s.name = "X",
        |s| s.purpose = "Publications de X.",
        |s| s.privacy_policy = "https://x.com/privacy",
        |s| s.recipient = "X Corp.",
        |s| s.recipient_group = "X Holdings Corp.",
        |s| s.transferred_to = "en Irlande",
        |s| s.frame_origin = "https://x.com",
    ];
    for edit in edits {
        assert_ne!(changed(edit), today);
    }
    assert_ne!(
        version_of(&canonical(SERVICES, CHOICE_LIFETIME_MS - 1)),
        today,
        "the lifetime"
    );
    assert_ne!(
        version_of(&canonical(&SERVICES[..4], CHOICE_LIFETIME_MS)),
        today,
        "a service less"
    );
    let mut reordered = SERVICES.to_vec();
    reordered.swap(0, 1);
    assert_ne!(
        version_of(&canonical(&reordered, CHOICE_LIFETIME_MS)),
        today,
        "the order shown"
    );
    // Who asks and on what basis are facts of every version, each on its own line.
    let text = canonical(SERVICES, CHOICE_LIFETIME_MS);
    for (name, value) in CONTROLLER.facts() {
        assert!(
            text.contains(&format!("\ncontroller.{name} {value}\n")),
            "{name}"
        );
    }
    assert!(text.contains(&format!("\nlegal-basis {LEGAL_BASIS}\n")));
    // What the visitor is not asked about (the frame's sandbox, its feature list) is not
    // part of it, nor is how the source is written: only the values count.
    assert_eq!(changed(|s| s.sandbox = "allow-scripts"), today);
    assert_eq!(changed(|s| s.allow = "fullscreen"), today);
    assert!(
        canonical(SERVICES, CHOICE_LIFETIME_MS)
            .lines()
            .all(|line| !line.contains('\t'))
    );
}

#[test]
fn the_ledger_dates_each_version_once_in_order() {
    let rows = ledger();
    assert_eq!(
        rows.last()
            .map(|(version, day, _)| (version.as_str(), day.as_str())),
        Some((POLICY_VERSION, POLICY_SINCE)),
        "the build takes the version in force from the ledger's last row"
    );
    for (version, day, what) in &rows {
        let digits: Vec<_> = day.split('-').collect();
        assert!(
            digits.len() == 3 && digits.iter().all(|d| d.parse::<u32>().is_ok()),
            "{version}: a day as YYYY-MM-DD, not {day:?}"
        );
        assert!(!what.is_empty(), "{version}: say what changed");
    }
    for pair in rows.windows(2) {
        assert!(pair[0].1 <= pair[1].1, "dated in order: {pair:?}");
        assert_ne!(pair[0].0, pair[1].0, "each version once");
    }
}

#[test]
fn the_published_policy_says_what_the_version_is_the_fingerprint_of() {
    use raison_etre::site::document::PublishedPolicy;
    let published: serde_json::Value =
        serde_json::from_str(&PublishedPolicy::of(POLICY).to_json()).expect("JSON");
    assert_eq!(published["version"], POLICY_VERSION);
    assert_eq!(published["inForceFrom"], POLICY_SINCE);
    let canonical = published["canonical"].as_str().expect("the canonical text");
    assert_eq!(
        version_of(canonical),
        POLICY_VERSION,
        "anyone can compute it again"
    );
    let ids: Vec<_> = published["services"]
        .as_array()
        .expect("services")
        .iter()
        .map(|service| service["id"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(ids, SERVICES.iter().map(|s| s.id).collect::<Vec<_>>());
    assert_eq!(published["choiceLifetimeMs"], CHOICE_LIFETIME_MS);
}
