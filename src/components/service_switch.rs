use leptos::prelude::*;

use crate::consent::Service;

/// A service's on/off switch, labelled with its name. The settings dialog and the cookie
/// page both decide through it: the dialog into its draft, the page at once.
#[component]
pub fn ServiceSwitch(
    /// The service it decides.
    service: &'static Service,
    /// The switch's element id: unique on the page, which can show the dialog's and the
    /// cookie page's switches at once.
    id: String,
    /// The id of the text that says what the service does.
    described_by: String,
    /// Whether it is on.
    #[prop(into)]
    checked: Signal<bool>,
    /// Whether it cannot be used yet.
    #[prop(into, optional)]
    disabled: Signal<bool>,
    /// Called with the new position when the visitor flips it.
    on_toggle: impl Fn(bool) + 'static,
) -> impl IntoView {
    view! {
        <div class="consent-service-head">
            <label for=id.clone()>{service.name}</label>
            <input
                type="checkbox"
                role="switch"
                id=id
                name=service.id
                aria-describedby=described_by
                prop:checked=checked
                disabled=disabled
                on:change=move |event| on_toggle(event_target_checked(&event))
            />
        </div>
    }
}
