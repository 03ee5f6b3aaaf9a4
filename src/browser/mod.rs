//! The thin layer that touches the browser: storage, the clock, the address, the privacy signal
//! and the console. Everything it reads comes back as plain Rust values; it never panics on what
//! the browser or the visitor controls.

pub mod clock;
pub mod location;
pub mod privacy_signal;
pub mod storage;

/// Says something on the console as a warning: a visitor's odd state is not an error of
/// the page.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}
