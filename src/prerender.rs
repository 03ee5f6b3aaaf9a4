//! Build-time rendering: each document the build writes, made on the host by the very
//! components and router the browser runs, around the `index.html` Trunk built. A visitor
//! sees the text at once, search engines and readers without JavaScript get the whole page,
//! and the app hydrates it, keeping its nodes, when its WebAssembly starts.
//!
//! The `<head>` gets what the page's components ask leptos_meta for (title, description,
//! canonical address, robots), injected as a server does it: after the `<MetaTags/>` marker,
//! by [`ServerMetaContextOutput::inject_meta_context`].
//!
//! The consent UI cannot be known at build time: the embeds render as their placeholders
//! and no banner shows; the app decides both once it runs.

use any_spawner::Executor;
use futures::{StreamExt, executor::block_on, stream};
use leptos::prelude::*;
use leptos_meta::{MetaTags, ServerMetaContext, ServerMetaContextOutput};
use leptos_router::location::RequestUrl;

use crate::App;
use crate::browser::location::PRERENDERED_PATH;
use crate::consent::{POLICY, Policy};

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

/// The template (Trunk's `index.html`) made into the document of `path`: the head tags of
/// its page, and its pre-rendered body before whatever Trunk put there.
pub fn render_document(template: &str, path: &str) -> Result<String, PrerenderError> {
    let (head, rest) = split(template, "</head>")?;
    let (between, rest) = split(rest, "<body>")?;
    // What Trunk put in the body (the reload script of `trunk serve`) stays, after the page.
    let (trunk_body, tail) = split(rest, "</body>")?;
    let (marker, body, meta) = render_app(path, POLICY);
    let document = format!(
        "{head}{marker}</head>{between}<body {PRERENDERED_PATH}=\"{path}\">{body}{trunk_body}</body>{tail}"
    );
    // A future executor for leptos_meta's one await; set once per process.
    let _ = Executor::init_futures_executor();
    Ok(block_on(async move {
        meta.inject_meta_context(stream::iter([document]))
            .await
            .collect::<String>()
            .await
    }))
}

/// The app's markup at `path` under another policy than the one in force: what adding a
/// service changes.
pub fn render_body(path: &str, policy: Policy) -> String {
    render_app(path, policy).1
}

/// The app's markup at `path`, as the browser's first render makes it; the `<head>` marker
/// of leptos_meta; and the head tags the page asked for.
fn render_app(path: &str, policy: Policy) -> (String, String, ServerMetaContextOutput) {
    let owner = Owner::new();
    owner.with(|| {
        let (meta, output) = ServerMetaContext::new();
        provide_context(meta);
        provide_context(RequestUrl::new(path));
        let body = view! { <App policy /> }.to_html();
        let marker = view! { <MetaTags /> }.to_html();
        (marker, body, output)
    })
}

/// The text before and after the first `marker`.
fn split<'a>(text: &'a str, marker: &'static str) -> Result<(&'a str, &'a str), PrerenderError> {
    text.split_once(marker)
        .ok_or(PrerenderError::Missing(marker))
}
