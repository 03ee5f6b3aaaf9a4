//! The address, and the document the build pre-rendered for one.

use wasm_bindgen::JsCast;

/// The `<body>` attribute naming the path the document was pre-rendered for.
pub const PRERENDERED_PATH: &str = "data-prerendered";

/// The comment after which leptos_meta writes a page's head tags (`<MetaTags/>`).
const HEAD_TAGS_MARKER: &str = "HEAD";

/// The path of the page's address; `/` if the browser will not tell.
pub fn path() -> String {
    web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_else(|| "/".to_owned())
}

/// The path the document was pre-rendered for, if it was.
pub fn prerendered_path() -> Option<String> {
    leptos::prelude::document()
        .body()?
        .get_attribute(PRERENDERED_PATH)
}

/// Empties the body and removes the head tags of a pre-rendered page that is not the one
/// at this address (a server that answers every path with the same file), so that the app
/// renders its own in their place.
pub fn discard_prerendered() {
    let document = leptos::prelude::document();
    if let Some(body) = document.body() {
        body.replace_children_with_node_0();
    }
    let Some(head) = document.head() else { return };
    let mut after_marker = false;
    let mut node = head.first_child();
    while let Some(current) = node {
        node = current.next_sibling();
        if after_marker {
            if let Ok(element) = current.dyn_into::<web_sys::Element>() {
                element.remove();
            }
        } else {
            after_marker = current.node_type() == web_sys::Node::COMMENT_NODE
                && current.text_content().as_deref() == Some(HEAD_TAGS_MARKER);
        }
    }
}

/// The id of the element that has focus, if it has one.
pub fn focused_id() -> Option<String> {
    let id = leptos::prelude::document().active_element()?.id();
    (!id.is_empty()).then_some(id)
}
