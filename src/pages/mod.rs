//! One component per route.

pub mod not_found;
pub mod raison_etre;

pub use not_found::NotFoundPage;
pub use raison_etre::RaisonEtrePage;
