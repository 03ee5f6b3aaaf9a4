use leptos::prelude::*;
use leptos_router::components::A;

use super::{ConsentStatus, ServiceSwitch};
use crate::browser::dialog;
use crate::consent::{Draft, Service, duration_in_words};
use crate::content::cookies;
use crate::context::use_consent;
use crate::routes::COOKIES;

/// The settings: one switch per service, what it does and its privacy policy, when the
/// current choice was made, and the three ways to decide. A native `<dialog>` opened
/// modally: the page behind is inert, Escape closes it, Tab stays inside, and focus goes
/// back to what opened it.
#[component]
pub fn ConsentDialog() -> impl IntoView {
    let consent = use_consent();
    let element = NodeRef::<leptos::html::Dialog>::new();
    // The switches, from the choice in force each time the dialog opens; saved or dropped.
    let draft = RwSignal::new(None::<Draft>);

    // Opens on each new request for the settings, one made before this first ran included.
    Effect::new(move |answered: Option<u32>| {
        let requests = consent.settings_requests();
        if requests > answered.unwrap_or(0) {
            untrack(|| {
                if let Some(element) = element.get() {
                    draft.set(consent.draft());
                    dialog::show_modal(&element);
                }
            });
        }
        requests
    });
    let close = move || {
        if let Some(element) = element.get_untracked() {
            element.close();
        }
    };
    let save = move |_| {
        if let Some(draft) = draft.get_untracked() {
            consent.save(&draft);
        }
        close();
    };
    let services = consent.policy().services;

    view! {
        <dialog
            node_ref=element
            class="consent-dialog"
            aria-labelledby="consent-dialog-title"
            on:close=move |_| dialog::refocus_if_lost("contenu")
            on:keydown=move |event| {
                if let Some(element) = element.get_untracked() {
                    dialog::keep_tab_inside(&element, &event);
                }
            }
        >
            <div class="consent-dialog-head">
                <h2 id="consent-dialog-title">"Gestion des cookies"</h2>
                <button type="button" class="button-close" aria-label="Fermer" on:click=move |_| close()>
                    "×"
                </button>
            </div>
            <p>
                "Choisissez les services tiers dont cette page peut afficher les contenus. Votre choix est gardé "
                {duration_in_words(consent.policy().choice_lifetime)}
                " dans ce navigateur, puis nous vous le redemanderons. "
                // The page changes under the dialog: focus goes to its content, not back
                // to what opened the dialog.
                <A
                    href=COOKIES
                    on:click=move |_| {
                        close();
                        dialog::focus("contenu");
                    }
                >
                    {cookies::LINK_LABEL}
                </A>
            </p>
            <ConsentStatus />
            <ul class="consent-services">
                {services
                    .iter()
                    .map(|service| view! { <DraftSwitch service draft /> })
                    .collect_view()}
            </ul>
            <div class="button-row">
                <button type="button" class="button" on:click=move |_| { consent.accept_all(); close(); }>
                    "Tout accepter"
                </button>
                <button type="button" class="button" on:click=move |_| { consent.refuse_all(); close(); }>
                    "Tout refuser"
                </button>
                <button type="button" class="button" on:click=save>
                    "Enregistrer"
                </button>
            </div>
        </dialog>
    }
}

/// One service in the settings: its switch, what it does, and its privacy policy.
#[component]
fn DraftSwitch(
    /// The service this switch decides.
    service: &'static Service,
    /// The switches' state, saved by "Enregistrer".
    draft: RwSignal<Option<Draft>>,
) -> impl IntoView {
    let purpose_id = format!("consent-purpose-{}", service.id);
    let checked = move || draft.with(|draft| draft.as_ref().is_some_and(|d| d.allows(service)));
    view! {
        <li class="consent-service">
            <ServiceSwitch
                service
                id=format!("consent-switch-{}", service.id)
                described_by=purpose_id.clone()
                checked=Signal::derive(checked)
                disabled=false
                on_toggle=move |on| {
                    draft
                        .update(|draft| {
                            if let Some(draft) = draft {
                                draft.set(service, on);
                            }
                        })
                }
            />
            <p id=purpose_id>{service.purpose}</p>
            <a href=service.privacy_policy target="_blank" rel="noopener noreferrer">
                "Politique de confidentialité de " {service.name}
                <span class="visually-hidden">" (nouvel onglet)"</span>
            </a>
        </li>
    }
}
