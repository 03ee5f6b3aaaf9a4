//! The pieces of the page, one concern a file, named after what they show.

pub mod article_text;
pub mod breadcrumbs;
pub mod embed_slot;
pub mod pull_quote;
pub mod signature;
pub mod site_footer;
pub mod site_header;

pub use article_text::ArticleText;
pub use breadcrumbs::Breadcrumbs;
pub use embed_slot::EmbedSlot;
pub use pull_quote::PullQuote;
pub use signature::SignatureLine;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
