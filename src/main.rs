//! The browser entry point, built by Trunk.

fn main() {
    // A panic then names its file and line on the console instead of "unreachable".
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(raison_etre::App);
}
