//! A decision's receipt: its random id, the server's copy, and the visitor's own.

use wasm_bindgen::{JsCast, JsValue};

use crate::consent::{RECEIPT_ID_BYTES, RECEIPT_PATH, Receipt};

/// [`RECEIPT_ID_BYTES`] from the browser's cryptographic random source, in hex.
pub fn random_id() -> String {
    let mut bytes = [0u8; RECEIPT_ID_BYTES];
    let drawn = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !drawn {
        // No Web Crypto (very old browsers): an id that is still unique enough to name a
        // receipt, which proves nothing about the visitor either way.
        super::warn("Consent: no cryptographic random source; the receipt id is weaker.");
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// POSTs the receipt to [`RECEIPT_PATH`] of our own origin, `keepalive` so that it goes even
/// if the visitor leaves at once. Fire and forget: a host without the route answers 404 or
/// 405, a blocked request fails, and either way nothing else happens, and nothing retries.
pub fn send(receipt: &Receipt<'_>) {
    let Ok(body) = serde_json::to_string(receipt) else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    // web-sys has no setter for it: a plain property of the init dictionary.
    let _ = js_sys::Reflect::set(&init, &"keepalive".into(), &JsValue::TRUE);
    init.set_body(&JsValue::from_str(&body));
    let headers = web_sys::Headers::new();
    if let Ok(headers) = &headers {
        let _ = headers.set("Content-Type", "application/json");
        init.set_headers(headers);
    }
    // Awaited only so that a failure is not an unhandled rejection on the console. The
    // future takes the promise's rejection now, not when the executor first polls it: a
    // request refused at once would be reported as unhandled before that.
    let sent =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init(RECEIPT_PATH, &init));
    leptos::task::spawn_local(async move {
        let _ = sent.await;
    });
}

/// Offers the visitor `text` as a JSON file named `file_name`, as a download.
pub fn download_json(file_name: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let url = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob));
    let link = leptos::prelude::document()
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    match (url, link) {
        (Ok(url), Some(link)) => {
            link.set_href(&url);
            link.set_download(file_name);
            link.click();
            let _ = web_sys::Url::revoke_object_url(&url);
        }
        _ => super::warn("Consent: the browser could not make the receipt's file."),
    }
}
