//! « Notre raison d’être » of Télécom Paris: a Leptos page whose embeds wait for consent.
//!
//! - [`content`]: the text, as data.
//! - [`components`]: the pieces of the page; [`pages`]: one component per route.
//! - [`routes`]: which page an address shows; [`app`]: puts the page together.
//! - [`consent`]: the consent logic; [`context`]: the state components share;
//!   [`browser`]: the thin layer over the browser.
//! - [`startup`]: what the page's start-up script (`startup.js`) shares with the app.
//! - `document` (feature `ssr`): every document the build writes, and what is in it.

pub mod app;
pub mod browser;
pub mod components;
pub mod consent;
pub mod content;
pub mod context;
#[cfg(feature = "ssr")]
pub mod document;
pub mod pages;
pub mod routes;
pub mod startup;

pub use app::App;
