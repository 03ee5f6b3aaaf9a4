//! The consent logic, as plain Rust: no browser, no Leptos. It decides what each embedded
//! service may do now, from the visitor's stored choice, the clock and the privacy signal.
//!
//! - [`services`]: the third parties the page can embed, and the policy revision.
//! - [`record`]: the JSON record kept in `localStorage`, and how it is read.
//! - [`state`]: the choice in force during a page view.

pub mod record;
pub mod services;
pub mod state;

pub use record::{ConsentRecord, RecordProblem, STORAGE_KEY};
pub use services::{POLICY, Policy, SERVICES, Service};
pub use state::{Consent, Permission};

/// Milliseconds since the Unix epoch, as `Date.now()` gives them.
pub type Timestamp = u64;

const DAY_MS: Timestamp = 24 * 60 * 60 * 1000;

/// How long a choice, acceptance or refusal, is kept before the visitor is asked again: six
/// months, as the CNIL recommends.
pub const CHOICE_LIFETIME_MS: Timestamp = 183 * DAY_MS;
