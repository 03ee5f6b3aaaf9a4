use leptos::prelude::*;

use crate::context::use_consent;

/// Opens the consent settings; wherever it stands, focus comes back to it when they close.
#[component]
pub fn SettingsButton(
    /// What the button says.
    label: &'static str,
) -> impl IntoView {
    let consent = use_consent();
    view! {
        <button
            type="button"
            class="button"
            disabled=move || !consent.ready()
            on:click=move |_| consent.open_settings()
        >
            {label}
        </button>
    }
}
