//! What many components share: the visitor's consent and the settings dialog. Components
//! read it with [`use_consent`]; only this module and `browser` touch storage.

use leptos::prelude::*;

use crate::browser::storage::{self, Stored};
use crate::browser::{self, clock, privacy_signal};
use crate::consent::{Consent, POLICY, Permission, Service, Timestamp};

#[derive(Clone, Copy)]
pub struct ConsentContext {
    /// `None` until the browser's storage was read: nothing loads and nothing is asked
    /// before then, and on the host, where there is no storage.
    consent: RwSignal<Option<Consent>>,
    /// Whether the settings dialog is open.
    pub settings_open: RwSignal<bool>,
    /// The last change of consent, in a sentence for screen readers.
    pub announcement: RwSignal<String>,
    /// Storage refused to keep the choice: it lasts for this visit only.
    pub memory_only: RwSignal<bool>,
}

/// Makes the consent context for the components below, and reads the stored choice once
/// the app runs in a browser.
pub fn provide_consent_context() -> ConsentContext {
    let context = ConsentContext {
        consent: RwSignal::new(None),
        settings_open: RwSignal::new(false),
        announcement: RwSignal::new(String::new()),
        memory_only: RwSignal::new(false),
    };
    provide_context(context);
    // Effects run only in the browser, after the first render: the page is the same for
    // everyone until then, and a pre-rendered page matches it.
    Effect::new(move |_| {
        context.load();
        let listener = storage::on_change_in_other_tabs(move |raw| context.follow(raw));
        on_cleanup(move || listener.remove());
    });
    context
}

/// The consent context provided by the app.
pub fn use_consent() -> ConsentContext {
    expect_context()
}

impl ConsentContext {
    /// What a service may do now (reactive).
    pub fn permission(&self, service_id: &str) -> Permission {
        self.consent.with(|consent| {
            consent
                .as_ref()
                .map_or(Permission::Undecided, |c| c.permission(service_id))
        })
    }

    /// Whether the app has read the stored choice, and so can act on one (reactive). Until
    /// then, the pre-rendered page's buttons are disabled rather than dead.
    pub fn is_ready(&self) -> bool {
        self.consent.with(Option::is_some)
    }

    /// Whether the first-layer banner is due (reactive).
    pub fn needs_asking(&self) -> bool {
        self.consent
            .with(|consent| consent.as_ref().is_some_and(Consent::needs_asking))
    }

    /// Reads a value of the consent in force, if it is known yet (reactive).
    pub fn with<T>(&self, read: impl FnOnce(&Consent) -> T) -> Option<T> {
        self.consent.with(|consent| consent.as_ref().map(read))
    }

    pub fn accept_all(&self) {
        self.decide_all(true);
    }

    pub fn refuse_all(&self) {
        self.decide_all(false);
    }

    fn decide_all(&self, allowed: bool) {
        self.change(|consent, now| consent.decide_all(allowed, now));
        self.announce(if allowed {
            "Choix enregistré\u{a0}: tous les contenus tiers sont autorisés."
        } else {
            "Choix enregistré\u{a0}: tous les contenus tiers sont refusés."
        });
    }

    /// Records a decision for each service listed, as the settings dialog saves them.
    pub fn decide(&self, decisions: Vec<(&'static str, bool)>) {
        self.change(|consent, now| consent.decide(decisions, now));
        self.announce("Choix enregistré.");
    }

    /// Allows or refuses one service, and remembers it.
    pub fn set(&self, service: &'static Service, allowed: bool) {
        self.change(|consent, now| consent.decide([(service.id, allowed)], now));
        let verdict = if allowed { "autorisé" } else { "refusé" };
        self.announce(&format!("{} est {verdict}.", service.name));
    }

    /// Shows one service's embeds for this page view, remembering nothing.
    pub fn show_once(&self, service: &'static Service) {
        self.consent.update(|consent| {
            if let Some(consent) = consent {
                consent.show_once(service.id);
            }
        });
        self.announce(&format!(
            "{} est affiché pour cette visite seulement.",
            service.name
        ));
    }

    pub fn open_settings(&self) {
        self.settings_open.set(true);
    }

    fn announce(&self, sentence: &str) {
        self.announcement.set(sentence.to_owned());
    }

    /// Applies a decision, then stores it; a store that fails keeps it for this visit.
    /// Before the stored choice is read there is nothing to decide on: the buttons that
    /// lead here are disabled or absent until then.
    fn change(&self, decide: impl FnOnce(&mut Consent, Timestamp)) {
        let now = clock::now();
        let mut record = None;
        self.consent.update(|consent| {
            if let Some(consent) = consent {
                decide(consent, now);
                record = consent.record();
            }
        });
        let Some(record) = record else { return };
        match storage::write(&record) {
            Ok(()) => self.memory_only.set(false),
            Err(error) => {
                if !self.memory_only.get_untracked() {
                    browser::warn(&format!(
                        "Consent: {error}; the choice lasts for this visit only."
                    ));
                }
                self.memory_only.set(true);
            }
        }
    }

    /// The choice stored by an earlier visit, if it still counts.
    fn load(&self) {
        let stored = match storage::read() {
            Ok(stored) => stored,
            Err(error) => {
                browser::warn(&format!(
                    "Consent: {error}; choices will last for this visit only."
                ));
                self.memory_only.set(true);
                None
            }
        };
        self.consent.set(Some(self.restore(stored)));
    }

    /// Takes the choice another tab just stored.
    fn follow(&self, stored: Stored) {
        let incoming = self.restore(stored);
        self.consent.update(|consent| match consent {
            Some(consent) => consent.follow(incoming),
            None => *consent = Some(incoming),
        });
        self.announce("Choix mis à jour depuis un autre onglet.");
    }

    fn restore(&self, stored: Stored) -> Consent {
        let (consent, problem) = Consent::from_stored(
            POLICY,
            stored,
            clock::now(),
            privacy_signal::global_privacy_control(),
        );
        if let Some(problem) = problem {
            browser::warn(&format!("Consent: {problem}; asking again."));
        }
        consent
    }
}
