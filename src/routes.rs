//! The app's addresses. Which page a path shows is the router's business (`app.rs`); these
//! constants name the paths for links, and list the documents the build pre-renders.

/// « Notre raison d’être », where `/` and `/fr` lead.
pub const RAISON_ETRE: &str = "/fr/ecole/bref/raison-etre";

/// « Gestion des cookies »: what third parties the site may load, and the visitor's choice.
pub const COOKIES: &str = "/fr/cookies";

/// The policy in force, as a machine reads it: its version, its facts, and how the version is
/// derived from them (written by `site::document::write_documents`).
pub const PUBLISHED_POLICY: &str = "/fr/cookies/politique.json";

/// The short addresses that lead to the page: hosts answer them with a permanent redirect
/// (`site::hosts`, `site::nginx`), the app's router with its own (`app.rs`).
pub const REDIRECTS: &[(&str, &str)] = &[
    ("/", RAISON_ETRE),
    ("/fr", RAISON_ETRE),
    ("/fr/", RAISON_ETRE),
];

/// The address static hosts give the view of an unknown path.
pub const NOT_FOUND: &str = "/404.html";

/// A document the build writes into `dist/`: the address it is rendered for, and its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prerendered {
    pub path: &'static str,
    pub file: &'static str,
}

/// Every document the build pre-renders, as static hosts look them up: `/a/b` in `a/b.html`,
/// `/` in `index.html` (which `trunk serve` also gives every unknown path), anything else
/// in `404.html`.
pub const PRERENDERED: &[Prerendered] = &[
    Prerendered {
        path: RAISON_ETRE,
        file: "index.html",
    },
    Prerendered {
        path: RAISON_ETRE,
        file: "fr/ecole/bref/raison-etre.html",
    },
    Prerendered {
        path: COOKIES,
        file: "fr/cookies.html",
    },
    Prerendered {
        path: NOT_FOUND,
        file: "404.html",
    },
];
