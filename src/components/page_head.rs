use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use crate::content::SITE_ORIGIN;

/// What a page puts in the document's `<head>`: its title, its description for search
/// engines and link previews, and its canonical address. leptos_meta writes them into the
/// pre-rendered HTML and keeps them up to date as the visitor moves between pages.
#[component]
pub fn PageHead(
    /// The document's `<title>`.
    title: &'static str,
    /// The `<meta name="description">`.
    description: &'static str,
    /// The page's path in this app; the canonical address is on [`SITE_ORIGIN`].
    path: &'static str,
) -> impl IntoView {
    view! {
        <Title text=title />
        <Meta name="description" content=description />
        <Link rel="canonical" href=format!("{SITE_ORIGIN}{path}") />
    }
}
