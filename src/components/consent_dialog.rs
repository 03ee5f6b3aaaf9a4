use leptos::prelude::*;
use leptos_router::components::A;

use super::{ConsentStatus, ServiceSwitch};
use crate::browser::dialog;
use crate::consent::{Decision, SETTINGS_TEXT, Service, duration_in_words};
use crate::content::cookies;
use crate::context::use_consent;
use crate::routes::COOKIES;
use crate::startup::{CONTENT_ID, DIALOG_ID};

/// The settings: one switch per service, what it does and its privacy policy, when the
/// current choice was made, and the three ways to decide. A native `<dialog>` opened
/// modally: the page behind is inert, Escape closes it, Tab stays inside, and focus goes
/// back to what opened it.
///
/// It needs no script to work before the app has arrived: « Réglages » opens it by its
/// `commandfor`, its switches are checkboxes, and its buttons close it by its own
/// `<form method="dialog">`, their decision as its return value, which the start-up script
/// records. The app takes it over as the visitor left it.
#[component]
pub fn ConsentDialog() -> impl IntoView {
    let consent = use_consent();
    let element = NodeRef::<leptos::html::Dialog>::new();
    // Follows the settings' state; on its first run, only opens: the visitor may have
    // opened the dialog before the app ran, and nothing must close it then.
    Effect::new(move |was_open: Option<bool>| {
        let open = consent.settings_open();
        if let Some(element) = element.get() {
            if open {
                dialog::show_modal(&element);
            } else if was_open.is_some() {
                element.close();
            }
        }
        open
    });
    let services = consent.policy().services;

    view! {
        <dialog
            node_ref=element
            id=DIALOG_ID
            class="consent-dialog"
            aria-labelledby="consent-dialog-title"
            on:close=move |_| {
                consent.close_settings();
                dialog::refocus_if_lost(CONTENT_ID);
            }
            on:keydown=move |event| {
                if let Some(element) = element.get_untracked() {
                    dialog::keep_tab_inside(&element, &event);
                }
            }
        >
            <form method="dialog">
                <div class="consent-dialog-head">
                    <h2 id="consent-dialog-title">"Gestion des cookies"</h2>
                    <button class="button-close" aria-label="Fermer">
                        "×"
                    </button>
                </div>
                <p>
                    {SETTINGS_TEXT
                        .replace("{lifetime}", &duration_in_words(consent.policy().choice_lifetime))}
                    " "
                    // The page changes under the dialog: focus goes to its content, not back
                    // to what opened the dialog.
                    <A
                        href=COOKIES
                        on:click=move |_| {
                            if let Some(element) = element.get_untracked() {
                                element.close();
                            }
                            dialog::focus(CONTENT_ID);
                        }
                    >
                        {cookies::LINK_LABEL}
                    </A>
                </p>
                <ConsentStatus />
                <ul class="consent-services">
                    {services
                        .iter()
                        .map(|service| view! { <DraftSwitch service /> })
                        .collect_view()}
                </ul>
                <div class="button-row">
                    {Decision::ALL
                        .map(|decision| {
                            view! {
                                <button
                                    class="button"
                                    value=decision.attribute()
                                    on:click=move |_| consent.decide(decision)
                                >
                                    {cookies::decision_label(decision)}
                                </button>
                            }
                        })}
                </div>
            </form>
        </dialog>
    }
}

/// One service in the settings: its switch, what it does, who receives the data, and its
/// privacy policy.
#[component]
fn DraftSwitch(
    /// The service this switch decides.
    service: &'static Service,
) -> impl IntoView {
    let consent = use_consent();
    let purpose_id = format!("consent-purpose-{}", service.id);
    let recipient_id = format!("consent-recipient-{}", service.id);
    view! {
        <li class="consent-service">
            <ServiceSwitch
                service
                id=format!("consent-switch-{}", service.id)
                described_by=format!("{purpose_id} {recipient_id}")
                checked=Signal::derive(move || consent.switch_on(service))
                on_toggle=move |on| consent.set_switch(service, on)
            />
            <p id=purpose_id>{service.purpose}</p>
            <p id=recipient_id>{format!("Destinataire\u{a0}: {}", service.recipient)}</p>
            <a href=service.privacy_policy target="_blank" rel="noopener noreferrer">
                "Politique de confidentialité de " {service.name}
                <span class="visually-hidden">" (nouvel onglet)"</span>
            </a>
        </li>
    }
}
