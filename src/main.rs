//! The browser entry point, built by Trunk.

use raison_etre::{App, browser::location, routes::Route};

fn main() {
    // A panic then names its file and line on the console instead of "unreachable".
    console_error_panic_hook::set_once();
    let (route, canonical) = Route::resolve(&location::path());
    if let Some(canonical) = canonical {
        location::replace_path(canonical);
    }
    // The page pre-rendered at build time is the markup the app is about to build: remove it
    // in the same task as the mount, before the browser paints again, so nothing flashes
    // or moves.
    if let Some(body) = leptos::prelude::document().body() {
        body.replace_children_with_node_0();
    }
    leptos::mount::mount_to_body(move || leptos::view! { <App route /> });
}
