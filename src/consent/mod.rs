//! The consent logic, as plain Rust: no browser, no Leptos. It decides what each embedded
//! service may do now, from the visitor's stored choice, the clock and the privacy signal.
//!
//! - [`services`]: the third parties the page can embed, and the policy revision.
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
    ConsentRecord, MAX_RECORD_BYTES, RECORD_FIELDS, RecordProblem, SCHEMA_VERSION, STORAGE_KEY,
    StorageError, StoredText,
};
pub use services::{FACEBOOK, INSTAGRAM, LINKEDIN, POLICY, Policy, SERVICES, Service, X, YOUTUBE};
pub use state::{CLOCK_SKEW_MS, Consent, Draft, Permission, asks};

/// Milliseconds since the Unix epoch, as `Date.now()` gives them.
pub type Timestamp = u64;

const DAY_MS: Timestamp = 24 * 60 * 60 * 1000;

/// How long a choice, acceptance or refusal, is kept before the visitor is asked again: six
/// months, as the CNIL recommends at most. The policy's `choice_lifetime`.
pub const CHOICE_LIFETIME_MS: Timestamp = 183 * DAY_MS;

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

#[cfg(test)]
mod tests {
    use super::*;

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
