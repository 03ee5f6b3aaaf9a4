use leptos::prelude::*;

/// Where the video and the social media posts go, after the article. Nothing third-party
/// is shown here until the visitor allows it.
#[component]
pub fn EmbedSlot() -> impl IntoView {
    view! {
        <section class="embed-slot" aria-labelledby="embed-slot-title">
            <h2 id="embed-slot-title">"Vidéo et réseaux sociaux"</h2>
        </section>
    }
}
