//! The browser entry point, built by Trunk.

use raison_etre::{App, browser::location, routes::Route};

fn main() {
    // A panic then names its file and line on the console instead of "unreachable".
    console_error_panic_hook::set_once();
    let (route, canonical) = Route::resolve(&location::path());
    if let Some(canonical) = canonical {
        location::replace_path(canonical);
    }
    leptos::mount::mount_to_body(move || leptos::view! { <App route /> });
}
