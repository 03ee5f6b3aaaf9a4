//! `localStorage`, under the one key of [`STORAGE_KEY`], through gloo-storage.
//!
//! gloo-storage throws a JavaScript exception, not an `Err`, when `localStorage` itself is
//! refused (blocked cookies, some private modes, a sandboxed frame), so every call is
//! guarded by asking web-sys first.

use gloo_storage::{LocalStorage, Storage};
use leptos::ev;
use leptos::prelude::{WindowListenerHandle, window_event_listener};

use crate::consent::{ConsentRecord, STORAGE_KEY};

/// Why storage did not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refuses `localStorage` to this page.
    Unavailable,
    /// It refused this read or write (full quota, for one); the browser's words.
    Refused(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unavailable => write!(f, "localStorage is not available"),
            Self::Refused(why) => write!(f, "localStorage refused: {why}"),
        }
    }
}

/// Whether gloo-storage can reach `localStorage` without throwing.
fn available() -> Result<(), StorageError> {
    match web_sys::window().map(|window| window.local_storage()) {
        Some(Ok(Some(_))) => Ok(()),
        _ => Err(StorageError::Unavailable),
    }
}

/// The stored record, as text: `None` when there is none.
pub fn read() -> Result<Option<String>, StorageError> {
    available()?;
    LocalStorage::raw()
        .get_item(STORAGE_KEY)
        .map_err(|error| StorageError::Refused(format!("{error:?}")))
}

/// Stores the record, replacing the previous one.
pub fn write(record: &ConsentRecord) -> Result<(), StorageError> {
    available()?;
    // The raw Storage: gloo's typed `set` would bring serde_json, 14 KB brotli, for one record.
    LocalStorage::raw()
        .set_item(STORAGE_KEY, &record.to_json())
        .map_err(|error| StorageError::Refused(format!("{error:?}")))
}

/// Calls `on_change` with the new stored text (`None`: removed) whenever another tab of
/// this site changes the record.
pub fn on_change_in_other_tabs(
    on_change: impl Fn(Option<String>) + 'static,
) -> WindowListenerHandle {
    window_event_listener(ev::storage, move |event| {
        // A null key means another tab cleared all of localStorage.
        let ours = event.key().is_none_or(|key| key == STORAGE_KEY);
        if ours {
            on_change(event.new_value());
        }
    })
}
