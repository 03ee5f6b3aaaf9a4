use leptos::prelude::*;
use leptos_router::components::A;

use super::SettingsButton;
use crate::content::cookies;
use crate::context::use_consent;
use crate::routes::COOKIES;

/// The first layer, while a choice is due: a band at the bottom of the screen, not a wall;
/// the page stays readable and usable behind it. Accepting and refusing weigh the same.
#[component]
pub fn ConsentBanner() -> impl IntoView {
    let consent = use_consent();
    let banner = NodeRef::<leptos::html::Section>::new();
    // The page keeps room for the banner at its end, so that the banner never hides the
    // last lines, nor an element that has focus (scroll-padding in the CSS).
    let reserve_room = move || {
        let height = match banner.get() {
            Some(banner) if consent.needs_asking() => banner.offset_height(),
            _ => 0,
        };
        let Some(root) = document().document_element() else {
            return;
        };
        let style = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(root).style();
        if style
            .set_property("--banner-height", &format!("{height}px"))
            .is_err()
        {
            crate::browser::warn("Consent banner: could not reserve room for it.");
        }
    };
    Effect::new(move |_| {
        reserve_room();
        let listener = window_event_listener(leptos::ev::resize, move |_| reserve_room());
        on_cleanup(move || listener.remove());
    });
    // A memo, so that the banner is built once when it is due, not again at every change.
    let due = Memo::new(move |_| consent.needs_asking());
    move || {
        due.get().then(|| {
            view! {
            <section
                node_ref=banner
                class="consent-banner"
                aria-labelledby="consent-banner-title"
                aria-describedby="consent-banner-text"
            >
                <div class="consent-banner-inner">
                    <h2 id="consent-banner-title">"Cookies et contenus tiers"</h2>
                    <p id="consent-banner-text">
                        "Cette page peut afficher une vidéo YouTube et des publications de X, Instagram, Facebook et LinkedIn, qui déposent des cookies\u{a0}: rien n’est chargé sans votre accord. Vous pourrez changer d’avis à tout moment («\u{202f}Gestion des cookies\u{202f}», en bas de page). "
                        <A href=COOKIES>{cookies::LINK_LABEL}</A>
                    </p>
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| consent.accept_all()>
                            "Tout accepter"
                        </button>
                        <button type="button" class="button" on:click=move |_| consent.refuse_all()>
                            "Tout refuser"
                        </button>
                        <SettingsButton label="Réglages" />
                    </div>
                </div>
            </section>
            }
        })
    }
}
