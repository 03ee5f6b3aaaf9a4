use leptos::prelude::*;

use crate::browser::clock;
use crate::context::use_consent;

/// When the choice in force was made, and what limits it in this browser: the Global
/// Privacy Control signal, storage that will not keep it. The settings dialog and the
/// cookie page both show it. Empty until the app has read the stored choice.
#[component]
pub fn ConsentStatus() -> impl IntoView {
    let consent = use_consent();
    let decided = move || {
        consent.decided_at().map(|decided_at| match decided_at {
            Some(at) => format!("Choix actuel fait le {}.", clock::format_french(at)),
            None => "Vous n’avez encore fait aucun choix.".to_owned(),
        })
    };
    view! {
        <p class="consent-decided-at">{decided}</p>
        {move || {
            consent
                .privacy_signal()
                .then(|| {
                    view! {
                        <p class="consent-note">
                            "Votre navigateur envoie le signal Global Privacy Control\u{a0}: nous le respectons, et tout est refusé tant que vous n’autorisez rien vous-même."
                        </p>
                    }
                })
        }}
        {move || {
            consent
                .memory_only()
                .then(|| {
                    view! {
                        <p class="consent-note">
                            "Votre navigateur ne nous laisse pas garder votre choix\u{a0}: il vaut pour cette visite seulement."
                        </p>
                    }
                })
        }}
    }
}
