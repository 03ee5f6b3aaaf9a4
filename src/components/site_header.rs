use leptos::prelude::*;

/// The band at the top of every page: the school's name, linking to its home page.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header-inner">
                <a class="site-name" href="https://www.telecom-paris.fr">
                    "Télécom Paris"
                </a>
                <span class="site-tagline">"Institut Polytechnique de Paris"</span>
            </div>
        </header>
    }
}
