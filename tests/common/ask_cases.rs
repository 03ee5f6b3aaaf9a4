//! One table of cases for the rule "ask this visitor now": the app's (`consent::asks`, on
//! the host, `tests/ask_rule.rs`) and the start-up script's (`src/startup.js`, in Chromium,
//! `tests/browser_startup.rs`) run on every row, so a row added here is added to both.

use raison_etre::consent::{Consent, POLICY, SERVICES, Timestamp};
use serde_json::json;

/// The moment every case is judged at.
pub const NOW: Timestamp = 1_790_000_000_000;
const DAY: Timestamp = 24 * 60 * 60 * 1000;

/// What the browser's storage gives.
pub enum Stored {
    /// The browser refuses `localStorage` to the page.
    Blocked,
    /// Nothing under the key.
    Nothing,
    /// This text under the key.
    Text(String),
}

pub struct AskCase {
    pub name: &'static str,
    pub stored: Stored,
    pub privacy_signal: bool,
    /// Whether the visitor is asked.
    pub asks: bool,
}

/// A record as the app writes it: every service decided `allowed`, at `decided_at`.
fn decided(allowed: bool, decided_at: Timestamp) -> serde_json::Value {
    let mut consent = Consent::new(POLICY, false);
    consent.decide_all(allowed, decided_at);
    serde_json::to_value(consent.record()).expect("a record is JSON")
}

/// `record` with `field` set to `value` (`None`: removed).
fn with(mut record: serde_json::Value, field: &str, value: Option<serde_json::Value>) -> String {
    let fields = record.as_object_mut().expect("a record is an object");
    match value {
        Some(value) => fields.insert(field.to_owned(), value),
        None => fields.remove(field),
    };
    record.to_string()
}

/// `record` with `field` set to `value`, as a value.
fn with_json(record: String, field: &str, value: serde_json::Value) -> serde_json::Value {
    let mut record: serde_json::Value = serde_json::from_str(&record).expect("JSON");
    record[field] = value;
    record
}

fn text(value: impl ToString) -> Stored {
    Stored::Text(value.to_string())
}

pub fn ask_cases() -> Vec<AskCase> {
    let case = |name, stored, privacy_signal, asks| AskCase {
        name,
        stored,
        privacy_signal,
        asks,
    };
    let lifetime = POLICY.choice_lifetime;
    let fresh = decided(true, NOW - DAY);
    let some_services = {
        let mut consent = Consent::new(POLICY, false);
        consent.decide(&SERVICES[0], true, NOW - DAY);
        serde_json::to_string(&consent.record()).expect("JSON")
    };
    let mut choices_and_more = decided(false, NOW - DAY);
    choices_and_more["choices"]["myspace"] = json!(true);
    choices_and_more["comment"] = json!("fields it does not know are ignored");
    // Today's acceptance with one field changed (`None`: removed).
    let altered = |field: &str, value: Option<serde_json::Value>| {
        Stored::Text(with(fresh.clone(), field, value))
    };
    // Shorter than the limit in UTF-16 code units (JavaScript's length), longer in bytes.
    let wide = with(
        decided(true, NOW - DAY),
        "pad",
        Some(json!("é".repeat(1100))),
    );
    vec![
        case("nothing stored", Stored::Nothing, false, true),
        case("all accepted a day ago", text(&fresh), false, false),
        case(
            "all refused a day ago",
            text(decided(false, NOW - DAY)),
            false,
            false,
        ),
        case(
            "refused, and one service the policy no longer lists",
            text(&choices_and_more),
            false,
            false,
        ),
        case(
            "only some services decided (others added since)",
            Stored::Text(some_services),
            false,
            true,
        ),
        case(
            "expired: decided a lifetime ago",
            text(decided(true, NOW - lifetime)),
            false,
            true,
        ),
        case(
            "expires in a millisecond",
            text(decided(true, NOW - lifetime + 1)),
            false,
            false,
        ),
        case(
            "an expiry stretched past the policy's lifetime",
            Stored::Text(with(
                decided(true, NOW - lifetime),
                "expiresAt",
                Some(json!(NOW + DAY)),
            )),
            false,
            true,
        ),
        case(
            "an expiry before its date",
            Stored::Text(with(
                decided(true, NOW - DAY),
                "expiresAt",
                Some(json!(NOW - 2 * DAY)),
            )),
            false,
            true,
        ),
        case(
            "dated an hour ahead",
            text(decided(true, NOW + 60 * 60 * 1000)),
            false,
            true,
        ),
        case(
            "dated a minute ahead (clock skew)",
            text(decided(true, NOW + 60 * 1000)),
            false,
            false,
        ),
        case(
            "another policy version",
            altered("policy", Some(json!("0123456789ab"))),
            false,
            true,
        ),
        case("no policy version", altered("policy", None), false, true),
        case(
            "the old numeric revision (schema 1)",
            Stored::Text(with(
                with_json(with(fresh.clone(), "policy", None), "revision", json!(1)),
                "schema",
                Some(json!(1)),
            )),
            false,
            true,
        ),
        case(
            "another schema",
            altered("schema", Some(json!(3))),
            false,
            true,
        ),
        case("no schema", altered("schema", None), false, true),
        case("no expiry", altered("expiresAt", None), false, true),
        case("no receipt id", altered("receiptId", None), false, true),
        case("no choices", altered("choices", None), false, true),
        case(
            "a choice that is not a boolean",
            altered("choices", Some(json!({"youtube": "oui"}))),
            false,
            true,
        ),
        case(
            "a negative date",
            altered("decidedAt", Some(json!(-5))),
            false,
            true,
        ),
        case(
            "a fractional date",
            altered("decidedAt", Some(json!(NOW as f64 - 0.5))),
            false,
            true,
        ),
        case(
            "a date in words",
            altered("decidedAt", Some(json!("hier"))),
            false,
            true,
        ),
        case("corrupted JSON", text("{\"schema\":1,"), false, true),
        case("empty text", text(""), false, true),
        case("JSON null", text("null"), false, true),
        case("a JSON array", text("[1,2]"), false, true),
        case("a JSON string", text("\"oui\""), false, true),
        case(
            "too large",
            altered("pad", Some(json!("x".repeat(4096)))),
            false,
            true,
        ),
        case(
            "too large in bytes, not in characters",
            Stored::Text(wide),
            false,
            true,
        ),
        case("storage blocked", Stored::Blocked, false, true),
        case(
            "Global Privacy Control, nothing stored",
            Stored::Nothing,
            true,
            false,
        ),
        case(
            "Global Privacy Control, storage blocked",
            Stored::Blocked,
            true,
            false,
        ),
        case(
            "Global Privacy Control, expired",
            text(decided(true, NOW - lifetime)),
            true,
            false,
        ),
        case(
            "Global Privacy Control, all accepted",
            text(&fresh),
            true,
            false,
        ),
    ]
}
