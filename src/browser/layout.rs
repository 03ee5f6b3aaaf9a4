//! Room at the bottom of the page for the consent banner.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The CSS custom property the styles read: how much room to keep at the bottom of the page
/// and of scrolling, so that the banner never hides the last lines nor the focused element.
const ROOM: &str = "--banner-height";

/// Keeps [`ROOM`] equal to an element's height, whatever changes it (fonts, zoom, wrapping),
/// until dropped; then no room is kept.
pub struct BottomRoom {
    observer: web_sys::ResizeObserver,
    // Called by the observer for as long as it lives.
    _on_resize: Closure<dyn FnMut()>,
}

/// Starts keeping room for `element`; `None`, and a warning, if the browser cannot observe
/// its size.
pub fn reserve_bottom_room(element: &web_sys::HtmlElement) -> Option<BottomRoom> {
    let observed = element.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || set_room(observed.offset_height()));
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        super::warn("Consent banner: cannot follow its height; no room is kept for it.");
        return None;
    };
    // The observer reports the first size at once, then every change.
    observer.observe(element);
    Some(BottomRoom {
        observer,
        _on_resize: on_resize,
    })
}

impl Drop for BottomRoom {
    fn drop(&mut self) {
        self.observer.disconnect();
        set_room(0);
    }
}

fn set_room(height: i32) {
    let Some(root) = leptos::prelude::document().document_element() else {
        return;
    };
    let style = root.unchecked_into::<web_sys::HtmlElement>().style();
    if style.set_property(ROOM, &format!("{height}px")).is_err() {
        super::warn("Consent banner: could not keep room for it.");
    }
}
