use leptos::prelude::*;

use crate::context::use_consent;

/// The band at the bottom of every page: who publishes it, and "Gestion des cookies", which
/// reopens the consent settings at any time.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let consent = use_consent();
    view! {
        <footer class="site-footer">
            <div class="site-footer-inner">
                <p>
                    <a href="https://www.telecom-paris.fr">"Télécom Paris"</a>
                    ", une école de l’Institut Mines-Télécom, membre de l’Institut Polytechnique de Paris."
                </p>
                <button type="button" class="button" on:click=move |_| consent.open_settings()>
                    "Gestion des cookies"
                </button>
            </div>
        </footer>
    }
}
