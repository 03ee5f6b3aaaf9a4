use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::{
    NavigateOptions,
    components::{Redirect, Route, Router, Routes},
    path,
};

use crate::components::{
    ConsentAnnouncer, ConsentBanner, ConsentDialog, SiteFooter, SiteHeader, SkipLink,
};
use crate::content::raison_etre::PATH;
use crate::context::provide_consent_context;
use crate::pages::{NotFoundPage, RaisonEtrePage};

/// The whole app: the skip link and the consent banner first in tab order, then header,
/// the routed page and footer; the settings dialog and the live region last.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_consent_context();

    view! {
        <Router>
            <SkipLink target="contenu" />
            <ConsentBanner />
            <SiteHeader />
            <main id="contenu" class="content" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=ToCanonicalPage />
                    <Route path=path!("/fr") view=ToCanonicalPage />
                    <Route path=path!("/fr/ecole/bref/raison-etre") view=RaisonEtrePage />
                </Routes>
            </main>
            <SiteFooter />
            <ConsentDialog />
            <ConsentAnnouncer />
        </Router>
    }
}

/// The school's short addresses lead to the page; replacing the history entry keeps the
/// back button useful.
#[component]
fn ToCanonicalPage() -> impl IntoView {
    view! {
        <Redirect
            path=PATH
            options=NavigateOptions {
                replace: true,
                ..Default::default()
            }
        />
    }
}
