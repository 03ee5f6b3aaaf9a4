use leptos::prelude::*;

use super::EmbedFrame;
use crate::content::embeds::EMBEDS;

/// Where the video and the social media posts go, after the article. Nothing third-party
/// is shown here until the visitor allows it.
#[component]
pub fn EmbedSlot() -> impl IntoView {
    view! {
        <section class="embed-slot" aria-labelledby="embed-slot-title">
            <h2 id="embed-slot-title">"Vidéo et réseaux sociaux"</h2>
            <div class="embed-grid">
                {EMBEDS
                    .iter()
                    .enumerate()
                    .map(|(index, embed)| view! { <EmbedFrame embed index /> })
                    .collect_view()}
            </div>
        </section>
    }
}
