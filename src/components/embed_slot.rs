use leptos::prelude::*;

use super::EmbedFrame;
use crate::content::embeds::EMBEDS;
use crate::context::use_consent;

/// Where the video and the social media posts go, after the article. Nothing third-party
/// is shown here until the visitor allows it.
#[component]
pub fn EmbedSlot() -> impl IntoView {
    let policy = use_consent().policy();
    view! {
        <section class="embed-slot" aria-labelledby="embed-slot-title">
            <h2 id="embed-slot-title">"Vidéo et réseaux sociaux"</h2>
            // The pre-rendered page is read without JavaScript too: there the CSS hides the
            // placeholders, whose buttons could not work, and shows why instead.
            <div class="embed-noscript">
                <p>
                    "Les contenus de " {policy.names_in_words("et")}
                    " s’affichent avec JavaScript, et seulement avec votre accord."
                </p>
                <p lang="en">
                    "Content from " {policy.names_in_words("and")}
                    " needs JavaScript, and your consent."
                </p>
            </div>
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
