//! What many components share: the visitor's consent and the settings dialog. Components
//! read it and say what the visitor wants through [`ConsentContext`]; they never write its
//! state. What it needs from the browser comes through [`Environment`], so that its rules
//! are tested on the host with a double.

use leptos::prelude::*;

use crate::browser::storage::{self, StorageError, Stored};
use crate::consent::{Consent, ConsentRecord, Draft, Permission, Policy, Service, Timestamp};

/// The browser, as the consent context sees it: its storage, its clock, its privacy signal
/// and its console.
pub trait Environment: Send + Sync {
    /// What the storage key holds.
    fn read(&self) -> Result<Stored, StorageError>;
    /// Stores the record, replacing the previous one.
    fn write(&self, record: &ConsentRecord) -> Result<(), StorageError>;
    /// Now, in milliseconds since 1970.
    fn now(&self) -> Timestamp;
    /// Whether the browser sends Global Privacy Control.
    fn privacy_signal(&self) -> bool;
    /// Says something on the console as a warning.
    fn warn(&self, message: &str);
    /// What the visitor chose on the pre-rendered banner before the app ran, taken once.
    fn take_early_choice(&self) -> Option<BannerChoice>;
}

/// What a button of the banner asks for, in the app or, on a first visit, before it ran
/// (the page shows its banner as soon as it is parsed, and keeps the choice for the app).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BannerChoice {
    AcceptAll,
    RefuseAll,
    Settings,
}

impl BannerChoice {
    /// The banner's buttons, in their order.
    pub const ALL: [Self; 3] = [Self::AcceptAll, Self::RefuseAll, Self::Settings];

    /// The banner button's `data-choice`.
    pub const fn attribute(self) -> &'static str {
        match self {
            Self::AcceptAll => "accept",
            Self::RefuseAll => "refuse",
            Self::Settings => "settings",
        }
    }

    /// The choice a `data-choice` names.
    pub fn from_attribute(value: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|choice| choice.attribute() == value)
    }
}

#[derive(Clone, Copy)]
pub struct ConsentContext {
    policy: Policy,
    /// `None` until the browser's storage was read: nothing loads and nothing is asked
    /// before then, and on the host, where there is no storage.
    consent: RwSignal<Option<Consent>>,
    ready: Memo<bool>,
    needs_asking: Memo<bool>,
    /// How many times the visitor asked for the settings.
    settings_requests: RwSignal<u32>,
    /// The last change of consent, in a sentence for screen readers.
    announcement: RwSignal<String>,
    /// Storage refused to keep the choice: it lasts for this visit only.
    memory_only: RwSignal<bool>,
    environment: &'static dyn Environment,
}

/// Makes the consent context for the components below, and reads the stored choice once
/// the app runs in a browser.
pub fn provide_consent_context(
    policy: Policy,
    environment: &'static dyn Environment,
) -> ConsentContext {
    let consent = RwSignal::new(None::<Consent>);
    let context = ConsentContext {
        policy,
        consent,
        ready: Memo::new(move |_| consent.with(Option::is_some)),
        needs_asking: Memo::new(move |_| {
            consent.with(|consent| consent.as_ref().is_some_and(Consent::needs_asking))
        }),
        settings_requests: RwSignal::new(0),
        announcement: RwSignal::new(String::new()),
        memory_only: RwSignal::new(false),
        environment,
    };
    provide_context(context);
    // Effects run only in the browser, after the first render: the page is the same for
    // everyone until then, and a pre-rendered page matches it. This one runs once.
    Effect::new(move |_| {
        untrack(|| {
            context.load();
            let listener = storage::on_change_in_other_tabs(move |stored| context.follow(stored));
            on_cleanup(move || listener.remove());
        });
    });
    context
}

/// The consent context provided by the app.
pub fn use_consent() -> ConsentContext {
    expect_context()
}

impl ConsentContext {
    /// The services and revision the visitor is asked about.
    pub fn policy(&self) -> Policy {
        self.policy
    }

    /// Whether the app has read the stored choice, and so can act on one (reactive). Until
    /// then, the pre-rendered page's buttons are disabled rather than dead.
    pub fn ready(&self) -> bool {
        self.ready.get()
    }

    /// Whether the first-layer banner is due (reactive).
    pub fn needs_asking(&self) -> bool {
        self.needs_asking.get()
    }

    /// What a service may do now (reactive).
    pub fn permission(&self, service: &Service) -> Permission {
        self.consent.with(|consent| {
            consent
                .as_ref()
                .map_or(Permission::Undecided, |c| c.permission(service))
        })
    }

    /// When the choice in force was made: `None` before the stored choice is read,
    /// `Some(None)` when nothing was decided (reactive).
    pub fn decided_at(&self) -> Option<Option<Timestamp>> {
        self.consent
            .with(|consent| consent.as_ref().map(Consent::decided_at))
    }

    /// Whether the browser's privacy signal refuses for the visitor (reactive).
    pub fn privacy_signal(&self) -> bool {
        self.consent
            .with(|consent| consent.as_ref().is_some_and(Consent::privacy_signal))
    }

    /// The last change of consent, in a sentence (reactive).
    pub fn announcement(&self) -> String {
        self.announcement.get()
    }

    /// Whether choices last for this visit only, storage refusing them (reactive).
    pub fn memory_only(&self) -> bool {
        self.memory_only.get()
    }

    /// How many times the visitor asked for the settings (reactive): the dialog opens on
    /// each new request, including one made before it was there.
    pub fn settings_requests(&self) -> u32 {
        self.settings_requests.get()
    }

    /// The settings' switches as the choice in force sets them, read without following it.
    pub fn draft(&self) -> Option<Draft> {
        self.consent
            .with_untracked(|consent| consent.as_ref().map(Consent::draft))
    }

    /// Does what a button of the banner says.
    pub fn choose(&self, choice: BannerChoice) {
        match choice {
            BannerChoice::AcceptAll => self.accept_all(),
            BannerChoice::RefuseAll => self.refuse_all(),
            BannerChoice::Settings => self.open_settings(),
        }
    }

    pub fn open_settings(&self) {
        self.settings_requests.update(|requests| *requests += 1);
    }

    pub fn accept_all(&self) {
        self.decide_all(true);
    }

    pub fn refuse_all(&self) {
        self.decide_all(false);
    }

    fn decide_all(&self, allowed: bool) {
        let sentence = if allowed {
            "Choix enregistré\u{a0}: tous les contenus tiers sont autorisés."
        } else {
            "Choix enregistré\u{a0}: tous les contenus tiers sont refusés."
        };
        self.change(|consent, now| consent.decide_all(allowed, now), sentence);
    }

    /// Allows or refuses one service, and remembers it.
    pub fn set(&self, service: &'static Service, allowed: bool) {
        let verdict = if allowed { "autorisé" } else { "refusé" };
        self.change(
            |consent, now| consent.decide(service, allowed, now),
            &format!("{} est {verdict}.", service.name),
        );
    }

    /// Decides every service as the settings' switches say.
    pub fn save(&self, draft: &Draft) {
        self.change(|consent, now| consent.save(draft, now), "Choix enregistré.");
    }

    /// Shows one service's embeds for this page view, remembering nothing.
    pub fn show_once(&self, service: &'static Service) {
        self.consent.update(|consent| {
            if let Some(consent) = consent {
                consent.show_once(service);
            }
        });
        self.announce(&format!(
            "{} est affiché pour cette visite seulement.",
            service.name
        ));
    }

    fn announce(&self, sentence: &str) {
        self.announcement.set(sentence.to_owned());
    }

    /// Storage accepted or refused the last write.
    fn stored(&self, in_memory_only: bool) {
        if self.memory_only.get_untracked() != in_memory_only {
            self.memory_only.set(in_memory_only);
        }
    }

    /// Applies a decision, says it in `sentence`, then stores it; a store that fails keeps
    /// it for this visit. Before the stored choice is read there is nothing to decide on,
    /// and nothing is said (the banner's early choice waits for it; other buttons are
    /// disabled until then).
    fn change(&self, decide: impl FnOnce(&mut Consent, Timestamp), sentence: &str) {
        let environment = self.environment;
        let now = environment.now();
        let mut record = None;
        self.consent.update(|consent| {
            if let Some(consent) = consent {
                decide(consent, now);
                record = consent.record();
            }
        });
        let Some(record) = record else { return };
        self.announce(sentence);
        match environment.write(&record) {
            Ok(()) => self.stored(false),
            Err(error) => {
                if !self.memory_only.get_untracked() {
                    environment.warn(&format!(
                        "Consent: {error}; the choice lasts for this visit only."
                    ));
                }
                self.stored(true);
            }
        }
    }

    /// The choice stored by an earlier visit, if it still counts; then what the visitor
    /// chose before the app ran.
    fn load(&self) {
        let environment = self.environment;
        let stored = match environment.read() {
            Ok(stored) => stored,
            Err(error) => {
                environment.warn(&format!(
                    "Consent: {error}; choices will last for this visit only."
                ));
                self.stored(true);
                None
            }
        };
        self.consent.set(Some(self.restore(stored)));
        if let Some(choice) = environment.take_early_choice() {
            self.choose(choice);
        }
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
        let environment = self.environment;
        let (consent, problem) = Consent::from_stored(
            self.policy,
            stored,
            environment.now(),
            environment.privacy_signal(),
        );
        if let Some(problem) = problem {
            environment.warn(&format!("Consent: {problem}; asking again."));
        }
        consent
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::consent::{INSTAGRAM, POLICY, RecordProblem, SERVICES, X, YOUTUBE};

    const NOW: Timestamp = 1_790_000_000_000;

    /// Storage in memory, which can be told to refuse, a clock that stands still, and a
    /// console that remembers.
    #[derive(Default)]
    struct Double {
        stored: Mutex<Option<ConsentRecord>>,
        refuses_writes: Mutex<bool>,
        refuses_reads: bool,
        privacy_signal: bool,
        warnings: Mutex<Vec<String>>,
        early_choice: Mutex<Option<BannerChoice>>,
    }

    impl Environment for Double {
        fn read(&self) -> Result<Stored, StorageError> {
            if self.refuses_reads {
                return Err(StorageError::Unavailable);
            }
            Ok(self.stored.lock().expect("lock").clone().map(Ok))
        }

        fn write(&self, record: &ConsentRecord) -> Result<(), StorageError> {
            if *self.refuses_writes.lock().expect("lock") {
                return Err(StorageError::Refused("full".to_owned()));
            }
            *self.stored.lock().expect("lock") = Some(record.clone());
            Ok(())
        }

        fn now(&self) -> Timestamp {
            NOW
        }

        fn privacy_signal(&self) -> bool {
            self.privacy_signal
        }

        fn warn(&self, message: &str) {
            self.warnings.lock().expect("lock").push(message.to_owned());
        }

        fn take_early_choice(&self) -> Option<BannerChoice> {
            self.early_choice.lock().expect("lock").take()
        }
    }

    /// A context over `double`, in a reactive owner of its own. (Each test leaks its small
    /// double, as the app's environment lives as long as the page.)
    fn context(double: Double) -> (ConsentContext, &'static Double, Owner) {
        let owner = Owner::new();
        let double: &'static Double = Box::leak(Box::new(double));
        let context = owner.with(|| provide_consent_context(POLICY, double));
        (context, double, owner)
    }

    fn stored_choices(double: &Double) -> Option<Vec<(String, bool)>> {
        double.stored.lock().expect("lock").as_ref().map(|record| {
            let mut choices: Vec<_> = record.choices.clone().into_iter().collect();
            choices.sort();
            choices
        })
    }

    #[test]
    fn nothing_is_decided_or_stored_before_the_stored_choice_is_read() {
        let (consent, double, _owner) = context(Double::default());
        assert!(!consent.ready());
        assert!(
            !consent.needs_asking(),
            "no banner before the choice is known"
        );
        consent.accept_all();
        consent.set(&YOUTUBE, true);
        assert_eq!(stored_choices(double), None);
        assert_eq!(consent.permission(&YOUTUBE), Permission::Undecided);
        assert_eq!(
            consent.announcement(),
            "",
            "nothing happened, nothing is said"
        );
    }

    #[test]
    fn a_first_visit_asks_and_a_decision_is_stored_and_announced() {
        let (consent, double, _owner) = context(Double::default());
        consent.load();
        assert!(consent.ready());
        assert!(consent.needs_asking());
        assert_eq!(consent.decided_at(), Some(None));
        consent.accept_all();
        assert!(!consent.needs_asking());
        assert_eq!(
            stored_choices(double).map(|c| c.len()),
            Some(SERVICES.len())
        );
        assert_eq!(consent.decided_at(), Some(Some(NOW)));
        assert_eq!(
            consent.announcement(),
            "Choix enregistré\u{a0}: tous les contenus tiers sont autorisés."
        );
        consent.set(&X, false);
        assert_eq!(consent.permission(&X), Permission::Refused);
        assert_eq!(consent.announcement(), "X (Twitter) est refusé.");
        assert!(double.warnings.lock().expect("lock").is_empty());
    }

    #[test]
    fn a_refused_write_keeps_the_choice_for_the_visit_until_storage_accepts_again() {
        let double = Double {
            refuses_writes: Mutex::new(true),
            ..Double::default()
        };
        let (consent, double, _owner) = context(double);
        consent.load();
        consent.refuse_all();
        assert!(consent.memory_only());
        assert_eq!(consent.permission(&YOUTUBE), Permission::Refused);
        consent.set(&YOUTUBE, true);
        assert_eq!(consent.permission(&YOUTUBE), Permission::Allowed);
        assert_eq!(double.warnings.lock().expect("lock").len(), 1, "said once");

        *double.refuses_writes.lock().expect("lock") = false;
        consent.set(&INSTAGRAM, true);
        assert!(!consent.memory_only(), "the visit-only note goes away");
        assert_eq!(
            stored_choices(double),
            Some(
                [
                    ("facebook", false),
                    ("instagram", true),
                    ("linkedin", false),
                    ("x", false),
                    ("youtube", true),
                ]
                .map(|(id, allowed)| (id.to_owned(), allowed))
                .to_vec()
            )
        );
    }

    #[test]
    fn unreadable_storage_leaves_a_working_choice_for_the_visit() {
        let (consent, double, _owner) = context(Double {
            refuses_reads: true,
            ..Double::default()
        });
        consent.load();
        assert!(consent.ready());
        assert!(consent.needs_asking());
        assert!(consent.memory_only());
        assert_eq!(double.warnings.lock().expect("lock").len(), 1);
    }

    #[test]
    fn the_privacy_signal_refuses_without_a_banner() {
        let (consent, _double, _owner) = context(Double {
            privacy_signal: true,
            ..Double::default()
        });
        consent.load();
        assert!(!consent.needs_asking());
        assert!(consent.privacy_signal());
        assert_eq!(consent.permission(&YOUTUBE), Permission::Refused);
    }

    #[test]
    fn the_settings_save_every_switch_of_their_draft() {
        let (consent, double, _owner) = context(Double::default());
        assert_eq!(consent.draft(), None, "no draft before the choice is known");
        consent.load();
        let mut draft = consent.draft().expect("ready");
        draft.set(&INSTAGRAM, true);
        consent.save(&draft);
        assert_eq!(consent.permission(&INSTAGRAM), Permission::Allowed);
        assert_eq!(consent.permission(&YOUTUBE), Permission::Refused);
        assert_eq!(consent.announcement(), "Choix enregistré.");
        assert!(
            stored_choices(double)
                .expect("stored")
                .contains(&("instagram".to_owned(), true))
        );
    }

    #[test]
    fn another_tab_clearing_or_corrupting_the_record_asks_again_here() {
        let (consent, double, _owner) = context(Double::default());
        consent.load();
        consent.accept_all();
        consent.show_once(&INSTAGRAM);

        consent.follow(None);
        assert!(consent.needs_asking());
        assert_eq!(consent.permission(&YOUTUBE), Permission::Undecided);
        assert_eq!(
            consent.permission(&INSTAGRAM),
            Permission::AllowedOnce,
            "shown once here is this tab's own"
        );
        assert_eq!(
            consent.announcement(),
            "Choix mis à jour depuis un autre onglet."
        );

        consent.accept_all();
        consent.follow(Some(Err(RecordProblem::Malformed)));
        assert!(consent.needs_asking());
        assert_eq!(consent.permission(&X), Permission::Undecided);
        assert_eq!(double.warnings.lock().expect("lock").len(), 1);
    }

    #[test]
    fn a_choice_made_on_the_banner_before_the_app_ran_is_applied_once_it_has_read_storage() {
        let (consent, double, _owner) = context(Double {
            early_choice: Mutex::new(Some(BannerChoice::RefuseAll)),
            ..Double::default()
        });
        consent.load();
        assert!(!consent.needs_asking());
        assert_eq!(consent.permission(&YOUTUBE), Permission::Refused);
        assert_eq!(
            stored_choices(double).map(|c| c.iter().all(|(_, allowed)| !allowed)),
            Some(true)
        );
        assert_eq!(
            consent.announcement(),
            "Choix enregistré\u{a0}: tous les contenus tiers sont refusés."
        );
    }

    #[test]
    fn early_choices_are_named_by_their_buttons_attribute() {
        for choice in BannerChoice::ALL {
            assert_eq!(
                BannerChoice::from_attribute(choice.attribute()),
                Some(choice)
            );
        }
        assert_eq!(BannerChoice::from_attribute("maybe"), None);
    }

    #[test]
    fn showing_once_is_announced_and_never_stored() {
        let (consent, double, _owner) = context(Double::default());
        consent.load();
        consent.show_once(&YOUTUBE);
        assert_eq!(consent.permission(&YOUTUBE), Permission::AllowedOnce);
        assert_eq!(
            consent.announcement(),
            "YouTube est affiché pour cette visite seulement."
        );
        assert_eq!(stored_choices(double), None);
    }
}
