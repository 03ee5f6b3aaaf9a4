//! What the start-up script shares with the app. The script (`startup.js`, beside this
//! file) runs in the `<head>` of every pre-rendered page, long before the app's WebAssembly
//! has arrived: it shows the consent banner when the visitor must be asked, records what
//! they do with it, and starts the app. It knows no name or number of its own: each comes
//! from here, in the [`StartupRules`] the page hands it (`document` writes the call).
//!
//! The script never writes what the app hydrates. It marks `<html>` (the styles show the
//! banner while [`ASK_MARK`] is there) and records a decision there. The app takes the
//! decision before it hydrates (`browser::early`), and removes the mark once its own state
//! shows the banner, in the same task: from then on it alone owns the banner.

use serde::Serialize;

use crate::consent::{
    CLOCK_SKEW_MS, Decision, MAX_RECORD_BYTES, Policy, SCHEMA_VERSION, STORAGE_KEY,
};

/// The script as written, formatted and linted.
pub const SCRIPT: &str = include_str!("startup.js");

/// The script as each page carries it inline (its hash goes into the page's CSP): without
/// its comment lines and indentation, a third of its size. Its comments are whole lines,
/// and it has no multi-line string, so nothing else changes.
pub fn inline_script() -> String {
    SCRIPT
        .lines()
        .map(str::trim)
        .filter(|line| {
            !(line.is_empty()
                || line.starts_with("//")
                || line.starts_with("/*")
                || line.starts_with('*'))
        })
        .fold(String::new(), |mut script, line| {
            script.push_str(line);
            script.push('\n');
            script
        })
}

/// The function of the app's JS glue that starts the app (`start` in main.rs), which the
/// script calls in a task after the module's instantiation; the build checks the glue has it.
pub const APP_START: &str = "start";
/// The consent banner's element id.
pub const BANNER_ID: &str = "consent-banner";
/// The settings dialog's element id.
pub const DIALOG_ID: &str = "consent-dialog";
/// The page's main content, where focus goes after a decision on the banner.
pub const CONTENT_ID: &str = "contenu";
/// The banner's buttons that decide: their [`Decision`]'s name.
pub const CHOICE_ATTRIBUTE: &str = "data-choice";
/// On `<html>`, before the app: the visitor must be asked, and the banner shows.
pub const ASK_MARK: &str = "data-consent-ask";
/// On `<html>`, before the app: the name of the visitor's last [`Decision`].
pub const EARLY_DECISION: &str = "data-consent-decision";
/// On `<html>`, before the app: when it was made, in milliseconds since 1970.
pub const EARLY_DECIDED_AT: &str = "data-consent-decided-at";

/// Everything the script needs, as it reads it (JSON, camelCase).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StartupRules {
    pub storage_key: &'static str,
    pub schema: u32,
    /// The policy version a stored choice must answer.
    pub policy: &'static str,
    pub lifetime: u64,
    pub clock_skew: u64,
    pub max_record_bytes: usize,
    /// The ids of the policy's services: each needs a decision, or the visitor is asked.
    pub services: Vec<&'static str>,
    /// The names of the decisions.
    pub decisions: Vec<&'static str>,
    pub banner_id: &'static str,
    pub dialog_id: &'static str,
    pub content_id: &'static str,
    pub choice_attribute: &'static str,
    pub ask_mark: &'static str,
    pub early_decision: &'static str,
    pub early_decided_at: &'static str,
    /// The glue's function that starts the app.
    pub app_start: &'static str,
}

impl StartupRules {
    /// The rules of `policy`, with the app's names.
    pub fn of(policy: Policy) -> Self {
        Self {
            storage_key: STORAGE_KEY,
            schema: SCHEMA_VERSION,
            policy: policy.version,
            lifetime: policy.choice_lifetime,
            clock_skew: CLOCK_SKEW_MS,
            max_record_bytes: MAX_RECORD_BYTES,
            services: policy.services.iter().map(|service| service.id).collect(),
            decisions: Decision::ALL.map(Decision::attribute).to_vec(),
            banner_id: BANNER_ID,
            dialog_id: DIALOG_ID,
            content_id: CONTENT_ID,
            choice_attribute: CHOICE_ATTRIBUTE,
            ask_mark: ASK_MARK,
            early_decision: EARLY_DECISION,
            early_decided_at: EARLY_DECIDED_AT,
            app_start: APP_START,
        }
    }

    /// As the script reads them.
    pub fn to_json(&self) -> String {
        // Strings and numbers only: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}
