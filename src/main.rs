//! The browser entry point, built by Trunk.

// The route views are deep types; laying out their hydration futures needs more than 128.
#![recursion_limit = "256"]

use leptos::prelude::*;
use raison_etre::{App, browser::location};

fn main() {
    // In development builds (`trunk serve`), a panic names its file and line on the console
    // instead of "unreachable". Release builds have no panic on what the visitor or the
    // browser controls, and save the hook's formatting (0.8 KB brotli).
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    if location::prerendered_path().as_deref() == Some(location::path().as_str()) {
        // The build rendered this very address: take over its nodes as they are, so nothing
        // is painted twice and the text seen first stays the largest paint.
        leptos::mount::hydrate_body(|| view! { <App /> });
    } else {
        // Another address's document (`/` before its redirect, a server that answers every
        // path with one file): the router builds this address's page in its place, in the
        // same task, before the browser paints again.
        location::discard_prerendered();
        leptos::mount::mount_to_body(|| view! { <App /> });
    }
}
