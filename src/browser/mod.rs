//! The thin layer that touches the browser: storage, the clock, the address, the privacy
//! signal, the dialog's focus, what the visitor did before the app ran, receipts, the
//! console, and the task effects run in.
//! Everything it reads comes back as plain Rust values; it never panics on what the browser
//! or the visitor controls.

pub mod clock;
pub mod dialog;
pub mod early;
pub mod executor;
pub mod location;
pub mod privacy_signal;
pub mod receipt;
pub mod storage;

use crate::consent::{ConsentRecord, Receipt, StorageError, StoredText, Timestamp};
use crate::context::{Environment, StopListening};

/// Says something on the console as a warning: a visitor's odd state is not an error of
/// the page.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// The browser the app runs in, as the consent context needs it.
pub struct Browser;

impl Environment for Browser {
    fn read(&self) -> StoredText {
        storage::read()
    }

    fn write(&self, record: &ConsentRecord) -> Result<(), StorageError> {
        storage::write(record)
    }

    fn now(&self) -> Timestamp {
        clock::now()
    }

    fn privacy_signal(&self) -> bool {
        privacy_signal::global_privacy_control()
    }

    fn warn(&self, message: &str) {
        warn(message);
    }

    fn on_change_in_other_tabs(&self, on_change: Box<dyn Fn(Option<String>)>) -> StopListening {
        let listener = storage::on_change_in_other_tabs(on_change);
        Box::new(move || listener.remove())
    }

    fn random_id(&self) -> String {
        receipt::random_id()
    }

    fn send_receipt(&self, receipt: &Receipt<'_>) {
        receipt::send(receipt);
    }
}
