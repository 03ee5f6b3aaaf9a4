use leptos::prelude::*;

/// The sentence the page exists to say, set large so that a skimming reader meets it.
#[component]
pub fn PullQuote(
    /// The statement, as it appears in the text.
    text: &'static str,
) -> impl IntoView {
    view! {
        <blockquote class="pull-quote">
            <p>{text}</p>
        </blockquote>
    }
}
