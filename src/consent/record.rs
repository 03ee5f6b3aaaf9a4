//! The record of the visitor's choice, as kept in `localStorage` under [`STORAGE_KEY`]:
//!
//! ```json
//! {"schema":2,"policy":"1f6c0a2b9e4d","decidedAt":1764280000000,"expiresAt":1780091200000,
//!  "choices":{"youtube":true,"x":false,"instagram":false,"facebook":false,"linkedin":false}}
//! ```
//!
//! It is the proof of consent the CNIL asks for (which policy version, what was chosen,
//! when) and needs no consent itself. Reading it never panics: anything else than a record
//! of this schema comes back as a [`RecordProblem`]; fields it does not know are ignored.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::Timestamp;

/// The one `localStorage` key this app writes. No other key is ever read or written.
pub const STORAGE_KEY: &str = "telecom-paris:consent";

/// The version of the record's shape. A record of another schema is not read: schema 1
/// named the policy by a number bumped by hand, and its choices are asked again.
pub const SCHEMA_VERSION: u32 = 2;

/// A record longer than this is not parsed: ours are a small fraction of it, so only
/// something else's value under our key reaches it.
pub const MAX_RECORD_BYTES: usize = 2048;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsentRecord {
    /// [`SCHEMA_VERSION`] when written.
    pub schema: u32,
    /// The policy version the visitor answered (`Policy::version`).
    pub policy: String,
    /// When the choice was made.
    pub decided_at: Timestamp,
    /// When it stops counting and the visitor is asked again.
    pub expires_at: Timestamp,
    /// Service id to whether it is allowed. (A HashMap: its code is in the wasm already, for
    /// Leptos; a BTreeMap would add its own.)
    pub choices: HashMap<String, bool>,
    /// Drawn at random at each decision: names the visitor's receipt, and the server's copy
    /// of it, and nothing else.
    pub receipt_id: String,
}

/// What the app sends the site's own server at each decision, for it to keep: the record
/// without what says nothing of the choice. Nothing in it identifies the visitor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Receipt<'a> {
    pub receipt_id: &'a str,
    pub policy: &'a str,
    pub decided_at: Timestamp,
    pub choices: &'a HashMap<String, bool>,
}

impl ConsentRecord {
    /// The server's copy of this record.
    pub fn receipt(&self) -> Receipt<'_> {
        Receipt {
            receipt_id: &self.receipt_id,
            policy: &self.policy,
            decided_at: self.decided_at,
            choices: &self.choices,
        }
    }
}

/// How many random bytes name a receipt: written as twice as many hex digits.
pub const RECEIPT_ID_BYTES: usize = 16;

/// Where the app sends each [`Receipt`]: a path of the site's own origin
/// (`site::nginx` answers it).
pub const RECEIPT_PATH: &str = "/consent/receipt";

/// The record's fields as stored, each with what it means to the visitor, for the page that
/// tells what this site keeps in the browser. A test checks they are the fields serde writes.
pub const RECORD_FIELDS: &[(&str, &str)] = &[
    ("schema", "la version de ce format"),
    (
        "policy",
        "la version de la politique (services, usages, durée) à laquelle vous avez répondu",
    ),
    ("decidedAt", "la date et l’heure de votre choix"),
    (
        "expiresAt",
        "quand ce choix cessera de valoir et vous sera redemandé",
    ),
    (
        "choices",
        "pour chaque service, s’il est autorisé ou refusé",
    ),
    (
        "receiptId",
        "un numéro tiré au hasard à chaque choix, qui ne dit rien de vous\u{a0}: celui de votre reçu",
    ),
];

/// Why a stored value is not taken as the visitor's choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordProblem {
    TooLarge { bytes: usize },
    Malformed,
    OtherSchema(Option<u32>),
    OtherPolicy { found: String, current: String },
    FromTheFuture,
    BadExpiry,
    Expired,
}

impl fmt::Display for RecordProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge { bytes } => write!(f, "the stored value is too large ({bytes} bytes)"),
            Self::Malformed => write!(f, "the stored value is not a consent record"),
            Self::OtherSchema(Some(found)) => {
                write!(f, "the record has schema {found}, not {SCHEMA_VERSION}")
            }
            Self::OtherSchema(None) => write!(f, "the record has no schema version"),
            Self::OtherPolicy { found, current } => {
                write!(
                    f,
                    "the record answers policy version {found}; the policy is now {current}"
                )
            }
            Self::FromTheFuture => write!(f, "the record is dated in the future"),
            Self::BadExpiry => write!(f, "the record expires before it was made"),
            Self::Expired => write!(f, "the record has expired"),
        }
    }
}

/// Only the schema, so that a record of another shape is told apart from garbage.
#[derive(Deserialize)]
struct Versioned {
    schema: Option<u32>,
}

impl ConsentRecord {
    /// Reads a stored value once: its size, then its JSON and schema. What the record says
    /// is checked against the policy and the clock by [`super::Consent::restore`].
    pub fn parse(raw: &str) -> Result<Self, RecordProblem> {
        if raw.len() > MAX_RECORD_BYTES {
            return Err(RecordProblem::TooLarge { bytes: raw.len() });
        }
        match serde_json::from_str::<Self>(raw) {
            Ok(record) if record.schema == SCHEMA_VERSION => Ok(record),
            // Only on the rare value that is not a record of ours: what it is instead.
            _ => Err(match serde_json::from_str::<Versioned>(raw) {
                Ok(Versioned {
                    schema: Some(SCHEMA_VERSION),
                })
                | Err(_) => RecordProblem::Malformed,
                Ok(Versioned { schema }) => RecordProblem::OtherSchema(schema),
            }),
        }
    }
}

/// Why the browser's storage did not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refuses `localStorage` to this page.
    Unavailable,
    /// It refused this read or write (full quota, for one); the browser's words.
    Refused(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable => write!(f, "localStorage is not available"),
            Self::Refused(why) => write!(f, "localStorage refused: {why}"),
        }
    }
}

/// What storage gave for [`STORAGE_KEY`]: the text (`None`: nothing stored), or why it could
/// not be read.
pub type StoredText = Result<Option<String>, StorageError>;

#[cfg(test)]
mod tests {
    use super::*;

    /// What the console says of each problem: enough to tell them apart.
    #[test]
    fn each_problem_says_what_is_wrong() {
        let cases = [
            (
                RecordProblem::TooLarge { bytes: 5000 },
                "the stored value is too large (5000 bytes)".to_owned(),
            ),
            (
                RecordProblem::Malformed,
                "the stored value is not a consent record".to_owned(),
            ),
            (
                RecordProblem::OtherSchema(Some(SCHEMA_VERSION + 1)),
                format!(
                    "the record has schema {}, not {SCHEMA_VERSION}",
                    SCHEMA_VERSION + 1
                ),
            ),
            (
                RecordProblem::OtherSchema(None),
                "the record has no schema version".to_owned(),
            ),
            (
                RecordProblem::OtherPolicy {
                    found: "aaaaaaaaaaaa".to_owned(),
                    current: "bbbbbbbbbbbb".to_owned(),
                },
                "the record answers policy version aaaaaaaaaaaa; the policy is now bbbbbbbbbbbb"
                    .to_owned(),
            ),
            (
                RecordProblem::FromTheFuture,
                "the record is dated in the future".to_owned(),
            ),
            (
                RecordProblem::BadExpiry,
                "the record expires before it was made".to_owned(),
            ),
            (RecordProblem::Expired, "the record has expired".to_owned()),
        ];
        for (problem, said) in cases {
            assert_eq!(problem.to_string(), said);
        }
    }

    fn sample() -> ConsentRecord {
        ConsentRecord {
            schema: SCHEMA_VERSION,
            policy: "1f6c0a2b9e4d".to_owned(),
            decided_at: 1_000,
            expires_at: 2_000,
            choices: [("youtube".to_owned(), true), ("x".to_owned(), false)]
                .into_iter()
                .collect(),
            receipt_id: "0f".repeat(16),
        }
    }

    fn to_json(record: &ConsentRecord) -> String {
        serde_json::to_string(record).expect("a record serialises")
    }

    #[test]
    fn a_value_of_the_largest_size_allowed_is_read_and_one_byte_more_is_not() {
        let json = to_json(&sample());
        // JSON allows whitespace after the value: the record, padded to the limit.
        let at_the_limit = format!("{json}{}", " ".repeat(MAX_RECORD_BYTES - json.len()));
        assert_eq!(ConsentRecord::parse(&at_the_limit), Ok(sample()));
        assert_eq!(
            ConsentRecord::parse(&format!("{at_the_limit} ")),
            Err(RecordProblem::TooLarge {
                bytes: MAX_RECORD_BYTES + 1
            })
        );
    }

    #[test]
    fn storage_errors_say_what_the_browser_did() {
        assert_eq!(
            StorageError::Unavailable.to_string(),
            "localStorage is not available"
        );
        assert_eq!(
            StorageError::Refused("QuotaExceededError".to_owned()).to_string(),
            "localStorage refused: QuotaExceededError"
        );
    }

    #[test]
    fn a_record_survives_the_round_trip() {
        let json = to_json(&sample());
        assert!(
            json.starts_with(
                r#"{"schema":2,"policy":"1f6c0a2b9e4d","decidedAt":1000,"expiresAt":2000,"choices":{"#
            ),
            "{json}"
        );
        assert!(
            json.contains(r#""x":false"#) && json.contains(r#""youtube":true"#),
            "{json}"
        );
        assert_eq!(ConsentRecord::parse(&json), Ok(sample()));
    }

    #[test]
    fn the_servers_copy_holds_the_choice_and_nothing_else() {
        let record = sample();
        let receipt: serde_json::Value =
            serde_json::from_str(&serde_json::to_string(&record.receipt()).expect("JSON"))
                .expect("JSON");
        let keys: Vec<_> = receipt
            .as_object()
            .expect("object")
            .keys()
            .cloned()
            .collect();
        assert_eq!(keys.len(), 4);
        assert_eq!(receipt["receiptId"], "0f".repeat(16));
        assert_eq!(receipt["policy"], "1f6c0a2b9e4d");
        assert_eq!(receipt["decidedAt"], 1_000);
        assert_eq!(receipt["choices"]["youtube"], true);
    }

    /// A record as builds before the derived policy version wrote it (captured from the
    /// miniserde build): schema 1, a numeric revision. Its choices answered a text nobody
    /// can now prove, so it is not read, and the visitor is asked again.
    #[test]
    fn a_record_of_the_numeric_revision_is_asked_again() {
        const CAPTURED: &str = r#"{"schema":1,"revision":1,"decidedAt":1790000000000,"expiresAt":1805811200000,"choices":{"facebook":false,"x":false,"linkedin":false,"instagram":true,"youtube":true}}"#;
        assert_eq!(
            ConsentRecord::parse(CAPTURED),
            Err(RecordProblem::OtherSchema(Some(1)))
        );
    }

    #[test]
    fn the_fields_told_to_visitors_are_the_fields_stored() {
        let stored: serde_json::Value = serde_json::from_str(&to_json(&sample())).expect("JSON");
        let keys: Vec<_> = stored
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut told: Vec<_> = RECORD_FIELDS.iter().map(|(name, _)| *name).collect();
        let mut keys = keys;
        keys.sort_unstable();
        told.sort_unstable();
        assert_eq!(keys, told);
    }

    #[test]
    fn garbage_is_malformed() {
        for raw in [
            "",
            "{",
            "null",
            "[]",
            "true",
            "\"yes\"",
            "{\"schema\":\"1\"}",
        ] {
            assert!(
                ConsentRecord::parse(raw) == Err(RecordProblem::Malformed),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn another_schema_is_told_apart() {
        assert_eq!(
            ConsentRecord::parse(r#"{"schema":3,"whatever":[]}"#),
            Err(RecordProblem::OtherSchema(Some(3)))
        );
        assert_eq!(
            ConsentRecord::parse(r#"{"accepted":true}"#),
            Err(RecordProblem::OtherSchema(None))
        );
    }

    #[test]
    fn a_record_of_this_schema_with_bad_fields_is_malformed() {
        for raw in [
            r#"{"schema":2,"policy":"1f6c0a2b9e4d","decidedAt":-5,"expiresAt":2000,"choices":{}}"#,
            r#"{"schema":2,"policy":"1f6c0a2b9e4d","decidedAt":1.5,"expiresAt":2000,"choices":{}}"#,
            r#"{"schema":2,"policy":"1f6c0a2b9e4d","decidedAt":"hier","expiresAt":2000,"choices":{}}"#,
            r#"{"schema":2,"policy":"1f6c0a2b9e4d","decidedAt":1000,"expiresAt":2000,"choices":{"x":"oui"}}"#,
            r#"{"schema":2,"policy":"1f6c0a2b9e4d","decidedAt":1000,"choices":{}}"#,
        ] {
            assert!(
                ConsentRecord::parse(raw) == Err(RecordProblem::Malformed),
                "{raw}"
            );
        }
    }

    #[test]
    fn a_huge_value_is_not_parsed() {
        let raw = format!(r#"{{"schema":2,"pad":"{}"}}"#, "x".repeat(MAX_RECORD_BYTES));
        assert_eq!(
            ConsentRecord::parse(&raw),
            Err(RecordProblem::TooLarge { bytes: raw.len() })
        );
    }
}
