use leptos::prelude::*;

use crate::context::use_consent;
use crate::startup::DIALOG_ID;

/// Opens the consent settings; wherever it stands, focus comes back to it when they close.
#[component]
pub fn SettingsButton(
    /// What the button says.
    label: &'static str,
    /// Whether it opens the settings before the app has read the stored choice: only where
    /// nothing is decided yet, as on the banner, whose settings then start all off. The
    /// browser opens them itself (`commandfor`), with no script.
    #[prop(optional)]
    before_the_app: bool,
) -> impl IntoView {
    let consent = use_consent();
    let not_ready = consent.not_ready();
    view! {
        <button
            type="button"
            class="button"
            commandfor=DIALOG_ID
            command="show-modal"
            disabled=move || !before_the_app && not_ready.get()
            on:click=move |_| consent.open_settings()
        >
            {label}
        </button>
    }
}
