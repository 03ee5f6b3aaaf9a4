use leptos::prelude::*;

use super::SettingsButton;
use crate::consent::Service;
use crate::context::use_consent;

/// Stands in for an embed until its service is allowed: says why, in French then English,
/// and offers to allow it, to show it this once, or to open the settings. It loads nothing
/// from the service, not even a thumbnail.
#[component]
pub fn EmbedPlaceholder(
    /// The service whose content waits.
    service: &'static Service,
    /// The embed's position on the page, which makes the ids unique.
    index: usize,
) -> impl IntoView {
    let consent = use_consent();
    let title_id = format!("embed-{index}-title");
    view! {
        <div class="embed-placeholder" role="group" aria-labelledby=title_id.clone()>
            <p class="embed-placeholder-title" id=title_id.clone()>
                "Contenu " {service.name}
            </p>
            <p>
                "Pour afficher ce contenu, merci d’accepter les cookies de " {service.name} "."
            </p>
            <p lang="en">
                "To display this content, please accept third-party cookies for "
                {service.name} "."
            </p>
            <div class="button-row">
                <button
                    type="button"
                    class="button"
                    disabled=consent.not_ready()
                    on:click=move |_| consent.set(service, true)
                >
                    "Autoriser " {service.name}
                </button>
                <button
                    type="button"
                    class="button"
                    disabled=consent.not_ready()
                    on:click=move |_| consent.show_once(service)
                >
                    "Afficher une fois"
                </button>
                <SettingsButton label="Réglages" />
            </div>
        </div>
    }
}
