use wasm_bindgen::JsValue;

/// `navigator.globalPrivacyControl === true`: the visitor's browser says no to tracking on
/// their behalf. Absent (most browsers) means no signal.
pub fn global_privacy_control() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    js_sys::Reflect::get(
        &window.navigator(),
        &JsValue::from_str("globalPrivacyControl"),
    )
    .is_ok_and(|value| value == JsValue::TRUE)
}
