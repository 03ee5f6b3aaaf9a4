//! The page's text, as typed data. Components render it; nothing here knows about HTML.
//!
//! To change a word of the page, edit [`raison_etre`]. French typography is a rule of this
//! module, checked by the tests: a no-break space (U+00A0) before `:`, a narrow no-break
//! space (U+202F) before `; ! ?` and inside `« »`, and the typographic apostrophe `’`.

pub mod cookies;
pub mod embeds;
pub mod raison_etre;

/// Where the site is published: canonical addresses are its paths on this origin, which is
/// the school's (the pages keep the paths they have there).
pub const SITE_ORIGIN: &str = "https://www.telecom-paris.fr";

/// A link to a page, inside or outside this app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// What the visitor reads.
    pub label: &'static str,
    /// Where it leads: an absolute URL, or a path of this app.
    pub href: &'static str,
}

/// The school's home page, where every trail of breadcrumbs starts.
pub const HOME: Link = Link {
    label: "Accueil",
    href: "https://www.telecom-paris.fr",
};

/// The home page of the school's French site, second in every trail.
pub const HOME_FR: Link = Link {
    label: "fr",
    href: "https://www.telecom-paris.fr/fr",
};

/// One block of running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// An ordinary paragraph.
    Paragraph(&'static str),
    /// The paragraph that carries the page's message, set as a pull-quote.
    Statement(&'static str),
}

impl Block {
    /// The words of the block, whatever its kind.
    pub fn text(&self) -> &'static str {
        match self {
            Block::Paragraph(text) | Block::Statement(text) => text,
        }
    }
}

/// A titled subsection of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// Its `h2`.
    pub heading: &'static str,
    /// Its paragraphs, in order.
    pub blocks: &'static [Block],
}

/// Who signs the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signature {
    pub name: &'static str,
    pub role: &'static str,
}

/// Everything a content page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article {
    /// The app path this page lives at (one of `routes`).
    pub path: &'static str,
    /// The document's `<title>`.
    pub document_title: &'static str,
    /// The `<meta name="description">`, for search engines and link previews.
    pub description: &'static str,
    /// The ancestors of this page on the school's site, from the home page down.
    pub breadcrumbs: &'static [Link],
    /// The `h1`.
    pub title: &'static str,
    /// The text between the `h1` and the first subsection.
    pub intro: &'static [Block],
    /// The subsections, each under an `h2`.
    pub sections: &'static [Section],
    pub signature: Signature,
}

impl Article {
    /// Every block of the article in reading order, headings left out.
    pub fn blocks(&self) -> impl Iterator<Item = &'static Block> + '_ {
        self.intro.iter().chain(
            self.sections
                .iter()
                .flat_map(|section| section.blocks.iter()),
        )
    }
}
