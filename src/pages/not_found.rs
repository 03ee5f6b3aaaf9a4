use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::content::raison_etre::PATH;

/// Any path this app does not know: say so, and offer the way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text="Page introuvable | Télécom Paris" />
        <Meta name="robots" content="noindex" />
        <div class="not-found">
            <h1>"Page introuvable"</h1>
            <p>"L’adresse demandée ne correspond à aucune page de ce site."</p>
            <p lang="en">"The page you asked for does not exist."</p>
            <p>
                <a href=PATH>"Retour à « Notre raison d’être »"</a>
            </p>
        </div>
    }
}
