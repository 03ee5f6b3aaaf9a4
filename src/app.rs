use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::{
    NavigateOptions,
    components::{Redirect, Route, Router, Routes},
    path,
};

use crate::components::{SiteFooter, SiteHeader};
use crate::content::raison_etre::PATH;
use crate::pages::{NotFoundPage, RaisonEtrePage};

/// The whole app: header, the routed page, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <Router>
            <SiteHeader />
            <main id="contenu" class="content" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=ToCanonicalPage />
                    <Route path=path!("/fr") view=ToCanonicalPage />
                    <Route path=path!("/fr/ecole/bref/raison-etre") view=RaisonEtrePage />
                </Routes>
            </main>
            <SiteFooter />
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
