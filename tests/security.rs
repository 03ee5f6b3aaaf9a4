//! The Content-Security-Policy of index.html, as the build completes it, agrees with the
//! code, and no markup is built from strings.
#![cfg(not(target_arch = "wasm32"))]

use raison_etre::consent::SERVICES;
use raison_etre::routes::RAISON_ETRE;
use raison_etre::site::document::{AppFiles, SERVICE_FRAME_ORIGINS, render_document};

const INDEX_HTML: &str = include_str!("../index.html");

/// The directives of `html`'s policy, by name.
fn csp_of(html: &str) -> Vec<(String, Vec<String>)> {
    let start = html
        .find("http-equiv=\"Content-Security-Policy\"")
        .expect("the document has a CSP");
    let content = &html[start..];
    let content = content.split("content=\"").nth(1).expect("it has content");
    let content = content.split('"').next().expect("closed");
    content
        .split(';')
        .map(|directive| {
            let mut words = directive.split_whitespace().map(str::to_owned);
            let name = words.next().unwrap_or_default();
            (name, words.collect())
        })
        .collect()
}

/// The template's policy, before the build completes it.
fn csp() -> Vec<(String, Vec<String>)> {
    csp_of(INDEX_HTML)
}

fn directive_of(policy: Vec<(String, Vec<String>)>, name: &str) -> Vec<String> {
    policy
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no {name} in the CSP"))
        .1
}

fn directive(name: &str) -> Vec<String> {
    directive_of(csp(), name)
}

#[test]
fn frames_come_only_from_the_services_origins() {
    assert_eq!(
        directive("frame-src"),
        [SERVICE_FRAME_ORIGINS],
        "the build writes the origins in, from consent::SERVICES"
    );
    let app = AppFiles {
        js: "/app.js".to_owned(),
        js_integrity: "sha384-js".to_owned(),
        wasm: "/app_bg.wasm".to_owned(),
        wasm_integrity: "sha384-wasm".to_owned(),
    };
    let document = render_document(INDEX_HTML, Some(RAISON_ETRE), &app).expect("index.html");
    let mut framed = directive_of(csp_of(&document), "frame-src");
    let mut origins: Vec<_> = SERVICES.iter().map(|s| s.frame_origin.to_owned()).collect();
    framed.sort();
    origins.sort();
    assert_eq!(framed, origins);
}

#[test]
fn scripts_come_only_from_our_origin_and_the_hashed_start_up_script() {
    assert_eq!(
        directive("script-src"),
        ["'self'", "'wasm-unsafe-eval'", "'inline-script-hashes'"],
        "the build replaces the last token with the hashes of Trunk's inline scripts"
    );
    for (name, sources) in csp() {
        assert!(
            !sources
                .iter()
                .any(|s| s == "'unsafe-inline'" || s == "'unsafe-eval'"),
            "{name}"
        );
    }
}

#[test]
fn styles_come_only_from_the_inline_stylesheet_by_its_hash() {
    assert_eq!(
        directive("style-src"),
        ["'inline-style-hashes'"],
        "the build replaces it with the hash of the stylesheet Trunk inlines"
    );
    assert!(INDEX_HTML.contains(r#"<link data-trunk rel="inline" href="style/main.css" />"#));
}

#[test]
fn everything_else_is_shut() {
    assert_eq!(directive("default-src"), ["'none'"]);
    assert_eq!(directive("object-src"), ["'none'"]);
    assert_eq!(directive("base-uri"), ["'none'"]);
    assert_eq!(directive("form-action"), ["'none'"]);
    assert_eq!(directive("connect-src"), ["'self'"]);
}

/// Every way of putting raw HTML into the page, whatever its spelling in Rust, in a view
/// or in JavaScript (`inner_html`, `prop:innerHTML`, `set_inner_html`, `insertAdjacentHTML`,
/// `document.write`…): compared with case, `_`, `-`, `:`, `.` and spaces taken out.
const RAW_HTML_SINKS: &[&str] = &[
    "innerhtml",
    "outerhtml",
    "insertadjacenthtml",
    "createcontextualfragment",
    "documentwrite(",
    "documentwriteln(",
    "parsehtmlunsafe",
    "sethtmlunsafe",
    "srcdoc",
];

/// `text` as the sinks are compared with it.
fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '_' | '-' | ':' | '.' | ' ' | '"'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The raw-HTML sinks named in the files under `dir`, with their file.
fn sinks_under(dir: &std::path::Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(sinks_under(&path));
        } else if let Ok(code) = std::fs::read_to_string(&path) {
            let code = folded(&code);
            for sink in RAW_HTML_SINKS.iter().filter(|sink| code.contains(**sink)) {
                found.push(format!("{}: {sink}", path.display()));
            }
        }
    }
    found
}

#[test]
fn no_code_puts_raw_html_into_the_page() {
    let src = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    assert_eq!(sinks_under(src), Vec::<String>::new());
}

#[test]
fn every_spelling_of_a_raw_html_sink_is_caught() {
    for spelling in [
        "inner_html=html",
        "prop:innerHTML=html",
        "el.set_inner_html(&html)",
        "node.insertAdjacentHTML('beforeend', html)",
        "document.write(html)",
        "<iframe srcdoc=html>",
        "Element::outer_html",
    ] {
        assert!(
            RAW_HTML_SINKS
                .iter()
                .any(|sink| folded(spelling).contains(sink)),
            "{spelling} slips through"
        );
    }
}
