use leptos::prelude::*;
use leptos_router::components::A;

use crate::content::Link;

/// Where the page sits on the school's site: a `nav` holding an ordered list, the current
/// page last, a link of this app that the router marks with `aria-current="page"`.
#[component]
pub fn Breadcrumbs(
    /// The ancestors of the current page, from the home page down.
    trail: &'static [Link],
    /// The current page, a path of this app.
    current: Link,
) -> impl IntoView {
    view! {
        <nav class="breadcrumbs" aria-label="Fil d’Ariane">
            <ol>
                {trail
                    .iter()
                    .map(|link| view! { <li><a href=link.href>{link.label}</a></li> })
                    .collect_view()}
                <li>
                    <A href=current.href>{current.label}</A>
                </li>
            </ol>
        </nav>
    }
}
