//! One component per route, and the wrappers that say how a part of the page hydrates.
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
//! - [`HydrateInNextTask`] (`hydrate_in_next_task.rs`): the page's content is taken over in
//!   the task after the banner, header, footer and dialog, so that neither task blocks a
//!   phone's main thread for long. It steps tachys' hydration cursor onto the element it
//!   wraps, as an element's own hydration does. On an upgrade, run its browser tests
//!   (`tests/browser_executor.rs`), which fail if the cursor's walk changed; take it out
//!   and run `make bench` twice: keep it while the app's start is its longest task.
//! - `browser::executor`: Leptos's effects run in a task after the one that made them
//!   (`any_spawner`'s `CustomExecutor`), not in the hydration's own task: without it, a
//!   phone's main thread is held for both at once. On an upgrade, check that Leptos still
//!   spawns its effects through `any_spawner` (`tests/browser_executor.rs`).
//!
//! The wrappers hydrate synchronously, which is right only while no page awaits anything:
//! they stream a page as the page streams, and the host test
//! `no_page_awaits_anything_so_hydrating_at_once_is_right` (`tests/render.rs`) fails as
//! soon as one does.

pub mod cookies;
pub mod hydrate_at_once;
pub mod hydrate_in_next_task;
pub mod not_found;
pub mod raison_etre;

pub use cookies::CookiesPage;
pub use hydrate_at_once::HydrateAtOnce;
pub use hydrate_in_next_task::HydrateInNextTask;
pub use not_found::NotFoundPage;
pub use raison_etre::RaisonEtrePage;
