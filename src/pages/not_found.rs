use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

use crate::routes::RAISON_ETRE;

/// The document title of the 404 view.
pub const TITLE: &str = "Page introuvable | Télécom Paris";

/// Any path this app does not know: say so, keep search engines away, and offer the way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text=TITLE />
        <Meta name="robots" content="noindex" />
        <div class="not-found">
            <h1>"Page introuvable"</h1>
            <p>"L’adresse demandée ne correspond à aucune page de ce site."</p>
            <p lang="en">"The page you asked for does not exist."</p>
            <p>
                <A href=RAISON_ETRE>"Retour à «\u{202f}Notre raison d’être\u{202f}»"</A>
            </p>
        </div>
    }
}
