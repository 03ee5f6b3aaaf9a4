//! What a modal `<dialog>` does not do by itself in Chromium: keep Tab inside (past its
//! last control focus would go to the browser's own), and find a place for focus when the
//! control that opened it went away meanwhile. Opening modally already makes the page
//! behind inert, closes on Escape and gives focus back to the opener.

use leptos::ev::KeyboardEvent;
use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// Opens the dialog modally, unless it is open already.
pub fn show_modal(dialog: &web_sys::HtmlDialogElement) {
    if dialog.open() {
        return;
    }
    if let Err(error) = dialog.show_modal() {
        super::warn(&format!("Consent settings: could not open ({error:?})."));
    }
}

/// Tab from the last control goes to the first, Shift+Tab from the first to the last.
pub fn keep_tab_inside(dialog: &web_sys::HtmlDialogElement, event: &KeyboardEvent) {
    if event.key() != "Tab" {
        return;
    }
    let Ok(focusable) = dialog.query_selector_all("button, input, a[href]") else {
        return;
    };
    let element = |index| {
        focusable
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
    };
    let (Some(first), Some(last)) = (element(0), element(focusable.length().saturating_sub(1)))
    else {
        return;
    };
    let active = document().active_element();
    let (from, to) = if event.shift_key() {
        (first, last)
    } else {
        (last, first)
    };
    if active.as_ref() == Some(from.as_ref()) {
        event.prevent_default();
        let _ = to.focus();
    }
}

/// After a dialog closed: if focus was left on nothing, or on an opener that is no longer
/// shown (the banner, after a choice), it goes to the element with this id, the page's
/// content.
pub fn refocus_if_lost(fallback_id: &str) {
    let document = document();
    let lost = document.active_element().is_none_or(|active| {
        document.body().is_some_and(|body| active == *body.as_ref())
            || active.get_client_rects().length() == 0
    });
    if lost {
        focus(fallback_id);
    }
}

/// Moves focus to the element with this id, if there is one that can take it, without
/// scrolling: the visitor stays where they were reading.
pub fn focus(id: &str) {
    let element = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}
