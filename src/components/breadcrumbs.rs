use leptos::prelude::*;

use crate::content::Link;

/// Where the page sits on the school's site: a `nav` holding an ordered list, the current
/// page last and marked with `aria-current="page"`.
#[component]
pub fn Breadcrumbs(
    /// The ancestors of the current page, from the home page down.
    trail: &'static [Link],
    /// The current page.
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
                    <a href=current.href aria-current="page">{current.label}</a>
                </li>
            </ol>
        </nav>
    }
}
