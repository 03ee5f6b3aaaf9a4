use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;

use crate::components::{ConsentAnnouncer, ConsentBanner, ConsentDialog, SiteFooter, SiteHeader};
use crate::context::provide_consent_context;
use crate::pages::{NotFoundPage, RaisonEtrePage};
use crate::routes::Route;

/// The whole app: the skip link and the consent banner first in tab order, then header,
/// the page for the route and footer; the settings dialog and the live region last.
#[component]
pub fn App(
    /// What to show: the route of the address the visitor asked for.
    route: Route,
) -> impl IntoView {
    provide_meta_context();
    provide_consent_context();

    view! {
        <a class="skip-link" href="#contenu">"Aller au contenu"</a>
        <ConsentBanner />
        <SiteHeader />
        <main id="contenu" class="content" tabindex="-1">
            {match route {
                Route::RaisonEtre => Either::Left(view! { <RaisonEtrePage /> }),
                Route::NotFound => Either::Right(view! { <NotFoundPage /> }),
            }}
        </main>
        <SiteFooter />
        <ConsentDialog />
        <ConsentAnnouncer />
    }
}
