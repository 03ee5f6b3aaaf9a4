//! The app's rule "ask this visitor now" on the table of cases it shares with the start-up
//! script (`tests/common/ask_cases.rs`; the script's run is `tests/browser_startup.rs`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/ask_cases.rs"]
mod ask_cases;

use ask_cases::{NOW, Stored, ask_cases};
use raison_etre::consent::{POLICY, StorageError, asks};

#[test]
fn the_app_asks_exactly_where_the_table_says() {
    let cases = ask_cases();
    for case in &cases {
        let stored = match &case.stored {
            Stored::Blocked => Err(StorageError::Unavailable),
            Stored::Nothing => Ok(None),
            Stored::Text(text) => Ok(Some(text.clone())),
        };
        assert_eq!(
            asks(POLICY, &stored, NOW, case.privacy_signal),
            case.asks,
            "{}",
            case.name
        );
    }
    // Both answers, and every kind of stored value, are in the table.
    assert!(cases.iter().any(|case| case.asks) && cases.iter().any(|case| !case.asks));
    for kind in [
        "nothing stored",
        "expired",
        "policy version",
        "schema",
        "corrupted",
        "blocked",
        "Global Privacy Control",
    ] {
        assert!(cases.iter().any(|case| case.name.contains(kind)), "{kind}");
    }
}
