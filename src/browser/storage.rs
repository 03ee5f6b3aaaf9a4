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

use crate::consent::{ConsentRecord, RecordProblem, STORAGE_KEY};

/// What the key holds: `None` when nothing is stored, else the record or why the stored
/// value is not one.
pub type Stored = Option<Result<ConsentRecord, RecordProblem>>;

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

/// The stored record.
pub fn read() -> Result<Stored, StorageError> {
    available()?;
    // The text first, for its size: a huge value is never handed to the JSON parser.
    let raw = LocalStorage::raw()
        .get_item(STORAGE_KEY)
        .map_err(|error| StorageError::Refused(format!("{error:?}")))?;
    let Some(raw) = raw else { return Ok(None) };
    if let Err(too_large) = ConsentRecord::check_size(&raw) {
        return Ok(Some(Err(too_large)));
    }
    let parsed = match LocalStorage::get::<ConsentRecord>(STORAGE_KEY) {
        Ok(record) => Some(record),
        Err(GlooError::SerdeError(_)) => None,
        // Another tab removed it in between.
        Err(GlooError::KeyNotFound(_)) => return Ok(None),
        Err(GlooError::JsError(error)) => return Err(StorageError::Refused(error.to_string())),
    };
    Ok(Some(ConsentRecord::accept(parsed, &raw)))
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

/// Calls `on_change` with what the key holds whenever another tab of this site changes the
/// record.
pub fn on_change_in_other_tabs(on_change: impl Fn(Stored) + 'static) -> WindowListenerHandle {
    window_event_listener(ev::storage, move |event| {
        // A null key means another tab cleared all of localStorage.
        let ours = event.key().is_none_or(|key| key == STORAGE_KEY);
        if ours {
            on_change(event.new_value().map(|raw| ConsentRecord::parse(&raw)));
        }
    })
}
