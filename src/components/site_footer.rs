use leptos::prelude::*;
use leptos_router::components::A;

use super::SettingsButton;
use crate::consent::CONTROLLER;
use crate::content::cookies;
use crate::routes::COOKIES;

/// The band at the bottom of every page: who publishes it, "Gestion des cookies", which
/// reopens the consent settings at any time, the page that tells about them, and the
/// school's legal notice and personal-data policy.
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
                    <a href=CONTROLLER.legal_notice>"Mentions légales"</a>
                    <a href=CONTROLLER.privacy_policy>"Données personnelles"</a>
                </div>
            </div>
        </footer>
    }
}
