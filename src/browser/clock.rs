use crate::consent::{Timestamp, moment_in_words};

/// Now, from the browser's clock.
pub fn now() -> Timestamp {
    // Date.now() is a whole, positive number of milliseconds well below 2^53.
    js_sys::Date::now() as Timestamp
}

/// A moment written for a French reader, in the visitor's time zone: « 27 novembre 2026 à
/// 22:10 ».
pub fn format_french(timestamp: Timestamp) -> String {
    // The zone's offset at that very moment (summer time included), in minutes behind UTC.
    let behind_utc = js_sys::Date::new(&(timestamp as f64).into()).get_timezone_offset();
    moment_in_words(timestamp, -(behind_utc as i64))
}
