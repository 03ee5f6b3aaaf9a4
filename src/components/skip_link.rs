use leptos::prelude::*;

/// The first stop of the keyboard: jumps over the banner and the header to the content.
#[component]
pub fn SkipLink(
    /// The id of the element to jump to; it must be focusable (`tabindex="-1"`).
    target: &'static str,
) -> impl IntoView {
    // The router would take the click as a navigation and leave focus where it was: move
    // focus ourselves, as the browser does for a plain fragment link.
    let jump = move |event: leptos::ev::MouseEvent| {
        let Some(element) = document().get_element_by_id(target) else {
            return;
        };
        event.prevent_default();
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            let _ = element.focus();
            element.scroll_into_view();
        }
    };
    view! {
        <a class="skip-link" href=format!("#{target}") on:click=jump>
            "Aller au contenu"
        </a>
    }
}
