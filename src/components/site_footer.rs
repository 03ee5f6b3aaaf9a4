use leptos::prelude::*;

/// The band at the bottom of every page: who publishes it, and the way back to the school's
/// site.
#[component]
pub fn SiteFooter(
    /// Controls shown at the end of the footer, such as the cookie settings.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer-inner">
                <p>
                    <a href="https://www.telecom-paris.fr">"Télécom Paris"</a>
                    ", une école de l’Institut Mines-Télécom, membre de l’Institut Polytechnique de Paris."
                </p>
                {children.map(|children| children())}
            </div>
        </footer>
    }
}
