use leptos::prelude::*;

use crate::context::use_consent;

/// Tells screen readers, politely, what a change of consent did.
#[component]
pub fn ConsentAnnouncer() -> impl IntoView {
    let consent = use_consent();
    view! {
        <p class="visually-hidden" role="status">
            {move || consent.announcement()}
        </p>
    }
}
