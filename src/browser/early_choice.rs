//! What the visitor chose on the banner before the app ran.
//!
//! On a first visit (nothing stored, no Global Privacy Control), the start-up script in
//! `Trunk.toml` shows the banner the page was built with as soon as the page is parsed, long
//! before the app's WebAssembly has arrived, and writes the `data-choice` of a button
//! clicked meanwhile into the banner's `data-early-choice`. The app takes that choice when
//! it has read the stored one, and marks the banner `data-live`: from then on its own
//! handlers answer.

use crate::context::BannerChoice;

/// The banner's element id, which the start-up script looks for.
pub const BANNER_ID: &str = "consent-banner";

/// The choice made before the app ran, if any; the banner answers to the app from now on.
pub fn take() -> Option<BannerChoice> {
    let banner = leptos::prelude::document().get_element_by_id(BANNER_ID)?;
    let _ = banner.set_attribute("data-live", "");
    let choice = banner.get_attribute("data-early-choice")?;
    let _ = banner.remove_attribute("data-early-choice");
    let parsed = BannerChoice::from_attribute(&choice);
    if parsed.is_none() {
        super::warn(&format!(
            "Consent banner: unknown early choice {choice:?}, ignored."
        ));
    }
    parsed
}
