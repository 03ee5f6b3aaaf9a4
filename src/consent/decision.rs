//! What the visitor decides with the banner or the settings, and what they did before the
//! app ran: the page's start-up script (`src/startup.js`) records it for the app to apply.

use super::Timestamp;

/// A decision about every service at once, named in the page as the buttons that make it
/// name it: the banner's `data-choice`, the settings' button `value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    AcceptAll,
    RefuseAll,
    /// Every service as the settings' switches say.
    Save,
}

impl Decision {
    pub const ALL: [Self; 3] = [Self::AcceptAll, Self::RefuseAll, Self::Save];

    /// Its name in the page.
    pub const fn attribute(self) -> &'static str {
        match self {
            Self::AcceptAll => "accept",
            Self::RefuseAll => "refuse",
            Self::Save => "save",
        }
    }

    /// The decision a name in the page stands for.
    pub fn from_attribute(value: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|decision| decision.attribute() == value)
    }
}

/// What the visitor did on the pre-rendered page before the app ran.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EarlyActions {
    /// The last decision, and when it was made.
    pub decision: Option<(Decision, Timestamp)>,
    /// The settings' switches as the visitor left them, by service id.
    pub switches: Vec<(String, bool)>,
    /// Whether the settings are still open.
    pub settings_open: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_are_named_by_their_attribute() {
        for decision in Decision::ALL {
            assert_eq!(
                Decision::from_attribute(decision.attribute()),
                Some(decision)
            );
        }
        assert_eq!(Decision::from_attribute("settings"), None);
        assert_eq!(Decision::from_attribute(""), None);
    }
}
