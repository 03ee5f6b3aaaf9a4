use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{FlatRoutes, Redirect, Route, Router};
use leptos_router::{NavigateOptions, path};

use crate::browser::Browser;
use crate::components::{ConsentAnnouncer, ConsentBanner, ConsentDialog, SiteFooter, SiteHeader};
use crate::consent::{EarlyActions, POLICY, Policy};
use crate::context::provide_consent_context;
use crate::pages::{CookiesPage, HydrateAtOnce, HydrateInNextTask, NotFoundPage, RaisonEtrePage};
use crate::routes::RAISON_ETRE;
use crate::startup::CONTENT_ID;

/// The whole app: the skip link and the consent banner first in tab order, then header,
/// the page of the address and footer; the settings dialog and the live region last.
///
/// The paths below are the constants of `routes` (a host test renders each constant
/// through this router), written out because `path!` takes literals.
#[component]
pub fn App(
    /// The services the visitor is asked about: the policy in force, unless a test says
    /// otherwise.
    #[prop(default = POLICY)]
    policy: Policy,
    /// What the visitor did on the pre-rendered page before the app ran.
    #[prop(optional)]
    early: EarlyActions,
) -> impl IntoView {
    provide_meta_context();
    provide_consent_context(policy, &Browser, early);

    view! {
        <Router>
            // target="_self", the default, keeps the router's hands off this link: the
            // browser's own jump to #contenu moves focus there, the router's would not.
            <a class="skip-link" href="#contenu" target="_self">
                "Aller au contenu"
            </a>
            <ConsentBanner />
            <SiteHeader />
            // The page's content is taken over in the task after the rest (`HydrateInNextTask`).
            {HydrateInNextTask(
                view! {
                    <main id=CONTENT_ID class="content" tabindex="-1">
                        // Each page hydrates in one go (`HydrateAtOnce`): no page waits on data.
                        <FlatRoutes fallback=|| HydrateAtOnce(NotFoundPage())>
                            <Route path=path!("/") view=ToRaisonEtre />
                            <Route path=path!("/fr") view=ToRaisonEtre />
                            <Route
                                path=path!("/fr/ecole/bref/raison-etre")
                                view=|| HydrateAtOnce(RaisonEtrePage())
                            />
                            <Route path=path!("/fr/cookies") view=|| HydrateAtOnce(CookiesPage()) />
                        </FlatRoutes>
                    </main>
                },
            )}
            <SiteFooter />
            <ConsentDialog />
            <ConsentAnnouncer />
        </Router>
    }
}

/// `/` and `/fr` lead to the page, in place of their own history entry so that Back skips
/// them. (A server can do it sooner with a 301; static hosts cannot.)
#[component]
fn ToRaisonEtre() -> impl IntoView {
    let options = NavigateOptions {
        replace: true,
        ..NavigateOptions::default()
    };
    view! { <Redirect path=RAISON_ETRE options /> }
}
