//! The pieces of the page, one concern a file, named after what they show.

pub mod article_text;
pub mod breadcrumbs;
pub mod consent_announcer;
pub mod consent_banner;
pub mod consent_dialog;
pub mod consent_status;
pub mod embed_frame;
pub mod embed_placeholder;
pub mod embed_slot;
pub mod page_head;
pub mod pull_quote;
pub mod service_switch;
pub mod settings_button;
pub mod signature;
pub mod site_footer;
pub mod site_header;

pub use article_text::ArticleText;
pub use breadcrumbs::Breadcrumbs;
pub use consent_announcer::ConsentAnnouncer;
pub use consent_banner::ConsentBanner;
pub use consent_dialog::ConsentDialog;
pub use consent_status::ConsentStatus;
pub use embed_frame::EmbedFrame;
pub use embed_placeholder::EmbedPlaceholder;
pub use embed_slot::EmbedSlot;
pub use page_head::PageHead;
pub use pull_quote::PullQuote;
pub use service_switch::ServiceSwitch;
pub use settings_button::SettingsButton;
pub use signature::SignatureLine;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
