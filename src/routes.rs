//! The app's addresses: one page, the short addresses that lead to it, and a 404 for the
//! rest. Plain Rust: three paths need no router library, and leaving leptos_router out
//! saves about a third of the download (see the README).

use crate::content::raison_etre::{PAGE, PATH};
use crate::pages::not_found;

/// What to show for an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    RaisonEtre,
    NotFound,
}

impl Route {
    /// The route for a path, and the canonical path to show in the address bar when the
    /// visitor came by another one (`/`, `/fr`, a trailing slash).
    pub fn resolve(path: &str) -> (Self, Option<&'static str>) {
        let trimmed = match path.trim_end_matches('/') {
            "" => "/",
            trimmed => trimmed,
        };
        match trimmed {
            PATH if path == PATH => (Self::RaisonEtre, None),
            "/" | "/fr" | PATH => (Self::RaisonEtre, Some(PATH)),
            _ => (Self::NotFound, None),
        }
    }

    /// A name for the route, written on the `<body>` of its pre-rendered page.
    pub fn id(self) -> &'static str {
        match self {
            Self::RaisonEtre => "raison-etre",
            Self::NotFound => "not-found",
        }
    }

    /// The document's `<title>`.
    pub fn title(self) -> &'static str {
        match self {
            Self::RaisonEtre => PAGE.document_title,
            Self::NotFound => not_found::TITLE,
        }
    }

    /// The `<meta name="description">`, for pages worth finding.
    pub fn description(self) -> Option<&'static str> {
        match self {
            Self::RaisonEtre => Some(PAGE.description),
            Self::NotFound => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_canonical_path_shows_the_page_as_it_is() {
        assert_eq!(Route::resolve(PATH), (Route::RaisonEtre, None));
    }

    #[test]
    fn short_addresses_lead_to_the_page() {
        for path in ["/", "", "/fr", "/fr/", "//", "/fr/ecole/bref/raison-etre/"] {
            assert_eq!(
                Route::resolve(path),
                (Route::RaisonEtre, Some(PATH)),
                "{path}"
            );
        }
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in [
            "/en",
            "/fr/ecole",
            "/fr/ecole/bref/raison-etre/plus",
            "/FR",
            "/index.html",
        ] {
            assert_eq!(Route::resolve(path), (Route::NotFound, None), "{path}");
        }
    }
}
