//! « Notre raison d’être » of Télécom Paris: a Leptos page whose embeds wait for consent.
//!
//! - [`content`]: the text, as data.
//! - [`components`]: the pieces of the page; [`pages`]: one component per route.
//! - [`routes`]: which page an address shows; [`app`]: puts the page together.
//! - [`consent`]: the consent logic; [`context`]: the state components share;
//!   [`browser`]: the thin layer over the browser.
//! - `prerender` (feature `ssr`): the page's HTML at build time.

pub mod app;
pub mod browser;
pub mod components;
pub mod consent;
pub mod content;
pub mod context;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod routes;

pub use app::App;
