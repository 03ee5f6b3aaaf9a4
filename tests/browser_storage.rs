//! The storage layer in headless Chromium: what it reads and writes, and that a browser
//! that refuses storage gives an `Err`, never an exception. It reads the text once; the
//! consent layer parses it.
#![cfg(target_arch = "wasm32")]

use raison_etre::browser::storage;
use raison_etre::consent::services::{X, YOUTUBE};
use raison_etre::consent::{
    Consent, ConsentRecord, POLICY, RecordProblem, STORAGE_KEY, StorageError,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn run_js(code: &str) {
    js_sys::eval(code).unwrap();
}

/// What the app makes of what storage holds.
fn parsed() -> Result<Option<Result<ConsentRecord, RecordProblem>>, StorageError> {
    storage::read().map(|text| text.map(|text| ConsentRecord::parse(&text)))
}

/// One test: the tests of a file share a page, and each step changes its storage.
#[wasm_bindgen_test]
fn storage_reads_writes_and_fails_without_throwing() {
    let local = local_storage();
    local.clear().unwrap();
    local.set_item("someone-else", "untouched").unwrap();

    assert_eq!(storage::read(), Ok(None), "nothing stored yet");

    let mut consent = Consent::new(POLICY, false);
    consent.decide(&YOUTUBE, true, 1_790_000_000_000);
    consent.decide(&X, false, 1_790_000_000_000);
    let record = consent.record().unwrap();
    storage::write(&record).unwrap();
    assert_eq!(parsed(), Ok(Some(Ok(record.clone()))));
    let raw = local
        .get_item(STORAGE_KEY)
        .unwrap()
        .expect("written as text");
    assert_eq!(ConsentRecord::parse(&raw), Ok(record.clone()), "{raw}");
    assert_eq!(
        local.get_item("someone-else").unwrap().as_deref(),
        Some("untouched")
    );
    assert_eq!(local.length().unwrap(), 2, "one key of ours, no more");

    // What is not a record is told apart, without an exception, and a huge value is
    // refused by its size alone.
    local.set_item(STORAGE_KEY, "{not json").unwrap();
    assert_eq!(parsed(), Ok(Some(Err(RecordProblem::Malformed))));
    local.set_item(STORAGE_KEY, r#"{"schema":3}"#).unwrap();
    assert_eq!(parsed(), Ok(Some(Err(RecordProblem::OtherSchema(Some(3))))));
    let huge = format!("[{}]", "1,".repeat(600_000) + "1");
    local.set_item(STORAGE_KEY, &huge).unwrap();
    assert_eq!(
        parsed(),
        Ok(Some(Err(RecordProblem::TooLarge { bytes: huge.len() })))
    );
    storage::write(&record).unwrap();

    // A full quota: setItem throws, write says so.
    run_js(
        "window.__setItem = Storage.prototype.setItem;
         Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };",
    );
    let refused = storage::write(&record);
    run_js("Storage.prototype.setItem = window.__setItem;");
    assert!(
        matches!(refused, Err(StorageError::Refused(ref why)) if why.contains("full")),
        "{refused:?}"
    );

    // localStorage itself refused: reading and writing give Unavailable.
    run_js(
        "window.__localStorage = Object.getOwnPropertyDescriptor(window, 'localStorage')
           ?? Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage');
         Object.defineProperty(window, 'localStorage', {
           configurable: true,
           get() { throw new DOMException('blocked', 'SecurityError'); },
         });",
    );
    assert_eq!(storage::read(), Err(StorageError::Unavailable));
    assert_eq!(storage::write(&record), Err(StorageError::Unavailable));
    run_js("Object.defineProperty(window, 'localStorage', window.__localStorage);");
    assert_eq!(
        parsed(),
        Ok(Some(Ok(record))),
        "with the real localStorage back, the record is still there"
    );
}
