//! Every document the build writes, and everything in it: this module is their one author.
//! Trunk builds `index.html` from the project's template, the app's files and the styles;
//! from it, for each address of [`PRERENDERED`], this writes a document that holds:
//!
//! - in `<head>`, right after the Content-Security-Policy that governs them: an import map
//!   giving the app's JS glue its integrity, then the start-up script (`src/startup.js`)
//!   with its call, handing it the app's rules ([`StartupRules`]) and files;
//! - the head tags the page's components ask leptos_meta for (title, description, canonical
//!   address, robots), injected as a server does it, after the `<MetaTags/>` marker;
//! - the app's markup for that address, made by the very components and router the browser
//!   runs: a visitor sees the text at once, readers without JavaScript get the whole page,
//!   and the app hydrates it, keeping its nodes. It holds the banner and the settings
//!   dialog, hidden, which the start-up script can show and use before the app arrives;
//! - in the CSP, the SHA-256 of each inline script (ours, and the reload script of
//!   `trunk serve`) and of the inline stylesheet (Trunk's `rel="inline"`: no request before
//!   the first paint), in place of the template's `'inline-script-hashes'` and
//!   `'inline-style-hashes'`: no `'unsafe-inline'`; and the SHA-384 of the JS glue and the
//!   wasm (subresource integrity).
//!
//! Embeds render as their placeholders: consent is known in the browser only.
//!
//! Beside the documents, it publishes the policy in force ([`PublishedPolicy`], at
//! `routes::PUBLISHED_POLICY`): its version, the day it came into force, its facts, and the
//! canonical text the version is the fingerprint of, so that anyone can check it.

use std::collections::BTreeMap;
use std::path::Path;

use any_spawner::Executor;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use futures::{StreamExt, executor::block_on, stream};
use leptos::prelude::*;
use leptos_meta::{MetaTags, ServerMetaContext, ServerMetaContextOutput};
use leptos_router::location::RequestUrl;
use serde::Serialize;
use sha2::{Digest, Sha256, Sha384};

use crate::App;
use crate::browser::location::PRERENDERED_PATH;
use crate::consent::{
    BANNER_TEXT, CONTROLLER, LEGAL_BASIS, POLICY, POLICY_SINCE, Policy, RECORD_FIELDS,
    SCHEMA_VERSION, SETTINGS_TEXT, STORAGE_KEY, canonical, duration_in_words,
};
use crate::routes::{PRERENDERED, PUBLISHED_POLICY, Prerendered};
use crate::startup::{APP_START, StartupRules, inline_script};

/// Where the template's CSP takes the hashes of the inline scripts.
pub const INLINE_SCRIPT_HASHES: &str = "'inline-script-hashes'";
/// Where the template's CSP takes the hashes of the inline stylesheets.
pub const INLINE_STYLE_HASHES: &str = "'inline-style-hashes'";
/// Where the template's CSP takes the origin of each service's frames (`frame-src`).
pub const SERVICE_FRAME_ORIGINS: &str = "'service-frame-origins'";

/// Trunk's reload script (`trunk serve`) and what it fills in per request: the page's host
/// and the WebSocket base. Filled here as Trunk would for this site, so that the bytes
/// hashed are the bytes the browser runs.
const TRUNK_RELOAD: &str = ".well-known/trunk/ws";
const TRUNK_FILLED: [(&str, &str); 3] = [
    ("'{{__TRUNK_ADDRESS__}}'", "window.location.host"),
    ("`{{__TRUNK_ADDRESS__}}`", "window.location.host"),
    ("{{__TRUNK_WS_BASE__}}", "/"),
];

/// Why the site could not be written.
#[derive(Debug, PartialEq, Eq)]
pub enum DocumentError {
    /// The template lacks this piece of markup.
    Missing(&'static str),
    /// Trunk's output is not what this module knows: what differs.
    Unexpected(String),
    /// A file could not be read or written.
    Io(String),
}

impl std::fmt::Display for DocumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Missing(what) => write!(f, "the template has no {what}"),
            Self::Unexpected(what) | Self::Io(what) => f.write_str(what),
        }
    }
}

/// The app's JS glue and WebAssembly, as the start-up script loads them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppFiles {
    /// Address of the JS glue.
    pub js: String,
    #[serde(skip)]
    pub js_integrity: String,
    /// Address of the WebAssembly.
    pub wasm: String,
    pub wasm_integrity: String,
}

impl AppFiles {
    /// The two files Trunk wrote into `dir` for this crate's app: `raison-etre-HASH.js` and
    /// `raison-etre-HASH_bg.wasm` (each with the hash of its own content).
    pub fn find(dir: &Path) -> Result<Self, DocumentError> {
        let io = |error: std::io::Error| DocumentError::Io(format!("{}: {error}", dir.display()));
        let prefix = concat!(env!("CARGO_PKG_NAME"), "-");
        let (mut js, mut wasm) = (Vec::new(), Vec::new());
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let name = entry
                .map_err(io)?
                .file_name()
                .to_string_lossy()
                .into_owned();
            if !name.starts_with(prefix) {
                continue;
            }
            if name.ends_with("_bg.wasm") {
                wasm.push(name);
            } else if name.ends_with(".js") {
                js.push(name);
            }
        }
        let ([js], [wasm]) = (js.as_slice(), wasm.as_slice()) else {
            return Err(DocumentError::Unexpected(format!(
                "expected one {prefix}*.js and one {prefix}*_bg.wasm in {}, found {js:?} and {wasm:?}",
                dir.display()
            )));
        };
        let integrity = |bytes: &[u8]| format!("sha384-{}", BASE64.encode(Sha384::digest(bytes)));
        let glue = std::fs::read(dir.join(js)).map_err(io)?;
        let export = format!("export function {APP_START}(");
        if !String::from_utf8_lossy(&glue).contains(&export) {
            return Err(DocumentError::Unexpected(format!(
                "{js} does not export `{APP_START}`, which the start-up script calls (src/main.rs)"
            )));
        }
        Ok(Self {
            js: format!("/{js}"),
            js_integrity: integrity(&glue),
            wasm: format!("/{wasm}"),
            wasm_integrity: integrity(&std::fs::read(dir.join(wasm)).map_err(io)?),
        })
    }
}

/// Whether documents carry the page, or only what starts the app (the benchmark's "before
/// pre-rendering" build).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    Prerendered,
    Empty,
}

/// Writes every document of [`PRERENDERED`] into `dir`, the site Trunk staged, from its
/// `index.html`, and the published policy: the files written, with their sizes.
pub fn write_documents(
    dir: &Path,
    body: Body,
) -> Result<Vec<(&'static str, usize)>, DocumentError> {
    let io = |error: std::io::Error| DocumentError::Io(format!("{}: {error}", dir.display()));
    let template = std::fs::read_to_string(dir.join("index.html")).map_err(io)?;
    let app = AppFiles::find(dir)?;
    let mut written = Vec::new();
    let mut write = |file: &'static str, text: String| -> Result<(), DocumentError> {
        let target = dir.join(file);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(&target, &text).map_err(io)?;
        written.push((file, text.len()));
        Ok(())
    };
    for &Prerendered { path, file } in PRERENDERED {
        let page = (body == Body::Prerendered).then_some(path);
        write(file, render_document(&template, page, &app)?)?;
    }
    write(
        PUBLISHED_POLICY.trim_start_matches('/'),
        PublishedPolicy::of(POLICY).to_json(),
    )?;
    Ok(written)
}

/// The policy in force, as published for visitors' tools and auditors.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublishedPolicy {
    pub version: &'static str,
    pub in_force_from: &'static str,
    /// How the version is made from `canonical`.
    pub version_is: &'static str,
    pub canonical: String,
    /// Each service's agreed facts, by the names `canonical` gives them.
    pub services: Vec<BTreeMap<&'static str, &'static str>>,
    pub choice_lifetime_ms: u64,
    pub choice_lifetime: String,
    /// Who asks, by the names `canonical` gives its facts, and on what basis.
    pub controller: BTreeMap<&'static str, &'static str>,
    pub legal_basis: &'static str,
    pub banner: &'static str,
    pub settings: &'static str,
    pub storage_key: &'static str,
    pub record_schema: u32,
    pub record_fields: Vec<(&'static str, &'static str)>,
}

impl PublishedPolicy {
    pub fn of(policy: Policy) -> Self {
        Self {
            version: policy.version,
            in_force_from: POLICY_SINCE,
            version_is: "the first 12 hexadecimal digits of the SHA-256 of `canonical` (UTF-8)",
            canonical: canonical(policy.services, policy.choice_lifetime),
            services: policy
                .services
                .iter()
                .map(|service| service.agreed_facts().into_iter().collect())
                .collect(),
            choice_lifetime_ms: policy.choice_lifetime,
            choice_lifetime: duration_in_words(policy.choice_lifetime),
            controller: CONTROLLER.facts().into_iter().collect(),
            legal_basis: LEGAL_BASIS,
            banner: BANNER_TEXT,
            settings: SETTINGS_TEXT,
            storage_key: STORAGE_KEY,
            record_schema: SCHEMA_VERSION,
            record_fields: RECORD_FIELDS.to_vec(),
        }
    }

    /// As published: pretty JSON, for people too.
    pub fn to_json(&self) -> String {
        // Strings and numbers only: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

/// The template (Trunk's `index.html`) made into the document of `path` (`None`: a
/// document without the page, which the app renders when it starts).
pub fn render_document(
    template: &str,
    path: Option<&str>,
    app: &AppFiles,
) -> Result<String, DocumentError> {
    let (head, rest) = split(template, "</head>")?;
    let (between, rest) = split(rest, "<body>")?;
    // What Trunk put in the body (the reload script of `trunk serve`) stays, after the page.
    let (trunk_body, tail) = split(rest, "</body>")?;
    let head = with_startup(head, app)?;
    let document = match path {
        Some(path) => {
            let (marker, body, meta) = render_app(path, POLICY);
            let document = format!(
                "{head}{marker}</head>{between}<body {PRERENDERED_PATH}=\"{path}\">{body}{trunk_body}</body>{tail}"
            );
            // A future executor for leptos_meta's one await; set once per process.
            let _ = Executor::init_futures_executor();
            block_on(async move {
                meta.inject_meta_context(stream::iter([document]))
                    .await
                    .collect::<String>()
                    .await
            })
        }
        None => format!("{head}</head>{between}<body>{trunk_body}</body>{tail}"),
    };
    let document = fill_reload_script(document)?;
    let document = allow_inline(&document, "script", INLINE_SCRIPT_HASHES)?;
    let document = allow_inline(&document, "style", INLINE_STYLE_HASHES)?;
    allow_frames(&document)
}

/// Puts the frame origin of each service of the policy in force in the CSP, where
/// [`SERVICE_FRAME_ORIGINS`] stands: frames come from there and nowhere else.
fn allow_frames(document: &str) -> Result<String, DocumentError> {
    if !document.contains(SERVICE_FRAME_ORIGINS) {
        return Err(DocumentError::Missing(SERVICE_FRAME_ORIGINS));
    }
    let origins: Vec<&str> = POLICY
        .services
        .iter()
        .map(|service| service.frame_origin)
        .collect();
    Ok(document.replacen(SERVICE_FRAME_ORIGINS, &origins.join(" "), 1))
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
        let body = valid_markers(&view! { <App policy /> }.to_html());
        let marker = view! { <MetaTags /> }.to_html();
        (marker, body, output)
    })
}

/// tachys marks where a view's parts begin and end with empty comments written `<!>`: the
/// HTML parser reads them as empty comments, but the standard calls them bogus, and a
/// public body's pages must be valid (RGAA 8.2). `<!---->` is the same empty comment
/// node, written validly: hydration walks the same nodes. Text never holds `<!>`, since
/// tachys escapes every `<` in it.
fn valid_markers(html: &str) -> String {
    html.replace("<!>", "<!---->")
}

/// The head with the import map and the start-up script right after the CSP (a `<meta>`
/// CSP governs only what follows it), so that the script runs before anything else.
fn with_startup(head: &str, app: &AppFiles) -> Result<String, DocumentError> {
    let csp = head
        .find(INLINE_SCRIPT_HASHES)
        .ok_or(DocumentError::Missing(INLINE_SCRIPT_HASHES))?;
    let end = head[csp..]
        .find('>')
        .map(|offset| csp + offset + 1)
        .ok_or(DocumentError::Missing("end of the CSP's <meta>"))?;
    let import_map = serde_json::json!({ "integrity": { &app.js: &app.js_integrity } });
    let app_json = serde_json::to_string(app).map_err(|e| DocumentError::Io(e.to_string()))?;
    let rules = StartupRules::of(POLICY).to_json();
    let script = inline_script();
    Ok(format!(
        "{}<script type=\"importmap\">{import_map}</script><script>{script}startUp({rules}, {app_json});</script>{}",
        &head[..end],
        &head[end..]
    ))
}

/// Fills the per-request placeholders of `trunk serve`'s reload script; fails on one this
/// module does not know, rather than the CSP blocking the script.
fn fill_reload_script(mut document: String) -> Result<String, DocumentError> {
    if !document.contains(TRUNK_RELOAD) {
        return Ok(document);
    }
    if !document.contains("{{__TRUNK_ADDRESS__}}") || !document.contains("{{__TRUNK_WS_BASE__}}") {
        return Err(DocumentError::Unexpected(
            "Trunk's reload script has changed; see what src/site/document.rs fills in".to_owned(),
        ));
    }
    for (placeholder, value) in TRUNK_FILLED {
        document = document.replace(placeholder, value);
    }
    if let Some(start) = document.find("{{__TRUNK_") {
        let unknown: String = document[start..].chars().take(40).collect();
        return Err(DocumentError::Unexpected(format!(
            "Trunk fills {unknown}… per request, after the build; see src/site/document.rs"
        )));
    }
    Ok(document)
}

/// Puts the SHA-256 of each inline `<tag>` (one without `src`) in the CSP, where
/// `placeholder` stands.
fn allow_inline(
    document: &str,
    tag: &str,
    placeholder: &'static str,
) -> Result<String, DocumentError> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut hashes: Vec<String> = Vec::new();
    let mut rest = document;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start..];
        let (Some(open_end), Some(end)) = (after.find('>'), after.find(&close)) else {
            return Err(DocumentError::Unexpected(format!(
                "a <{tag}> without its end"
            )));
        };
        if !after[..open_end].contains(" src=") {
            let code = &after[open_end + 1..end];
            let hash = format!("'sha256-{}'", BASE64.encode(Sha256::digest(code)));
            if !hashes.contains(&hash) {
                hashes.push(hash);
            }
        }
        rest = &after[end + close.len()..];
    }
    if !document.contains(placeholder) {
        return Err(DocumentError::Missing(placeholder));
    }
    Ok(document.replacen(placeholder, &hashes.join(" "), 1))
}

/// The text before and after the first `marker`.
fn split<'a>(text: &'a str, marker: &'static str) -> Result<(&'a str, &'a str), DocumentError> {
    text.split_once(marker)
        .ok_or(DocumentError::Missing(marker))
}
