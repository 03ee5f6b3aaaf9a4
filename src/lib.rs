//! « Notre raison d’être » of Télécom Paris: a Leptos page whose embeds wait for consent.
//!
//! - [`content`]: the text, as data.
//! - [`components`]: the pieces of the page; [`pages`]: one component per route.
//! - [`routes`]: which page an address shows; [`app`]: puts the page together.
//! - [`consent`]: the consent logic; [`context`]: the state components share;
//!   [`browser`]: the thin layer over the browser.
//! - [`startup`]: what the page's start-up script (`startup.js`) shares with the app.
//! - `site` (feature `ssr`): the site writer, which Trunk's build runs: every document, the
//!   hosts' files, the compressed copies, the nginx configuration.

pub mod app;
pub mod browser;
pub mod components;
pub mod consent;
pub mod content;
pub mod context;
pub mod pages;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod site;
pub mod startup;

pub use app::App;
