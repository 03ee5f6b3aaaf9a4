use leptos::prelude::*;
use leptos_router::components::A;

use super::SettingsButton;
use crate::browser::{dialog, early};
use crate::consent::{BANNER_TEXT, Decision};
use crate::content::cookies;
use crate::context::use_consent;
use crate::routes::COOKIES;
use crate::startup::{BANNER_ID, CONTENT_ID};

/// The first layer, while a choice is due: a band at the bottom of the screen, not a wall;
/// the page stays readable and usable behind it, and its end can always be scrolled above
/// the banner (the styles keep it in the flow, after the footer). Accepting and refusing
/// weigh the same.
///
/// It is in every pre-rendered page, hidden. When the visitor must be asked, the start-up
/// script shows it as soon as the page is parsed, and its buttons work from then on: the
/// script records a decision for the app, and « Réglages » opens the settings by itself
/// (`commandfor`). Once the app runs, it alone shows the banner.
#[component]
pub fn ConsentBanner() -> impl IntoView {
    let consent = use_consent();
    let services = consent.policy().names_in_words("et");
    // The start-up script's mark shows the banner until the app knows whether to: then, in
    // the task that learnt it, the app's `hidden` alone decides.
    Effect::new(move || {
        if consent.ready() {
            early::hand_over_banner();
        }
    });
    view! {
        <section
            id=BANNER_ID
            class="consent-banner"
            hidden=move || !consent.needs_asking()
            aria-labelledby="consent-banner-title"
            aria-describedby="consent-banner-text"
        >
            <div class="consent-banner-inner">
                <h2 id="consent-banner-title">"Cookies et contenus tiers"</h2>
                <p id="consent-banner-text">
                    {BANNER_TEXT.replace("{services}", &services)} " "
                    <A href=COOKIES>{cookies::LINK_LABEL}</A>
                </p>
                <div class="button-row">
                    {[Decision::AcceptAll, Decision::RefuseAll]
                        .map(|decision| {
                            view! {
                                <button
                                    type="button"
                                    class="button"
                                    // startup::CHOICE_ATTRIBUTE (a host test checks it)
                                    data-choice=decision.attribute()
                                    on:click=move |_| {
                                        consent.decide(decision);
                                        // The banner goes away: focus goes on to the
                                        // content, where the visitor was headed, rather
                                        // than back to the top of the document.
                                        dialog::focus(CONTENT_ID);
                                    }
                                >
                                    {cookies::decision_label(decision)}
                                </button>
                            }
                        })}
                    <SettingsButton label="Réglages" before_the_app=true />
                </div>
            </div>
        </section>
    }
}
