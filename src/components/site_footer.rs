use leptos::prelude::*;
use leptos_router::components::A;

use super::SettingsButton;
use crate::content::cookies;
use crate::routes::COOKIES;

/// The band at the bottom of every page: who publishes it, "Gestion des cookies", which
/// reopens the consent settings at any time, and the page that tells about them.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer-inner">
                <p>
                    <a href="https://www.telecom-paris.fr">"Télécom Paris"</a>
                    ", une école de l’Institut Mines-Télécom, membre de l’Institut Polytechnique de Paris."
                </p>
                <div class="button-row">
                    <SettingsButton label="Gestion des cookies" />
                    <A href=COOKIES>{cookies::LINK_LABEL}</A>
                </div>
            </div>
        </footer>
    }
}
