use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use super::{ConsentStatus, ServiceSwitch};
use crate::browser;
use crate::consent::{CHOICE_LIFETIME_MS, POLICY, Permission, Service, duration_in_words};
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
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let return_focus_to = StoredValue::new_local(None::<web_sys::HtmlElement>);
    // The switches, one per service in the policy's order, taken from the choice in force
    // each time the dialog opens.
    let draft = RwSignal::new(Vec::<bool>::new());

    Effect::new(move |_| {
        let open = consent.settings_open.get();
        let Some(dialog) = dialog.get() else { return };
        if open && !dialog.open() {
            return_focus_to.set_value(
                document()
                    .active_element()
                    .and_then(|element| element.dyn_into().ok()),
            );
            // Read, not followed: the dialog reacts to being opened, not to later choices.
            draft.set(untrack(|| {
                POLICY
                    .services
                    .iter()
                    .map(|service| consent.permission(service.id) == Permission::Allowed)
                    .collect()
            }));
            if let Err(error) = dialog.show_modal() {
                browser::warn(&format!("Consent settings: could not open ({error:?})."));
                consent.settings_open.set(false);
            }
        } else if !open && dialog.open() {
            dialog.close();
        }
    });

    // Closing by any way (Escape, a button) ends here: focus goes back to the trigger, or
    // to the content when the trigger went away with the banner.
    let on_close = move |_| {
        consent.settings_open.set(false);
        let trigger = return_focus_to
            .get_value()
            .filter(|element| element.is_connected());
        let target = trigger.or_else(|| {
            document()
                .get_element_by_id("contenu")
                .and_then(|main| main.dyn_into().ok())
        });
        if let Some(target) = target {
            let _ = target.focus();
        }
    };
    let on_keydown = move |event: KeyboardEvent| {
        if event.key() == "Tab"
            && let Some(dialog) = dialog.get()
        {
            keep_tab_inside(&dialog, &event);
        }
    };
    let close = move || consent.settings_open.set(false);
    let save = move |_| {
        let switches = draft.get_untracked();
        consent.decide(POLICY.services.iter().map(|s| s.id).zip(switches).collect());
        close();
    };

    view! {
        <dialog
            node_ref=dialog
            class="consent-dialog"
            aria-labelledby="consent-dialog-title"
            on:close=on_close
            on:keydown=on_keydown
        >
            <div class="consent-dialog-head">
                <h2 id="consent-dialog-title">"Gestion des cookies"</h2>
                <button type="button" class="button-close" aria-label="Fermer" on:click=move |_| close()>
                    "×"
                </button>
            </div>
            <p>
                "Choisissez les services tiers dont cette page peut afficher les contenus. Votre choix est gardé "
                {duration_in_words(CHOICE_LIFETIME_MS)}
                " dans ce navigateur, puis nous vous le redemanderons. "
                <A
                    href=COOKIES
                    on:click=move |_| {
                        // The page changes under the dialog: focus goes to its content, not
                        // back to what opened the dialog.
                        return_focus_to.set_value(None);
                        close();
                    }
                >
                    {cookies::LINK_LABEL}
                </A>
            </p>
            <ConsentStatus />
            <ul class="consent-services">
                {POLICY
                    .services
                    .iter()
                    .enumerate()
                    .map(|(index, service)| view! { <DraftSwitch service index draft /> })
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
    /// Its position in the policy's list of services.
    index: usize,
    /// The switches' state, saved by "Enregistrer".
    draft: RwSignal<Vec<bool>>,
) -> impl IntoView {
    let purpose_id = format!("consent-purpose-{}", service.id);
    let checked = move || draft.with(|draft| draft.get(index).copied().unwrap_or(false));
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
                            if let Some(switch) = draft.get_mut(index) {
                                *switch = on;
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

/// Tab from the last control goes to the first, Shift+Tab from the first to the last:
/// focus never leaves the open dialog for the browser's own controls.
fn keep_tab_inside(dialog: &web_sys::HtmlDialogElement, event: &KeyboardEvent) {
    let Ok(focusable) = dialog.query_selector_all("button, input, a[href]") else {
        return;
    };
    let element = |index| {
        focusable
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
    };
    let (Some(first), Some(last)) = (element(0), element(focusable.length().saturating_sub(1)))
    else {
        return;
    };
    let active = document().active_element();
    let (from, to) = if event.shift_key() {
        (first, last)
    } else {
        (last, first)
    };
    if active.as_ref() == Some(from.as_ref()) {
        event.prevent_default();
        let _ = to.focus();
    }
}
