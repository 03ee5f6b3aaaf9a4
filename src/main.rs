//! The browser entry point, built by Trunk.

use raison_etre::{App, browser::location, routes::Route};

fn main() {
    // A panic then names its file and line on the console instead of "unreachable".
    console_error_panic_hook::set_once();
    let (route, canonical) = Route::resolve(&location::path());
    if let Some(canonical) = canonical {
        location::replace_path(canonical);
    }
    let app = move || leptos::view! { <App route /> };
    if location::prerendered_route().as_deref() == Some(route.id()) {
        // The build rendered this very page: take over its nodes as they are, so nothing is
        // painted twice and the text seen first stays the largest paint.
        leptos::mount::hydrate_body(app);
    } else {
        // Another route's markup (a server that answers every path with index.html): build
        // ours in its place, in the same task, before the browser paints again.
        if let Some(body) = leptos::prelude::document().body() {
            body.replace_children_with_node_0();
        }
        leptos::mount::mount_to_body(app);
    }
}
