//! `localStorage`, under the one key of [`STORAGE_KEY`], through gloo-storage's typed API:
//! the record goes in and out as JSON by serde.
//!
//! gloo-storage throws a JavaScript exception, not an `Err`, when `localStorage` itself is
//! refused (blocked cookies, some private modes, a sandboxed frame), so every call is
//! guarded by asking web-sys first.

use gloo_storage::errors::StorageError as GlooError;
use gloo_storage::{LocalStorage, Storage};
use leptos::ev;
use leptos::prelude::{WindowListenerHandle, window_event_listener};

use crate::consent::{ConsentRecord, STORAGE_KEY, StorageError, StoredText};

/// Whether gloo-storage can reach `localStorage` without throwing.
fn available() -> Result<(), StorageError> {
    match web_sys::window().map(|window| window.local_storage()) {
        Some(Ok(Some(_))) => Ok(()),
        _ => Err(StorageError::Unavailable),
    }
}

/// The stored text, read once; the consent layer parses it (`ConsentRecord::parse`), size
/// first, so that a huge value is never handed to the JSON parser.
pub fn read() -> StoredText {
    available()?;
    LocalStorage::raw()
        .get_item(STORAGE_KEY)
        .map_err(|error| StorageError::Refused(format!("{error:?}")))
}

/// Stores the record, replacing the previous one.
pub fn write(record: &ConsentRecord) -> Result<(), StorageError> {
    available()?;
    LocalStorage::set(STORAGE_KEY, record).map_err(|error| match error {
        GlooError::JsError(error) => StorageError::Refused(error.to_string()),
        // A record of numbers, booleans and short strings always serialises; serde_json's
        // error messages stay out of the wasm.
        GlooError::SerdeError(_) | GlooError::KeyNotFound(_) => {
            StorageError::Refused("the record could not be written".to_owned())
        }
    })
}

/// Calls `on_change` with the text the key holds whenever another tab of this site changes
/// the record.
pub fn on_change_in_other_tabs(
    on_change: impl Fn(Option<String>) + 'static,
) -> WindowListenerHandle {
    window_event_listener(ev::storage, move |event| {
        // A null key means another tab cleared all of localStorage.
        if event.key().is_none_or(|key| key == STORAGE_KEY) {
            on_change(event.new_value());
        }
    })
}
