use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{ArticleText, Breadcrumbs, EmbedSlot};
use crate::content::{Link, raison_etre::PAGE};

/// « Notre raison d’être »: breadcrumbs, the article, then the embeds.
#[component]
pub fn RaisonEtrePage() -> impl IntoView {
    view! {
        <Title text=PAGE.document_title />
        <Breadcrumbs
            trail=PAGE.breadcrumbs
            current=Link {
                label: PAGE.title,
                href: PAGE.path,
            }
        />
        <ArticleText article=&PAGE />
        <EmbedSlot />
    }
}
