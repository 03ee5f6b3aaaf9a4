//! One component per route.

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
