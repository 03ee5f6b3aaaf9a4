//! « Notre raison d’être » of Télécom Paris: a Leptos page whose embeds wait for consent.
//!
//! - [`content`]: the text, as data.
//! - [`components`]: the pieces of the page; [`pages`]: one component per route.
//! - [`app`]: the router that puts them together.

pub mod app;
pub mod browser;
pub mod components;
pub mod content;
pub mod context;
pub mod pages;

pub use app::App;
pub mod consent;
