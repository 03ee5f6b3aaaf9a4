//! What the visitor did on the pre-rendered page before the app ran, taken over by the app
//! before it hydrates or renders the page afresh.
//!
//! The start-up script (`src/startup.js`) showed the banner by marking `<html>` and recorded
//! a decision there; the settings dialog and its switches are native HTML, which keep their
//! state in the page. This reads both. The banner's mark stays until the app's own state
//! shows the banner ([`hand_over_banner`]), so that it is never hidden in between.

use leptos::prelude::document;
use wasm_bindgen::JsCast;

use crate::consent::{Decision, EarlyActions, Timestamp};
use crate::startup::{ASK_MARK, DIALOG_ID, EARLY_DECIDED_AT, EARLY_DECISION};

/// Takes what the visitor did before the app ran.
pub fn take() -> EarlyActions {
    let mut early = EarlyActions {
        decision: take_decision(),
        ..EarlyActions::default()
    };
    let Some(dialog) = document()
        .get_element_by_id(DIALOG_ID)
        .and_then(|element| element.dyn_into::<web_sys::HtmlDialogElement>().ok())
    else {
        return early;
    };
    early.settings_open = dialog.open();
    if let Ok(switches) = dialog.query_selector_all("input[type=checkbox][name]") {
        early.switches = (0..switches.length())
            .filter_map(|index| {
                switches
                    .item(index)?
                    .dyn_into::<web_sys::HtmlInputElement>()
                    .ok()
            })
            .map(|switch| (switch.name(), switch.checked()))
            .collect();
    }
    early
}

/// Removes the start-up script's mark that shows the banner: call it once the app's own
/// state says whether to show it, in the same task, so that no frame is painted without it.
pub fn hand_over_banner() {
    if let Some(root) = document().document_element() {
        let _ = root.remove_attribute(ASK_MARK);
    }
}

/// The decision recorded on `<html>`, removing it.
fn take_decision() -> Option<(Decision, Timestamp)> {
    let root = document().document_element()?;
    let decision = root.get_attribute(EARLY_DECISION);
    let decided_at = root.get_attribute(EARLY_DECIDED_AT);
    for attribute in [EARLY_DECISION, EARLY_DECIDED_AT] {
        let _ = root.remove_attribute(attribute);
    }
    let decision = decision?;
    let parsed = Decision::from_attribute(&decision)
        .zip(decided_at.and_then(|at| at.parse::<Timestamp>().ok()));
    if parsed.is_none() {
        super::warn(&format!(
            "Consent: a decision made before the app ran is unreadable ({decision:?}), ignored."
        ));
    }
    parsed
}
