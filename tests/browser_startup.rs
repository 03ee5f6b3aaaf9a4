//! The start-up script (`src/startup.js`) in headless Chromium, on the table of cases it
//! shares with the app's rule (`tests/common/ask_cases.rs`; the app's run is
//! `tests/ask_rule.rs`): before the app, it asks exactly the visitors the app would ask.
#![cfg(target_arch = "wasm32")]

#[path = "common/ask_cases.rs"]
mod ask_cases;

use ask_cases::{NOW, Stored, ask_cases};
use raison_etre::consent::POLICY;
use raison_etre::startup::{StartupRules, inline_script};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_start_up_script_asks_exactly_where_the_table_says() {
    // The script as the page has it, with the rules the page hands it.
    let rules = StartupRules::of(POLICY).to_json();
    let asks = js_sys::Function::new_with_args(
        "raw, now, privacySignal",
        &format!(
            "{}\nreturn asks({rules}, raw, now, privacySignal);",
            inline_script()
        ),
    );
    for case in ask_cases() {
        // As the script's readStored gives it.
        let raw = match &case.stored {
            Stored::Blocked => JsValue::UNDEFINED,
            Stored::Nothing => JsValue::NULL,
            Stored::Text(text) => JsValue::from_str(text),
        };
        let answer = asks.call3(
            &JsValue::NULL,
            &raw,
            &JsValue::from_f64(NOW as f64),
            &JsValue::from_bool(case.privacy_signal),
        );
        assert_eq!(
            answer.ok().and_then(|answer| answer.as_bool()),
            Some(case.asks),
            "{}",
            case.name
        );
    }
}
