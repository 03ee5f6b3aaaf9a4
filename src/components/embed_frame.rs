use leptos::either::Either;
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::CustomAttribute;

use super::EmbedPlaceholder;
use crate::content::embeds::{Embed, Shape};
use crate::context::use_consent;

/// One embed: its placeholder until its service is allowed, then its iframe, in a box of
/// the same size either way.
#[component]
pub fn EmbedFrame(
    /// What to embed.
    embed: &'static Embed,
    /// Its position on the page, which makes its element ids unique.
    index: usize,
) -> impl IntoView {
    let consent = use_consent();
    let service = embed.service;
    let shape = match embed.shape {
        Shape::Wide => "embed embed-wide",
        Shape::Tall => "embed embed-tall",
    };
    // A memo: the view below is looked at again only when this service's permission changes.
    let allowed = Memo::new(move |_| consent.permission(service).may_load());
    view! {
        <div class=shape data-service=service.id>
            {move || {
                if allowed.get() {
                    // The view macro knows no `loading` on iframes; the builder sets it.
                    Either::Left(
                        leptos::html::iframe()
                            .src(embed.src)
                            .title(embed.title)
                            .referrerpolicy("strict-origin")
                            .allow((!service.allow.is_empty()).then_some(service.allow))
                            .sandbox(service.sandbox)
                            .attr("loading", "lazy"),
                    )
                } else {
                    Either::Right(view! { <EmbedPlaceholder service index /> })
                }
            }}
        </div>
    }
}
