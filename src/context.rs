//! What many components share: the visitor's consent and the settings dialog. Components
//! read it and say what the visitor wants through [`ConsentContext`]; they never write its
//! state. What it needs from the browser comes through [`Environment`], so that its rules
//! are tested on the host with a double.

use leptos::prelude::*;

use crate::consent::{
    Consent, ConsentRecord, Decision, Draft, EarlyActions, Permission, Policy, Receipt, Service,
    StorageError, StoredText, Timestamp,
};

/// Stops a listener when called.
pub type StopListening = Box<dyn FnOnce() + Send + Sync>;

/// The browser, as the consent context sees it: its storage, its clock, its privacy signal,
/// its other tabs and its console.
pub trait Environment: Send + Sync {
    /// The text the storage key holds.
    fn read(&self) -> StoredText;
    /// Stores the record, replacing the previous one.
    fn write(&self, record: &ConsentRecord) -> Result<(), StorageError>;
    /// Now, in milliseconds since 1970.
    fn now(&self) -> Timestamp;
    /// Whether the browser sends Global Privacy Control.
    fn privacy_signal(&self) -> bool;
    /// Says something on the console as a warning.
    fn warn(&self, message: &str);
    /// Calls `on_change` with the text the key holds whenever another tab changes it.
    fn on_change_in_other_tabs(&self, on_change: Box<dyn Fn(Option<String>)>) -> StopListening;
    /// A new random id, for a receipt: 32 hex digits.
    fn random_id(&self) -> String;
    /// Sends the site's own server its copy of a decision, without waiting, retrying or
    /// telling anyone whether it arrived: the decision never depends on it.
    fn send_receipt(&self, receipt: &Receipt<'_>);
}

#[derive(Clone, Copy)]
pub struct ConsentContext {
    policy: Policy,
    /// `None` until the browser's storage was read: nothing loads and nothing is asked
    /// before then, and on the host, where there is no storage.
    consent: RwSignal<Option<Consent>>,
    ready: Memo<bool>,
    needs_asking: Memo<bool>,
    /// The settings' switches while the settings are open; `None` when they are closed.
    settings: RwSignal<Option<Draft>>,
    /// The last change of consent, in a sentence for screen readers.
    announcement: RwSignal<String>,
    /// Storage refused to keep the choice: it lasts for this visit only.
    memory_only: RwSignal<bool>,
    environment: &'static dyn Environment,
}

/// Makes the consent context for the components below. Once the app runs in a browser, it
/// reads the stored choice, applies what the visitor did before the app ran (`early`), and
/// follows the other tabs.
pub fn provide_consent_context(
    policy: Policy,
    environment: &'static dyn Environment,
    early: EarlyActions,
) -> ConsentContext {
    let consent = RwSignal::new(None::<Consent>);
    let context = ConsentContext {
        policy,
        consent,
        ready: Memo::new(move |_| consent.with(Option::is_some)),
        needs_asking: Memo::new(move |_| {
            consent.with(|consent| consent.as_ref().is_some_and(Consent::needs_asking))
        }),
        settings: RwSignal::new(None),
        announcement: RwSignal::new(String::new()),
        memory_only: RwSignal::new(false),
        environment,
    };
    provide_context(context);
    // Effects run only in the browser, after the first render: the page is the same for
    // everyone until then, and a pre-rendered page matches it. This one runs once.
    let mut early = Some(early);
    Effect::new(move |_| {
        let Some(early) = early.take() else { return };
        untrack(|| {
            context.load(early);
            let stop = environment
                .on_change_in_other_tabs(Box::new(move |text| context.follow(text.as_deref())));
            on_cleanup(stop);
        });
    });
    context
}

/// The consent context provided by the app.
pub fn use_consent() -> ConsentContext {
    expect_context()
}

const ALL_ACCEPTED: &str = "Choix enregistré\u{a0}: tous les contenus tiers sont autorisés.";
const ALL_REFUSED: &str = "Choix enregistré\u{a0}: tous les contenus tiers sont refusés.";
const SAVED: &str = "Choix enregistré.";

impl ConsentContext {
    /// What the visitor is asked to agree to, and its version.
    pub fn policy(&self) -> Policy {
        self.policy
    }

    /// Whether the app has read the stored choice, and so can act on one (reactive).
    pub fn ready(&self) -> bool {
        self.ready.get()
    }

    /// True until the app has read the stored choice: what keeps the pre-rendered page's
    /// controls that need it disabled rather than dead.
    pub fn not_ready(&self) -> Signal<bool> {
        let ready = self.ready;
        Signal::derive(move || !ready.get())
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

    /// Whether the settings are open (reactive).
    pub fn settings_open(&self) -> bool {
        self.settings.with(Option::is_some)
    }

    /// Whether the settings' switch of this service is on (reactive).
    pub fn switch_on(&self, service: &Service) -> bool {
        self.settings
            .with(|draft| draft.as_ref().is_some_and(|draft| draft.allows(service)))
    }

    /// Turns a switch of the open settings on or off; nothing is decided until they are
    /// saved.
    pub fn set_switch(&self, service: &Service, on: bool) {
        self.settings.update(|draft| {
            if let Some(draft) = draft {
                draft.set(service, on);
            }
        });
    }

    /// Opens the settings, their switches as the choice in force sets them.
    pub fn open_settings(&self) {
        let draft = self
            .consent
            .with_untracked(|consent| consent.as_ref().map(Consent::draft));
        self.settings.set(draft);
    }

    /// The settings closed, saved or not.
    pub fn close_settings(&self) {
        if self.settings.with_untracked(Option::is_some) {
            self.settings.set(None);
        }
    }

    /// Does what a decision's button says, now: accept all, refuse all, or save the open
    /// settings' switches.
    pub fn decide(&self, decision: Decision) {
        self.decide_at(decision, self.environment.now());
    }

    /// Allows or refuses one service, and remembers it.
    pub fn set(&self, service: &'static Service, allowed: bool) {
        let verdict = if allowed { "autorisé" } else { "refusé" };
        self.change(
            self.environment.now(),
            |consent, now| consent.decide(service, allowed, now),
            &format!("{} est {verdict}.", service.name),
        );
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

    /// Applies a decision made at `at`; saving takes the open settings' switches.
    fn decide_at(&self, decision: Decision, at: Timestamp) {
        match decision {
            Decision::AcceptAll => {
                self.change(
                    at,
                    |consent, now| consent.decide_all(true, now),
                    ALL_ACCEPTED,
                );
            }
            Decision::RefuseAll => {
                self.change(
                    at,
                    |consent, now| consent.decide_all(false, now),
                    ALL_REFUSED,
                );
            }
            Decision::Save => {
                if let Some(draft) = self.settings.get_untracked() {
                    self.change(at, |consent, now| consent.save(&draft, now), SAVED);
                }
            }
        }
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

    /// Applies a decision made at `at`, under a new receipt id, says it in `sentence`,
    /// then stores it (a store that fails keeps it for this visit), and last sends the
    /// server its receipt. Before the stored choice is read there is nothing to decide on,
    /// and nothing is said (the controls are disabled until then; what the visitor did on
    /// the banner before waits for it).
    fn change(&self, at: Timestamp, decide: impl FnOnce(&mut Consent, Timestamp), sentence: &str) {
        let environment = self.environment;
        let mut record = None;
        self.consent.update(|consent| {
            if let Some(consent) = consent {
                decide(consent, at);
                consent.set_receipt_id(environment.random_id());
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
        environment.send_receipt(&record.receipt());
    }

    /// The record of the choice in force, for the visitor's receipt: `None` before one was
    /// made (reactive).
    pub fn record(&self) -> Option<ConsentRecord> {
        self.consent
            .with(|consent| consent.as_ref().and_then(Consent::record))
    }

    /// The choice stored by an earlier visit, if it still counts; then what the visitor did
    /// before the app ran: their decision, and the settings as they left them.
    fn load(&self, early: EarlyActions) {
        let environment = self.environment;
        let text = environment.read().unwrap_or_else(|error| {
            environment.warn(&format!(
                "Consent: {error}; choices will last for this visit only."
            ));
            self.stored(true);
            None
        });
        let consent = self.restore(text.as_deref());
        // The settings as the visitor left them: what « Enregistrer » saved, or what stays
        // open.
        self.settings.set(Some(consent.draft_with(&early.switches)));
        self.consent.set(Some(consent));
        if let Some((decision, at)) = early.decision {
            self.decide_at(decision, at);
        }
        if !early.settings_open {
            self.close_settings();
        }
    }

    /// Takes the choice another tab just stored.
    fn follow(&self, text: Option<&str>) {
        let incoming = self.restore(text);
        self.consent.update(|consent| match consent {
            Some(consent) => consent.follow(incoming),
            None => *consent = Some(incoming),
        });
        self.announce("Choix mis à jour depuis un autre onglet.");
    }

    fn restore(&self, text: Option<&str>) -> Consent {
        let environment = self.environment;
        let (consent, problem) = Consent::from_stored(
            self.policy,
            text,
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
    use crate::consent::services::{INSTAGRAM, X, YOUTUBE};
    use crate::consent::{POLICY, SERVICES};

    const NOW: Timestamp = 1_790_000_000_000;

    /// Storage in memory, which can be told to refuse, a clock that stands still, a console
    /// that remembers, and other tabs that can be made to write.
    #[derive(Default)]
    struct Double {
        stored: Mutex<Option<ConsentRecord>>,
        refuses_writes: Mutex<bool>,
        refuses_reads: bool,
        privacy_signal: bool,
        warnings: Mutex<Vec<String>>,
        /// The receipts sent to the server, as JSON.
        receipts: Mutex<Vec<String>>,
    }

    type Listener = Box<dyn Fn(Option<String>)>;

    thread_local! {
        /// What the context asked to hear of other tabs (not `Send`, as in the browser).
        static OTHER_TABS: std::cell::RefCell<Option<Listener>> = std::cell::RefCell::new(None);
    }

    /// Listens to other tabs as the app's effect does (effects do not run on the host).
    fn listen(consent: ConsentContext) {
        let _ = consent
            .environment
            .on_change_in_other_tabs(Box::new(move |text| consent.follow(text.as_deref())));
    }

    /// Another tab stores `text` (`None`: clears it).
    fn other_tab_writes(text: Option<&str>) {
        OTHER_TABS.with_borrow(|listener| {
            listener.as_ref().expect("the context listens")(text.map(str::to_owned));
        });
    }

    impl Environment for Double {
        fn read(&self) -> StoredText {
            if self.refuses_reads {
                return Err(StorageError::Unavailable);
            }
            let stored = self.stored.lock().expect("lock");
            Ok(stored
                .as_ref()
                .map(|record| serde_json::to_string(record).expect("JSON")))
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

        fn on_change_in_other_tabs(&self, on_change: Box<dyn Fn(Option<String>)>) -> StopListening {
            OTHER_TABS.with_borrow_mut(|listener| *listener = Some(on_change));
            Box::new(|| OTHER_TABS.with_borrow_mut(|listener| *listener = None))
        }

        fn random_id(&self) -> String {
            let receipts = self.receipts.lock().expect("lock").len();
            format!("{receipts:032x}")
        }

        fn send_receipt(&self, receipt: &Receipt<'_>) {
            let json = serde_json::to_string(receipt).expect("JSON");
            self.receipts.lock().expect("lock").push(json);
        }
    }

    /// A context over `double`, in a reactive owner of its own. (Each test leaks its small
    /// double, as the app's environment lives as long as the page.)
    fn context(double: Double) -> (ConsentContext, &'static Double, Owner) {
        let owner = Owner::new();
        let double: &'static Double = Box::leak(Box::new(double));
        let context =
            owner.with(|| provide_consent_context(POLICY, double, EarlyActions::default()));
        (context, double, owner)
    }

    /// Every service's id with its answer, sorted as `stored_choices` gives them.
    fn every_service(allowed: impl Fn(&Service) -> bool) -> Vec<(String, bool)> {
        let mut choices: Vec<_> = SERVICES
            .iter()
            .map(|service| (service.id.to_owned(), allowed(service)))
            .collect();
        choices.sort();
        choices
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
            consent.not_ready().get_untracked(),
            "the controls that need the choice stay disabled"
        );
        assert!(
            !consent.needs_asking(),
            "no banner before the choice is known"
        );
        consent.decide(Decision::AcceptAll);
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
        consent.load(EarlyActions::default());
        assert!(consent.ready());
        assert!(!consent.not_ready().get_untracked());
        assert!(!consent.privacy_signal(), "no signal sent, none said");
        assert!(consent.needs_asking());
        assert_eq!(consent.decided_at(), Some(None));
        consent.decide(Decision::AcceptAll);
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
        // The server gets its copy, under the receipt id the stored record names.
        let receipts = double.receipts.lock().expect("lock").clone();
        let stored_id = double
            .stored
            .lock()
            .expect("lock")
            .as_ref()
            .map(|r| r.receipt_id.clone());
        assert_eq!(receipts.len(), 1);
        assert!(receipts[0].contains(&format!("\"receiptId\":\"{}\"", stored_id.expect("stored"))));
        assert_eq!(consent.record().map(|r| r.receipt_id.len()), Some(32));
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
        consent.load(EarlyActions::default());
        consent.decide(Decision::RefuseAll);
        assert!(consent.memory_only());
        assert_eq!(
            double.warnings.lock().expect("lock").len(),
            1,
            "said at the first refused write"
        );
        assert_eq!(
            double.receipts.lock().expect("lock").len(),
            1,
            "a refused write does not stop the receipt"
        );
        assert_eq!(consent.permission(&YOUTUBE), Permission::Refused);
        consent.set(&YOUTUBE, true);
        assert_eq!(consent.permission(&YOUTUBE), Permission::Allowed);
        assert_eq!(double.warnings.lock().expect("lock").len(), 1, "said once");

        *double.refuses_writes.lock().expect("lock") = false;
        consent.set(&INSTAGRAM, true);
        assert!(!consent.memory_only(), "the visit-only note goes away");
        assert_eq!(
            stored_choices(double),
            Some(every_service(
                |service| *service == YOUTUBE || *service == INSTAGRAM
            ))
        );
    }

    #[test]
    fn unreadable_storage_leaves_a_working_choice_for_the_visit() {
        let (consent, double, _owner) = context(Double {
            refuses_reads: true,
            ..Double::default()
        });
        consent.load(EarlyActions::default());
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
        consent.load(EarlyActions::default());
        assert!(!consent.needs_asking());
        assert!(consent.privacy_signal());
        assert_eq!(consent.permission(&YOUTUBE), Permission::Refused);
    }

    #[test]
    fn the_settings_save_every_switch_of_their_draft() {
        let (consent, double, _owner) = context(Double::default());
        consent.open_settings();
        assert!(
            !consent.settings_open(),
            "no settings before the choice is known"
        );
        consent.load(EarlyActions::default());
        consent.open_settings();
        assert!(consent.settings_open());
        consent.set_switch(&INSTAGRAM, true);
        assert!(consent.switch_on(&INSTAGRAM));
        assert_eq!(
            consent.permission(&INSTAGRAM),
            Permission::Undecided,
            "a switch decides nothing until saved"
        );
        consent.decide(Decision::Save);
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
        consent.load(EarlyActions::default());
        listen(consent);
        consent.decide(Decision::AcceptAll);
        consent.show_once(&INSTAGRAM);

        other_tab_writes(None);
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

        consent.decide(Decision::AcceptAll);
        other_tab_writes(Some("{not a record"));
        assert!(consent.needs_asking());
        assert_eq!(consent.permission(&X), Permission::Undecided);
        assert_eq!(double.warnings.lock().expect("lock").len(), 1);
    }

    #[test]
    fn a_decision_made_before_the_app_ran_is_applied_once_it_has_read_storage_at_its_time() {
        let (consent, double, _owner) = context(Double::default());
        consent.load(EarlyActions {
            decision: Some((Decision::RefuseAll, NOW - 2_000)),
            ..EarlyActions::default()
        });
        assert!(!consent.needs_asking());
        assert_eq!(consent.permission(&YOUTUBE), Permission::Refused);
        assert_eq!(
            stored_choices(double).map(|c| c.iter().all(|(_, allowed)| !allowed)),
            Some(true)
        );
        assert_eq!(
            consent.decided_at(),
            Some(Some(NOW - 2_000)),
            "when the visitor chose"
        );
        assert_eq!(consent.announcement(), ALL_REFUSED);
        assert!(!consent.settings_open());
    }

    #[test]
    fn settings_saved_before_the_app_ran_are_applied_switch_by_switch() {
        let (consent, double, _owner) = context(Double::default());
        consent.load(EarlyActions {
            decision: Some((Decision::Save, NOW - 1_000)),
            switches: vec![("x".to_owned(), true), ("youtube".to_owned(), false)],
            settings_open: false,
        });
        assert_eq!(consent.permission(&X), Permission::Allowed);
        assert_eq!(consent.permission(&YOUTUBE), Permission::Refused);
        assert_eq!(consent.permission(&INSTAGRAM), Permission::Refused);
        assert_eq!(consent.announcement(), SAVED);
        assert!(
            stored_choices(double)
                .expect("stored")
                .contains(&("x".to_owned(), true))
        );
        assert!(!consent.settings_open());
    }

    #[test]
    fn settings_left_open_before_the_app_ran_stay_open_with_their_switches() {
        let (consent, double, _owner) = context(Double::default());
        consent.load(EarlyActions {
            decision: None,
            switches: vec![("instagram".to_owned(), true)],
            settings_open: true,
        });
        assert!(consent.settings_open());
        assert!(consent.switch_on(&INSTAGRAM));
        assert!(!consent.switch_on(&YOUTUBE));
        assert!(consent.needs_asking(), "nothing decided yet");
        assert_eq!(stored_choices(double), None);
        consent.decide(Decision::Save);
        assert_eq!(consent.permission(&INSTAGRAM), Permission::Allowed);
    }

    #[test]
    fn a_choice_another_tab_stores_is_followed() {
        let (consent, _double, _owner) = context(Double::default());
        consent.load(EarlyActions::default());
        listen(consent);
        let mut other = Consent::new(POLICY, false);
        other.decide_all(true, NOW);
        let text = serde_json::to_string(&other.record().expect("decided")).expect("JSON");
        other_tab_writes(Some(&text));
        assert_eq!(consent.permission(&YOUTUBE), Permission::Allowed);
        assert!(!consent.needs_asking());
    }

    #[test]
    fn showing_once_is_announced_and_never_stored() {
        let (consent, double, _owner) = context(Double::default());
        consent.load(EarlyActions::default());
        consent.show_once(&YOUTUBE);
        assert_eq!(consent.permission(&YOUTUBE), Permission::AllowedOnce);
        assert_eq!(
            consent.announcement(),
            "YouTube est affiché pour cette visite seulement."
        );
        assert_eq!(stored_choices(double), None);
    }
}
