//! The choice in force during a page view: what is stored, what was shown once, and the
//! browser's Global Privacy Control signal.

use super::record::{ConsentRecord, RecordProblem, SCHEMA_VERSION, StoredText};
use super::{Policy, Service, Timestamp};

/// How far ahead of our clock a record's date may be before it is not believed: clocks of
/// one machine drift, and another tab may write a moment before this one reads.
pub const CLOCK_SKEW_MS: Timestamp = 5 * 60 * 1000;

/// What a service may do now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// The visitor allowed it, and the choice is remembered.
    Allowed,
    /// The visitor asked to see it during this page view only.
    AllowedOnce,
    /// The visitor refused it, or the browser's privacy signal stands for a refusal.
    Refused,
    /// No choice yet: nothing loads, which is a refusal until the visitor says yes.
    Undecided,
}

impl Permission {
    /// Whether its embeds may load.
    pub fn may_load(self) -> bool {
        matches!(self, Self::Allowed | Self::AllowedOnce)
    }
}

/// Where one service of the policy stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ServiceConsent {
    service: &'static Service,
    /// The visitor's remembered decision, if any.
    choice: Option<bool>,
    /// Shown for this page view without remembering.
    shown_once: bool,
}

/// The choice in force: one entry per service of the policy, in its order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    policy: Policy,
    services: Vec<ServiceConsent>,
    decided_at: Option<Timestamp>,
    /// `navigator.globalPrivacyControl`: undecided services count as refused, and the
    /// visitor is not asked, but may still opt in.
    privacy_signal: bool,
    /// The random id of the last decision's receipt.
    receipt_id: String,
}

/// The settings' switches before they are saved: one per service, from the choice in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    allowed: Vec<(&'static Service, bool)>,
}

impl Draft {
    /// Whether the switch of this service is on.
    pub fn allows(&self, service: &Service) -> bool {
        self.allowed
            .iter()
            .any(|(listed, on)| listed.id == service.id && *on)
    }

    /// Turns the switch of this service on or off; a service the draft does not list is
    /// ignored.
    pub fn set(&mut self, service: &Service, on: bool) {
        for (listed, allowed) in &mut self.allowed {
            if listed.id == service.id {
                *allowed = on;
            }
        }
    }
}

impl Consent {
    /// Nothing decided yet.
    pub fn new(policy: Policy, privacy_signal: bool) -> Self {
        Self {
            policy,
            services: policy
                .services
                .iter()
                .map(|service| ServiceConsent {
                    service,
                    choice: None,
                    shown_once: false,
                })
                .collect(),
            decided_at: None,
            privacy_signal,
            receipt_id: String::new(),
        }
    }

    /// The choice a stored record holds, if it still counts at `now`. A service the record
    /// does not know (added since) stays undecided, and the visitor is asked about it; one
    /// the policy no longer lists is forgotten, the others kept.
    ///
    /// A record counts until the earlier of the expiry it was written with and its date
    /// plus the policy's lifetime: a shorter lifetime applies at once, a longer one only to
    /// choices made under it.
    pub fn restore(
        policy: Policy,
        record: &ConsentRecord,
        now: Timestamp,
        privacy_signal: bool,
    ) -> Result<Self, RecordProblem> {
        if record.policy != policy.version {
            return Err(RecordProblem::OtherPolicy {
                found: record.policy.clone(),
                current: policy.version.to_owned(),
            });
        }
        if record.decided_at > now.saturating_add(CLOCK_SKEW_MS) {
            return Err(RecordProblem::FromTheFuture);
        }
        if record.expires_at <= record.decided_at {
            return Err(RecordProblem::BadExpiry);
        }
        let expires_at = record
            .expires_at
            .min(record.decided_at.saturating_add(policy.choice_lifetime));
        if now >= expires_at {
            return Err(RecordProblem::Expired);
        }
        let mut consent = Self::new(policy, privacy_signal);
        for entry in &mut consent.services {
            entry.choice = record.choices.get(entry.service.id).copied();
        }
        consent.decided_at = Some(record.decided_at);
        consent.receipt_id.clone_from(&record.receipt_id);
        Ok(consent)
    }

    /// Takes the text storage holds (`None`: nothing stored): the choice, or a fresh one and
    /// the reason the stored value was not taken.
    pub fn from_stored(
        policy: Policy,
        stored: Option<&str>,
        now: Timestamp,
        privacy_signal: bool,
    ) -> (Self, Option<RecordProblem>) {
        let restored = stored.map(|raw| {
            ConsentRecord::parse(raw)
                .and_then(|record| Self::restore(policy, &record, now, privacy_signal))
        });
        match restored {
            None => (Self::new(policy, privacy_signal), None),
            Some(Ok(consent)) => (consent, None),
            Some(Err(problem)) => (Self::new(policy, privacy_signal), Some(problem)),
        }
    }

    fn entry(&self, service: &Service) -> Option<&ServiceConsent> {
        self.services
            .iter()
            .find(|entry| entry.service.id == service.id)
    }

    fn entry_mut(&mut self, service: &Service) -> Option<&mut ServiceConsent> {
        self.services
            .iter_mut()
            .find(|entry| entry.service.id == service.id)
    }

    /// What a service may do now; one the policy does not list may do nothing.
    pub fn permission(&self, service: &Service) -> Permission {
        let Some(entry) = self.entry(service) else {
            return Permission::Refused;
        };
        match entry.choice {
            Some(true) => Permission::Allowed,
            _ if entry.shown_once => Permission::AllowedOnce,
            Some(false) => Permission::Refused,
            None if self.privacy_signal => Permission::Refused,
            None => Permission::Undecided,
        }
    }

    pub fn may_load(&self, service: &Service) -> bool {
        self.permission(service).may_load()
    }

    /// Whether to show the banner: some service has no decision, and the browser did not
    /// already say no for the visitor.
    pub fn needs_asking(&self) -> bool {
        !self.privacy_signal && self.services.iter().any(|entry| entry.choice.is_none())
    }

    pub fn decided_at(&self) -> Option<Timestamp> {
        self.decided_at
    }

    pub fn privacy_signal(&self) -> bool {
        self.privacy_signal
    }

    /// Allows or refuses every service.
    pub fn decide_all(&mut self, allowed: bool, now: Timestamp) {
        for entry in &mut self.services {
            entry.decide(allowed);
        }
        self.decided_at = Some(now);
    }

    /// Allows or refuses one service; one the policy does not list is ignored.
    pub fn decide(&mut self, service: &Service, allowed: bool, now: Timestamp) {
        if let Some(entry) = self.entry_mut(service) {
            entry.decide(allowed);
            self.decided_at = Some(now);
        }
    }

    /// The settings' switches, as the choice in force sets them: on for what is allowed
    /// and remembered.
    pub fn draft(&self) -> Draft {
        Draft {
            allowed: self
                .services
                .iter()
                .map(|entry| (entry.service, entry.choice == Some(true)))
                .collect(),
        }
    }

    /// The settings' switches as the visitor left them before the app ran: the choice in
    /// force, then each switch the page reported, by service id.
    pub fn draft_with(&self, switches: &[(String, bool)]) -> Draft {
        let mut draft = self.draft();
        for (listed, allowed) in &mut draft.allowed {
            if let Some((_, on)) = switches.iter().find(|(id, _)| id == listed.id) {
                *allowed = *on;
            }
        }
        draft
    }

    /// Decides every service as the draft's switches say.
    pub fn save(&mut self, draft: &Draft, now: Timestamp) {
        for entry in &mut self.services {
            entry.decide(draft.allows(entry.service));
        }
        self.decided_at = Some(now);
    }

    /// Shows a service's embeds for this page view, remembering nothing.
    pub fn show_once(&mut self, service: &Service) {
        if let Some(entry) = self.entry_mut(service) {
            entry.shown_once = true;
        }
    }

    /// Takes the stored choice another tab just wrote, keeping what is this tab's own: the
    /// embeds shown once, unless the other tab refused them.
    pub fn follow(&mut self, mut other: Consent) {
        for entry in &mut other.services {
            entry.shown_once = self
                .entry(entry.service)
                .is_some_and(|mine| mine.shown_once)
                && entry.choice != Some(false);
        }
        *self = other;
    }

    /// Names the receipt of the decision just made.
    pub fn set_receipt_id(&mut self, receipt_id: String) {
        self.receipt_id = receipt_id;
    }

    /// The record to store, once something was decided.
    pub fn record(&self) -> Option<ConsentRecord> {
        let decided_at = self.decided_at?;
        Some(ConsentRecord {
            schema: SCHEMA_VERSION,
            policy: self.policy.version.to_owned(),
            decided_at,
            expires_at: decided_at.saturating_add(self.policy.choice_lifetime),
            choices: self
                .services
                .iter()
                .filter_map(|entry| Some((entry.service.id.to_owned(), entry.choice?)))
                .collect(),
            receipt_id: self.receipt_id.clone(),
        })
    }
}

/// Whether the visitor must be asked now, from what storage gave at `now`: the app's rule
/// once it runs, and, before, the start-up script's (`src/startup.js`), which is checked
/// against this on one table of cases (`tests/common/ask_cases.rs`). Storage that cannot be
/// read holds nothing: the visitor is asked, and the choice lasts for the visit.
pub fn asks(policy: Policy, stored: &StoredText, now: Timestamp, privacy_signal: bool) -> bool {
    let text = stored.as_ref().ok().and_then(Option::as_deref);
    Consent::from_stored(policy, text, now, privacy_signal)
        .0
        .needs_asking()
}

impl ServiceConsent {
    /// A remembered decision; a refusal also ends a "show once".
    fn decide(&mut self, allowed: bool) {
        self.choice = Some(allowed);
        self.shown_once &= allowed;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consent::services::{FACEBOOK, INSTAGRAM, LINKEDIN, X, YOUTUBE};
    use crate::consent::{CHOICE_LIFETIME_MS, POLICY, SERVICES};

    const NOW: Timestamp = 1_790_000_000_000;
    const DAY: Timestamp = 24 * 60 * 60 * 1000;

    fn accepted_all_at(when: Timestamp) -> ConsentRecord {
        let mut consent = Consent::new(POLICY, false);
        consent.decide_all(true, when);
        consent.record().expect("a decision was made")
    }

    #[test]
    fn at_first_nothing_loads_and_the_visitor_is_asked() {
        let consent = Consent::new(POLICY, false);
        assert!(consent.needs_asking());
        for service in SERVICES {
            assert_eq!(consent.permission(service), Permission::Undecided);
            assert!(!consent.may_load(service));
        }
        assert_eq!(consent.record(), None, "silence is not stored");
    }

    #[test]
    fn accepting_all_loads_everything_and_is_remembered() {
        let record = accepted_all_at(NOW);
        assert_eq!(record.expires_at - record.decided_at, CHOICE_LIFETIME_MS);
        let consent = Consent::restore(POLICY, &record, NOW + 1, false).expect("valid");
        assert!(!consent.needs_asking());
        assert!(SERVICES.iter().all(|s| consent.may_load(s)));
        assert_eq!(consent.decided_at(), Some(NOW));
    }

    #[test]
    fn refusing_all_is_remembered_as_long_as_accepting() {
        let mut consent = Consent::new(POLICY, false);
        consent.decide_all(false, NOW);
        let record = consent.record().expect("a refusal is a decision");
        let restored = Consent::restore(POLICY, &record, NOW + 1, false).expect("valid");
        assert!(!restored.needs_asking());
        assert!(
            SERVICES
                .iter()
                .all(|s| restored.permission(s) == Permission::Refused)
        );
        assert_eq!(record.expires_at, accepted_all_at(NOW).expires_at);
    }

    #[test]
    fn a_choice_expires_after_six_months() {
        let record = accepted_all_at(NOW);
        let just_before = NOW + CHOICE_LIFETIME_MS - 1;
        assert!(Consent::restore(POLICY, &record, just_before, false).is_ok());
        assert_eq!(
            Consent::restore(POLICY, &record, NOW + CHOICE_LIFETIME_MS, false),
            Err(RecordProblem::Expired)
        );
        let text = serde_json::to_string(&record).expect("JSON");
        let (consent, problem) =
            Consent::from_stored(POLICY, Some(&text), NOW + CHOICE_LIFETIME_MS, false);
        assert_eq!(problem, Some(RecordProblem::Expired));
        assert!(consent.needs_asking());
    }

    #[test]
    fn a_shorter_lifetime_applies_at_once_to_stored_choices() {
        let record = accepted_all_at(NOW);
        let shorter = Policy {
            choice_lifetime: 90 * DAY,
            ..POLICY
        };
        assert!(Consent::restore(shorter, &record, NOW + 90 * DAY - 1, false).is_ok());
        assert_eq!(
            Consent::restore(shorter, &record, NOW + 90 * DAY, false),
            Err(RecordProblem::Expired),
            "a choice older than the new lifetime is asked again, though stored for longer"
        );
        let mut consent = Consent::new(shorter, false);
        consent.decide_all(true, NOW);
        let new = consent.record().expect("decided");
        assert_eq!(new.expires_at, NOW + 90 * DAY);
    }

    #[test]
    fn a_longer_lifetime_applies_to_new_choices_only() {
        let record = accepted_all_at(NOW);
        let longer = Policy {
            choice_lifetime: 365 * DAY,
            ..POLICY
        };
        assert_eq!(
            Consent::restore(longer, &record, NOW + CHOICE_LIFETIME_MS, false),
            Err(RecordProblem::Expired),
            "a stored choice keeps the expiry it was made with"
        );
        assert!(Consent::restore(longer, &record, NOW + CHOICE_LIFETIME_MS - 1, false).is_ok());
        let mut consent = Consent::new(longer, false);
        consent.decide_all(false, NOW);
        let new = consent.record().expect("decided");
        assert_eq!(new.expires_at, NOW + 365 * DAY);
        assert!(Consent::restore(longer, &new, NOW + 300 * DAY, false).is_ok());
    }

    #[test]
    fn a_record_from_the_future_or_expiring_before_its_date_is_not_believed() {
        let future = accepted_all_at(NOW + CLOCK_SKEW_MS + 1);
        assert_eq!(
            Consent::restore(POLICY, &future, NOW, false),
            Err(RecordProblem::FromTheFuture)
        );
        let slightly_ahead = accepted_all_at(NOW + 1_000);
        assert!(Consent::restore(POLICY, &slightly_ahead, NOW, false).is_ok());
        let at_the_edge = accepted_all_at(NOW + CLOCK_SKEW_MS);
        assert!(Consent::restore(POLICY, &at_the_edge, NOW, false).is_ok());
        // Clocks drift by minutes: a record four minutes ahead is still the visitor's.
        let minutes_ahead = accepted_all_at(NOW + 4 * 60 * 1000);
        assert!(Consent::restore(POLICY, &minutes_ahead, NOW, false).is_ok());

        let mut backwards = accepted_all_at(NOW);
        backwards.expires_at = NOW - 1;
        assert_eq!(
            Consent::restore(POLICY, &backwards, NOW, false),
            Err(RecordProblem::BadExpiry)
        );
        let mut stretched = accepted_all_at(NOW);
        stretched.expires_at = u64::MAX;
        assert_eq!(
            Consent::restore(POLICY, &stretched, NOW + CHOICE_LIFETIME_MS, false),
            Err(RecordProblem::Expired),
            "a stretched expiry gains nothing over the policy's lifetime"
        );
    }

    #[test]
    fn a_new_policy_version_asks_again_and_keeps_nothing() {
        let record = accepted_all_at(NOW);
        let revised = Policy {
            version: "0123456789ab",
            ..POLICY
        };
        let text = serde_json::to_string(&record).expect("JSON");
        let (consent, problem) = Consent::from_stored(revised, Some(&text), NOW, false);
        assert_eq!(
            problem,
            Some(RecordProblem::OtherPolicy {
                found: POLICY.version.to_owned(),
                current: "0123456789ab".to_owned()
            })
        );
        assert!(consent.needs_asking());
        assert!(
            SERVICES
                .iter()
                .all(|s| consent.permission(s) == Permission::Undecided)
        );
    }

    static TIKTOK: Service = Service {
        id: "tiktok",
        name: "TikTok",
        ..YOUTUBE
    };

    #[test]
    fn a_new_service_asks_again_about_it_only() {
        static WITH_TIKTOK: [Service; 6] = [YOUTUBE, X, INSTAGRAM, FACEBOOK, LINKEDIN, TIKTOK];
        let grown = Policy {
            services: &WITH_TIKTOK,
            ..POLICY
        };
        let record = accepted_all_at(NOW);
        let consent = Consent::restore(grown, &record, NOW, false).expect("valid");
        assert!(consent.needs_asking(), "TikTok was never asked about");
        assert_eq!(consent.permission(&TIKTOK), Permission::Undecided);
        assert_eq!(consent.permission(&YOUTUBE), Permission::Allowed);
    }

    #[test]
    fn a_service_removed_from_the_policy_is_forgotten_and_the_others_kept() {
        static WITHOUT_X: [Service; 4] = [YOUTUBE, INSTAGRAM, FACEBOOK, LINKEDIN];
        let shrunk = Policy {
            services: &WITHOUT_X,
            ..POLICY
        };
        let mut record = accepted_all_at(NOW);
        record.choices.insert("myspace".to_owned(), true);
        let consent = Consent::restore(shrunk, &record, NOW, false).expect("kept");
        assert!(!consent.needs_asking());
        assert!(WITHOUT_X.iter().all(|s| consent.may_load(s)));
        assert_eq!(consent.permission(&X), Permission::Refused, "not listed");
        let rewritten = consent.record().expect("decided");
        assert!(!rewritten.choices.contains_key("x"));
        assert!(!rewritten.choices.contains_key("myspace"));
    }

    #[test]
    fn one_service_can_be_allowed_alone() {
        let mut consent = Consent::new(POLICY, false);
        consent.decide(&YOUTUBE, true, NOW);
        assert_eq!(consent.permission(&YOUTUBE), Permission::Allowed);
        assert_eq!(consent.permission(&X), Permission::Undecided);
        assert!(consent.needs_asking(), "the others are still to decide");
        consent.decide(&TIKTOK, true, NOW + 1);
        assert_eq!(
            consent.permission(&TIKTOK),
            Permission::Refused,
            "unlisted services are ignored, and may do nothing"
        );
        assert_eq!(consent.decided_at(), Some(NOW));
    }

    #[test]
    fn a_draft_starts_from_the_choice_in_force_and_saves_every_switch() {
        let mut consent = Consent::new(POLICY, false);
        consent.decide(&YOUTUBE, true, NOW);
        consent.show_once(&INSTAGRAM);
        let mut draft = consent.draft();
        assert!(draft.allows(&YOUTUBE));
        assert!(!draft.allows(&INSTAGRAM), "shown once is not allowed");
        draft.set(&LINKEDIN, true);
        draft.set(&YOUTUBE, false);
        assert_eq!(
            consent.permission(&LINKEDIN),
            Permission::Undecided,
            "not saved yet"
        );
        consent.save(&draft, NOW + 1);
        assert_eq!(consent.permission(&YOUTUBE), Permission::Refused);
        assert_eq!(consent.permission(&LINKEDIN), Permission::Allowed);
        assert_eq!(consent.permission(&INSTAGRAM), Permission::Refused);
        assert!(!consent.needs_asking());
        assert_eq!(consent.decided_at(), Some(NOW + 1));
    }

    #[test]
    fn show_once_is_never_stored_and_ends_with_a_refusal() {
        let mut consent = Consent::new(POLICY, false);
        consent.show_once(&INSTAGRAM);
        assert_eq!(consent.permission(&INSTAGRAM), Permission::AllowedOnce);
        assert_eq!(consent.record(), None);
        consent.decide(&YOUTUBE, true, NOW);
        let record = consent.record().expect("youtube was decided");
        assert!(!record.choices.contains_key("instagram"));
        consent.decide_all(false, NOW);
        assert_eq!(consent.permission(&INSTAGRAM), Permission::Refused);
    }

    #[test]
    fn the_privacy_signal_refuses_without_asking_but_lets_the_visitor_opt_in() {
        let mut consent = Consent::new(POLICY, true);
        assert!(!consent.needs_asking());
        assert!(
            SERVICES
                .iter()
                .all(|s| consent.permission(s) == Permission::Refused)
        );
        consent.decide(&YOUTUBE, true, NOW);
        assert_eq!(consent.permission(&YOUTUBE), Permission::Allowed);
        assert_eq!(consent.permission(&X), Permission::Refused);
    }

    #[test]
    fn following_another_tab_keeps_this_tabs_show_once_unless_refused_there() {
        let mut here = Consent::new(POLICY, false);
        here.show_once(&X);
        here.show_once(&FACEBOOK);
        let mut there = Consent::new(POLICY, false);
        there.decide(&YOUTUBE, true, NOW);
        there.decide(&FACEBOOK, false, NOW);
        here.follow(there);
        assert_eq!(here.permission(&YOUTUBE), Permission::Allowed);
        assert_eq!(here.permission(&X), Permission::AllowedOnce);
        assert_eq!(here.permission(&FACEBOOK), Permission::Refused);
    }
}
