use leptos::prelude::*;

use crate::components::{ArticleText, Breadcrumbs, EmbedSlot, PageHead};
use crate::content::{Link, raison_etre::PAGE};

/// « Notre raison d’être »: breadcrumbs, the article, then the embeds.
#[component]
pub fn RaisonEtrePage() -> impl IntoView {
    view! {
        <PageHead title=PAGE.document_title description=PAGE.description path=PAGE.path />
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
