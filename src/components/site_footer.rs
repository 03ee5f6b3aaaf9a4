use leptos::prelude::*;

use super::SettingsButton;

/// The band at the bottom of every page: who publishes it, and "Gestion des cookies", which
/// reopens the consent settings at any time.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer-inner">
                <p>
                    <a href="https://www.telecom-paris.fr">"Télécom Paris"</a>
                    ", une école de l’Institut Mines-Télécom, membre de l’Institut Polytechnique de Paris."
                </p>
                <SettingsButton label="Gestion des cookies" />
            </div>
        </footer>
    }
}
