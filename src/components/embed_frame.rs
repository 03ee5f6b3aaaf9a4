use leptos::either::Either;
use leptos::prelude::*;
use tachys::html::attribute::custom::CustomAttribute;

use super::EmbedPlaceholder;
use crate::browser::executor::in_own_task;
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
    // Creating an iframe costs the main thread (docs/performance.md): when the visitor
    // allows every service at once, each frame goes into the page in a task of its own, not
    // all of them in the task that applies the choice. A withdrawal takes the
    // frame away at once.
    let shown = RwSignal::new(allowed.get_untracked());
    Effect::new(move |_| {
        if allowed.get() {
            in_own_task(move || {
                let still_allowed = allowed.try_get_untracked() == Some(true);
                if still_allowed && shown.try_get_untracked() == Some(false) {
                    shown.set(true);
                }
            });
        } else if shown.get_untracked() {
            shown.set(false);
        }
    });
    view! {
        <div class=shape data-service=service.id>
            {move || {
                if shown.get() {
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
