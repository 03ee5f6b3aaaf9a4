/// The `<body>` attribute naming the route whose page was pre-rendered into the document.
pub const PRERENDERED_ROUTE: &str = "data-prerendered";

/// The path of the page's address; `/` if the browser will not tell.
pub fn path() -> String {
    web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_else(|| "/".to_owned())
}

/// Shows `path` in the address bar in place of the current one, without a new history
/// entry, so that the back button skips the short address.
pub fn replace_path(path: &str) {
    let replaced = web_sys::window()
        .and_then(|window| window.history().ok())
        .map(|history| {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        });
    if !matches!(replaced, Some(Ok(()))) {
        super::warn(&format!("Could not show the address {path}."));
    }
}

/// The route the document was pre-rendered for, if it was.
pub fn prerendered_route() -> Option<String> {
    leptos::prelude::document()
        .body()?
        .get_attribute(PRERENDERED_ROUTE)
}
