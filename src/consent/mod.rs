//! The consent logic, as plain Rust: no browser, no Leptos. It decides what each embedded
//! service may do now, from the visitor's stored choice, the clock and the privacy signal.
//!
//! - [`services`]: what the visitor is asked to agree to: the third parties the page can
//!   embed and who receives their data, the choice's lifetime, the sentences; [`POLICY`],
//!   the policy in force, whose version is their fingerprint.
//! - [`controller`]: who asks, how to reach them, on what basis, where to complain.
//! - [`record`]: the JSON record kept in `localStorage`, and how it is read.
//! - [`state`]: the choice in force during a page view, and the rule that says whether to
//!   ask the visitor.
//! - [`decision`]: what the visitor decides, and what they did before the app ran.

pub mod controller;
pub mod decision;
pub mod record;
pub mod services;
pub mod state;

pub use controller::{CONTROLLER, Controller, LEGAL_BASIS};
pub use decision::{Decision, EarlyActions};
pub use record::{
    ConsentRecord, MAX_RECORD_BYTES, RECEIPT_ID_BYTES, RECEIPT_PATH, RECORD_FIELDS, Receipt,
    RecordProblem, SCHEMA_VERSION, STORAGE_KEY, StorageError, StoredText,
};
// The services themselves are named by their module (`consent::services::YOUTUBE`), so
// that adding one touches `services.rs` alone.
pub use services::{
    BANNER_TEXT, CHOICE_LIFETIME_MS, Policy, SERVICES, SETTINGS_TEXT, Service, VERSION_HEX_DIGITS,
    canonical,
};
pub use state::{CLOCK_SKEW_MS, Consent, Draft, Permission, asks};

/// Milliseconds since the Unix epoch, as `Date.now()` gives them.
pub type Timestamp = u64;

/// A day, in the unit of [`Timestamp`].
pub const DAY_MS: Timestamp = 24 * 60 * 60 * 1000;

/// How long the server should keep a receipt past the lifetime of the choice it proves: a
/// year, to answer a question about a choice made at the end of its lifetime. The cookie
/// page says so; deploy/logrotate.conf keeps the log that long (docs/deployment.md).
pub const RECEIPT_KEPT_AFTER_MS: Timestamp = 365 * DAY_MS;

/// The policy in force, with the version its ledger dates last (`build.rs`).
pub const POLICY: Policy = Policy {
    version: POLICY_VERSION,
    services: SERVICES,
    choice_lifetime: CHOICE_LIFETIME_MS,
};

/// The version in force: the last row of `policy/versions.md`, which `tests/policy_version.rs`
/// proves is the first 12 hex digits of the SHA-256 of [`canonical`] for these facts.
pub const POLICY_VERSION: &str = include!(concat!(env!("OUT_DIR"), "/policy_version.rs"));

/// The day that version came into force, from the same row of the ledger.
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
    let mut parts = day.splitn(3, '-').map(str::parse::<u32>);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(year)), Some(Ok(month @ 1..=12)), Some(Ok(day @ 1..=31))) => {
            day_in_words(i64::from(year), month, day)
        }
        _ => day.to_owned(),
    }
}

/// A moment as a French reader reads it on their own clock, `utc_offset_minutes` ahead of
/// UTC at that moment: « 27 novembre 2026 à 22:10 ». Computed here rather than by the
/// browser's `Intl`, whose first use costs a phone tens of milliseconds in the task that
/// applies the visitor's first decision.
pub fn moment_in_words(timestamp: Timestamp, utc_offset_minutes: i64) -> String {
    const DAY: i64 = DAY_MS as i64;
    // Milliseconds since 1970 fit an i64 for 292 million years.
    let local = timestamp as i64 + utc_offset_minutes * 60_000;
    let (year, month, day) = civil_from_days(local.div_euclid(DAY));
    let minutes = local.rem_euclid(DAY) / 60_000;
    format!(
        "{} à {:02}:{:02}",
        day_in_words(year, month, day),
        minutes / 60,
        minutes % 60
    )
}

/// « 1er\u{a0}janvier\u{a0}2027 », « 30\u{a0}novembre\u{a0}2026 ».
fn day_in_words(year: i64, month: u32, day: u32) -> String {
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
    let month = MONTHS[(month.clamp(1, 12) - 1) as usize];
    if day == 1 {
        format!("1er\u{a0}{month}\u{a0}{year}")
    } else {
        format!("{day}\u{a0}{month}\u{a0}{year}")
    }
}

/// The Gregorian year, month and day of a day counted from 1970-01-01: Howard Hinnant's
/// `civil_from_days` (<https://howardhinnant.github.io/date_algorithms.html>).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Both are within 1..=31 and 1..=12 by construction.
    (year, month as u32, day as u32)
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
    fn moments_read_in_french_on_the_visitor_s_clock() {
        let cases = [
            // 2026-11-27T21:10Z in Paris (UTC+1).
            (1_795_813_800_000, 60, "27 novembre 2026 à 22:10"),
            (0, 0, "1er janvier 1970 à 00:00"),
            // 2026-12-31T23:30Z: already next year in Paris, still this one in New York.
            (1_798_759_800_000, 60, "1er janvier 2027 à 00:30"),
            (1_798_759_800_000, -300, "31 décembre 2026 à 18:30"),
            // 2027-01-01T02:00Z in New York (UTC-5).
            (1_798_768_800_000, -300, "31 décembre 2026 à 21:00"),
            // A leap day, and 2100, which is not a leap year.
            (1_709_208_000_000, 0, "29 février 2024 à 12:00"),
            (4_107_538_800_000, 0, "28 février 2100 à 23:00"),
            (4_107_538_800_000, 120, "1er mars 2100 à 01:00"),
            // The last day of a 400-year era of the calendar, and the first of the next.
            (951_825_600_000, 0, "29 février 2000 à 12:00"),
            (951_868_800_000, 0, "1er mars 2000 à 00:00"),
        ];
        for (timestamp, offset, expected) in cases {
            assert_eq!(
                moment_in_words(timestamp, offset).replace('\u{a0}', " "),
                expected,
                "{timestamp} at UTC{offset:+} min"
            );
        }
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
