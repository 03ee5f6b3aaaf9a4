//! Build-time rendering: the page's HTML, made on the host by the very components the
//! browser runs, written into the `index.html` Trunk built. A visitor sees the text at once,
//! search engines and readers without JavaScript get the whole page, and the app replaces
//! hydrates it, keeping its nodes, when its WebAssembly starts.
//!
//! The consent UI cannot be known at build time: the embeds render as their placeholders
//! and no banner shows; the app decides both once it runs.

use leptos::prelude::*;
use leptos_meta::ServerMetaContext;

use crate::App;
use crate::browser::location::PRERENDERED_ROUTE;
use crate::routes::Route;

/// Why a template could not be filled.
#[derive(Debug, PartialEq, Eq)]
pub enum PrerenderError {
    /// The template lacks this piece of markup.
    Missing(&'static str),
}

impl std::fmt::Display for PrerenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Missing(what) => write!(f, "the template has no {what}"),
        }
    }
}

/// The app's markup for a route, as the browser's first render makes it.
pub fn render_body(route: Route) -> String {
    let owner = Owner::new();
    owner.with(|| {
        // The title goes into the template's <title>, below; leptos_meta only needs to know
        // that it renders on a server.
        let (meta, _) = ServerMetaContext::new();
        provide_context(meta);
        view! { <App route /> }.to_html()
    })
}

/// The template (Trunk's `index.html`, with an empty `<body>`) with the route's title and
/// description, and its pre-rendered body.
pub fn render_document(template: &str, route: Route) -> Result<String, PrerenderError> {
    let (head, rest) = split(template, "<body>")?;
    let (_, tail) = split(rest, "</body>")?;
    let (before_title, rest) = split(head, "<title>")?;
    let (_, after_title) = split(rest, "</title>")?;
    let description = route.description().map_or_else(String::new, |text| {
        format!(
            "<meta name=\"description\" content=\"{}\">",
            html_escape::encode_double_quoted_attribute(text)
        )
    });
    Ok(format!(
        "{before_title}<title>{}</title>{description}{after_title}<body {PRERENDERED_ROUTE}=\"{}\">{}</body>{tail}",
        html_escape::encode_text(route.title()),
        route.id(),
        render_body(route)
    ))
}

/// The text before and after the first `marker`.
fn split<'a>(text: &'a str, marker: &'static str) -> Result<(&'a str, &'a str), PrerenderError> {
    text.split_once(marker)
        .ok_or(PrerenderError::Missing(marker))
}
