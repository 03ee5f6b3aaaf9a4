use crate::consent::Timestamp;

/// Now, from the browser's clock.
pub fn now() -> Timestamp {
    // Date.now() is a whole, positive number of milliseconds well below 2^53.
    js_sys::Date::now() as Timestamp
}

/// A moment written for a French reader, in the visitor's time zone: « 27 novembre 2026 à
/// 22:10 ».
pub fn format_french(timestamp: Timestamp) -> String {
    let date = js_sys::Date::new(&(timestamp as f64).into());
    let options = js_sys::Object::new();
    for (key, value) in [("dateStyle", "long"), ("timeStyle", "short")] {
        // Setting a property on a plain object we just made cannot fail.
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string("fr-FR", &options).into()
}
