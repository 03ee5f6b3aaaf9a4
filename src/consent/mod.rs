//! The consent logic, as plain Rust: no browser, no Leptos. It decides what each embedded
//! service may do now, from the visitor's stored choice, the clock and the privacy signal.
//!
//! - [`services`]: what the visitor is asked to agree to: the third parties the page can
//!   embed, the choice's lifetime, the sentences; [`POLICY`], the policy in force, whose
//!   version `build.rs` derives from them.
//! - [`record`]: the JSON record kept in `localStorage`, and how it is read.
//! - [`state`]: the choice in force during a page view, and the rule that says whether to
//!   ask the visitor.
//! - [`decision`]: what the visitor decides, and what they did before the app ran.

pub mod decision;
pub mod record;
pub mod services;
pub mod state;

pub use decision::{Decision, EarlyActions};
pub use record::{
    ConsentRecord, MAX_RECORD_BYTES, RECEIPT_PATH, RECORD_FIELDS, Receipt, RecordProblem,
    SCHEMA_VERSION, STORAGE_KEY, StorageError, StoredText,
};
pub use services::{
    BANNER_TEXT, CHOICE_LIFETIME_MS, FACEBOOK, INSTAGRAM, LINKEDIN, Policy, SERVICES,
    SETTINGS_TEXT, Service, X, YOUTUBE, canonical,
};
pub use state::{CLOCK_SKEW_MS, Consent, Draft, Permission, asks};

/// Milliseconds since the Unix epoch, as `Date.now()` gives them.
pub type Timestamp = u64;

const DAY_MS: Timestamp = 24 * 60 * 60 * 1000;

/// How long the server should keep a receipt past the lifetime of the choice it proves: a
/// year, to answer a question about a choice made at the end of its lifetime. The cookie
/// page says so; the README says how to rotate the log.
pub const RECEIPT_KEPT_AFTER_MS: Timestamp = 365 * DAY_MS;

/// The policy in force: its version derived from its facts at build time (`build.rs`).
pub const POLICY: Policy = Policy {
    version: POLICY_VERSION,
    services: SERVICES,
    choice_lifetime: CHOICE_LIFETIME_MS,
};

/// The first 12 hex digits of the SHA-256 of [`canonical`] for the policy in force.
pub const POLICY_VERSION: &str = include!(concat!(env!("OUT_DIR"), "/policy_version.rs"));

/// The day that version came into force, from the ledger `policy/versions.md` (empty if the
/// ledger does not list it yet: a host test then fails, saying what to add).
pub const POLICY_SINCE: &str = include!(concat!(env!("OUT_DIR"), "/policy_since.rs"));

/// A length of time as the visitor reads it, from whole days: « 183 jours (environ 6 mois) ».
/// The pages say how long a choice is kept through this, never in words typed by hand.
pub fn duration_in_words(duration: Timestamp) -> String {
    let days = duration / DAY_MS;
    let plural = if days > 1 { "s" } else { "" };
    // Months of 365 / 12 days, rounded to the nearest.
    let months = (days * 12 + 365 / 2) / 365;
    if months == 0 {
        format!("{days}\u{a0}jour{plural}")
    } else {
        format!("{days}\u{a0}jour{plural} (environ {months}\u{a0}mois)")
    }
}

/// A day written `YYYY-MM-DD` as a French reader reads it: « 30 novembre 2026 »; any other
/// text as it is.
pub fn date_in_words(day: &str) -> String {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let mut parts = day.splitn(3, '-').map(str::parse::<usize>);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(year)), Some(Ok(month @ 1..=12)), Some(Ok(day @ 1..=31))) => {
            let day = if day == 1 {
                "1er".to_owned()
            } else {
                day.to_string()
            };
            format!("{day}\u{a0}{}\u{a0}{year}", MONTHS[month - 1])
        }
        _ => day.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_in_french() {
        assert_eq!(date_in_words("2026-11-30"), "30\u{a0}novembre\u{a0}2026");
        assert_eq!(date_in_words("2027-01-01"), "1er\u{a0}janvier\u{a0}2027");
        assert_eq!(date_in_words(""), "");
        assert_eq!(date_in_words("2026-13-01"), "2026-13-01");
    }

    #[test]
    fn durations_read_in_days_and_months() {
        assert_eq!(
            duration_in_words(CHOICE_LIFETIME_MS),
            "183\u{a0}jours (environ 6\u{a0}mois)"
        );
        assert_eq!(
            duration_in_words(395 * DAY_MS),
            "395\u{a0}jours (environ 13\u{a0}mois)"
        );
        assert_eq!(duration_in_words(DAY_MS), "1\u{a0}jour");
        assert_eq!(duration_in_words(7 * DAY_MS), "7\u{a0}jours");
    }
}
