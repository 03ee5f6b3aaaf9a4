use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::early_choice::BANNER_ID;
use crate::browser::layout::{self, BottomRoom};
use crate::consent::STORAGE_KEY;
use crate::content::cookies;
use crate::context::{BannerChoice, use_consent};
use crate::routes::COOKIES;

/// The first layer, while a choice is due: a band at the bottom of the screen, not a wall;
/// the page stays readable and usable behind it. Accepting and refusing weigh the same.
///
/// It is in every pre-rendered page, hidden: on a first visit the start-up script shows it
/// as soon as the page is parsed (it reads the storage key here), and its buttons work from
/// then on (`browser::early_choice`); otherwise it shows once the app knows a choice is due.
#[component]
pub fn ConsentBanner() -> impl IntoView {
    let consent = use_consent();
    let banner = NodeRef::<leptos::html::Section>::new();
    // The page keeps room for the banner at its end, as tall as the banner is, so that it
    // never hides the last lines nor an element that has focus (scroll-padding in the CSS).
    let room = StoredValue::new_local(None::<BottomRoom>);
    Effect::new(move |_| {
        let shown = banner.get().filter(|_| consent.needs_asking());
        // Replacing the previous one stops it, and gives its room back.
        room.set_value(shown.and_then(|banner| layout::reserve_bottom_room(&banner)));
    });
    let services = consent.policy().names_in_words("et");
    view! {
        <section
            node_ref=banner
            id=BANNER_ID
            class="consent-banner"
            hidden=move || !consent.needs_asking()
            data-storage-key=STORAGE_KEY
            aria-labelledby="consent-banner-title"
            aria-describedby="consent-banner-text"
        >
            <div class="consent-banner-inner">
                <h2 id="consent-banner-title">"Cookies et contenus tiers"</h2>
                <p id="consent-banner-text">
                    "Cette page peut afficher des contenus de " {services}
                    ", qui déposent des cookies\u{a0}: rien n’est chargé sans votre accord. Vous pourrez changer d’avis à tout moment («\u{202f}Gestion des cookies\u{202f}», en bas de page). "
                    <A href=COOKIES>{cookies::LINK_LABEL}</A>
                </p>
                <div class="button-row">
                    {BannerChoice::ALL
                        .map(|choice| {
                            view! {
                                <button
                                    type="button"
                                    class="button"
                                    data-choice=choice.attribute()
                                    on:click=move |_| consent.choose(choice)
                                >
                                    {label(choice)}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
        </section>
    }
}

/// What a button of the banner says.
fn label(choice: BannerChoice) -> &'static str {
    match choice {
        BannerChoice::AcceptAll => "Tout accepter",
        BannerChoice::RefuseAll => "Tout refuser",
        BannerChoice::Settings => "Réglages",
    }
}
