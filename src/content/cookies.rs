//! The « Gestion des cookies » page: its place on the site and its title. What it says of
//! the services, of how long a choice lasts and of what is stored comes from `consent`.

use super::{HOME, HOME_FR, Link};
use crate::consent::Decision;
use crate::routes::COOKIES;

/// The page's `h1`, and its last breadcrumb.
pub const TITLE: &str = "Gestion des cookies";

/// What every link to the page says, wherever it stands.
pub const LINK_LABEL: &str = "Tout savoir sur les cookies";

/// The document's `<title>`.
pub const DOCUMENT_TITLE: &str = "Gestion des cookies | Télécom Paris";

/// The `<meta name="description">`.
pub const DESCRIPTION: &str = "Les services tiers que ce site peut afficher, ce qu’ils font \
    de vos données, ce que le site garde dans votre navigateur, et votre choix, à changer à \
    tout moment.";

/// The ancestors of the page on the school's site.
pub const BREADCRUMBS: &[Link] = &[HOME, HOME_FR];

/// The page itself, as a link.
pub const PAGE: Link = Link {
    label: TITLE,
    href: COOKIES,
};

/// What the button of a decision says, on the banner and in the settings.
pub const fn decision_label(decision: Decision) -> &'static str {
    match decision {
        Decision::AcceptAll => "Tout accepter",
        Decision::RefuseAll => "Tout refuser",
        Decision::Save => "Enregistrer",
    }
}
