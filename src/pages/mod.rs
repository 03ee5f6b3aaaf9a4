//! One component per route, and the wrapper that says how a page hydrates.
//!
//! # What reaches into Leptos's internals
//!
//! leptos, leptos_meta, leptos_router and tachys are pinned exactly in `Cargo.toml`, for
//! these devices implement tachys' traits by hand or replace one of its parts. Why each is
//! here, what it bought when measured (`docs/performance.md`), and what to check before
//! moving a pin:
//!
//! - [`HydrateAtOnce`] (`hydrate_at_once.rs`): the router erases each route's view into an
//!   `AnyView` that carries an asynchronous hydration no page here uses; wrapped, a page
//!   hydrates synchronously and that code is never compiled, which keeps the first visit
//!   within its budget. On an upgrade: build without it (`app.rs`) and compare the wasm's
//!   size; delete it when they match.
//! - `browser::executor`: Leptos's effects run in a task after the one that made them
//!   (`any_spawner`'s `CustomExecutor`), not in the hydration's own task: without it, a
//!   phone's main thread is held for both at once. On an upgrade, check that Leptos still
//!   spawns its effects through `any_spawner` (`tests/browser_executor.rs`).
//!
//! The wrapper hydrates synchronously, which is right only while no page awaits anything:
//! it streams a page as the page streams, and the host test
//! `no_page_awaits_anything_so_hydrating_at_once_is_right` (`tests/render.rs`) fails as
//! soon as one does.

pub mod cookies;
pub mod hydrate_at_once;
pub mod not_found;
pub mod raison_etre;

pub use cookies::CookiesPage;
pub use hydrate_at_once::HydrateAtOnce;
pub use not_found::NotFoundPage;
pub use raison_etre::RaisonEtrePage;
