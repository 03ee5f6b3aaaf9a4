//! The browser entry point, built by Trunk.

// The route views are deep types; laying out their hydration futures needs more than 128.
#![recursion_limit = "256"]

use leptos::prelude::*;
use raison_etre::App;
use raison_etre::browser::{dialog, early, executor, location};
use wasm_bindgen::prelude::wasm_bindgen;

/// Nothing when the module is instantiated: compiling and instantiating it is one task of
/// the main thread, taking the page over is another, each short enough on a phone to be
/// answered between (docs/performance.md). The start-up script calls [`start`] after a
/// yield.
fn main() {}

/// Starts the app: takes over the page and what the visitor did before. Its name is
/// `startup::APP_START`, which the start-up script calls (the build checks that the glue
/// exports it).
#[wasm_bindgen]
pub fn start() {
    // In development builds (`trunk serve`), a panic names its file and line on the console
    // instead of "unreachable". Release builds have no panic on what the visitor or the
    // browser controls, and save the hook's formatting.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // What the visitor did before the app ran, taken first: the page below is about to be
    // hydrated or replaced, and from now on the app alone answers them.
    let early = early::take();
    if location::prerendered_path().as_deref() == Some(location::path().as_str()) {
        // The build rendered this very address: take over its nodes as they are, so nothing
        // is painted twice, the text seen first stays the largest paint, and the banner,
        // the dialog and focus stay as the visitor left them. The effects wait for the next
        // task: the page they act on is already painted.
        executor::init();
        leptos::mount::hydrate_body(move || view! { <App early /> });
    } else {
        // Another address's document (`/` before its redirect, a server that answers every
        // path with one file): the router builds this address's page in its place, in the
        // same task, before the browser paints again. Focus goes back where it was once the
        // app has opened what was open, before that paint.
        let focused = location::focused_id();
        location::discard_prerendered();
        leptos::mount::mount_to_body(move || view! { <App early /> });
        if let Some(id) = focused {
            request_animation_frame(move || dialog::focus(&id));
        }
    }
}
