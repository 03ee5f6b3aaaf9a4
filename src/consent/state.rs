//! The choice in force during a page view: what is stored, what was shown once, and the
//! browser's Global Privacy Control signal.

use super::record::{ConsentRecord, RecordProblem, SCHEMA_VERSION};
use super::{CHOICE_LIFETIME_MS, Policy, Timestamp};

/// How far ahead of our clock a record's date may be before it is not believed: clocks of
/// one machine drift, and another tab may write a moment before this one reads.
const CLOCK_SKEW_MS: Timestamp = 5 * 60 * 1000;

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

/// Per service of the policy, in its order (a handful: a list beats a map in code size).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    policy: Policy,
    /// The visitor's decision for each service, if any.
    choices: Vec<Option<bool>>,
    decided_at: Option<Timestamp>,
    /// Whether each service is shown for this page view without remembering.
    shown_once: Vec<bool>,
    /// `navigator.globalPrivacyControl`: undecided services count as refused, and the
    /// visitor is not asked, but may still opt in.
    privacy_signal: bool,
}

impl Consent {
    /// Nothing decided yet.
    pub fn new(policy: Policy, privacy_signal: bool) -> Self {
        Self {
            policy,
            choices: vec![None; policy.services.len()],
            decided_at: None,
            shown_once: vec![false; policy.services.len()],
            privacy_signal,
        }
    }

    /// The choice a stored record holds, if it still counts at `now`. A service the record
    /// does not know (added since) stays undecided, and the visitor is asked about it.
    pub fn restore(
        policy: Policy,
        record: &ConsentRecord,
        now: Timestamp,
        privacy_signal: bool,
    ) -> Result<Self, RecordProblem> {
        if record.revision != policy.revision {
            return Err(RecordProblem::OtherRevision {
                found: record.revision,
                current: policy.revision,
            });
        }
        if record.decided_at > now.saturating_add(CLOCK_SKEW_MS) {
            return Err(RecordProblem::FromTheFuture);
        }
        if record.expires_at != record.decided_at.saturating_add(CHOICE_LIFETIME_MS) {
            return Err(RecordProblem::BadExpiry);
        }
        if now >= record.expires_at {
            return Err(RecordProblem::Expired);
        }
        let mut consent = Self::new(policy, privacy_signal);
        for (id, &allowed) in &record.choices {
            let index = policy
                .position(id)
                .ok_or_else(|| RecordProblem::UnknownService(id.clone()))?;
            consent.choices[index] = Some(allowed);
        }
        consent.decided_at = Some(record.decided_at);
        Ok(consent)
    }

    /// Takes what storage holds (`None`: nothing stored; an `Err`: a value that is not a
    /// record): the choice, or a fresh one and the reason the stored value was not taken.
    pub fn from_stored(
        policy: Policy,
        stored: Option<Result<ConsentRecord, RecordProblem>>,
        now: Timestamp,
        privacy_signal: bool,
    ) -> (Self, Option<RecordProblem>) {
        let restored = stored.map(|record| {
            record.and_then(|record| Self::restore(policy, &record, now, privacy_signal))
        });
        match restored {
            None => (Self::new(policy, privacy_signal), None),
            Some(Ok(consent)) => (consent, None),
            Some(Err(problem)) => (Self::new(policy, privacy_signal), Some(problem)),
        }
    }

    pub fn permission(&self, service_id: &str) -> Permission {
        let Some(index) = self.policy.position(service_id) else {
            return Permission::Refused;
        };
        match self.choices[index] {
            Some(true) => Permission::Allowed,
            _ if self.shown_once[index] => Permission::AllowedOnce,
            Some(false) => Permission::Refused,
            None if self.privacy_signal => Permission::Refused,
            None => Permission::Undecided,
        }
    }

    pub fn may_load(&self, service_id: &str) -> bool {
        self.permission(service_id).may_load()
    }

    /// The remembered decision for a service, if any.
    pub fn choice(&self, service_id: &str) -> Option<bool> {
        self.policy
            .position(service_id)
            .and_then(|index| self.choices[index])
    }

    /// Whether to show the banner: some service has no decision, and the browser did not
    /// already say no for the visitor.
    pub fn needs_asking(&self) -> bool {
        !self.privacy_signal && self.choices.contains(&None)
    }

    pub fn decided_at(&self) -> Option<Timestamp> {
        self.decided_at
    }

    pub fn privacy_signal(&self) -> bool {
        self.privacy_signal
    }

    /// Allows or refuses every service.
    pub fn decide_all(&mut self, allowed: bool, now: Timestamp) {
        let services = self.policy.services;
        self.decide(services.iter().map(|service| (service.id, allowed)), now);
    }

    /// Records decisions; ids the policy does not list are ignored. A refusal also ends a
    /// "show once".
    pub fn decide<'a>(
        &mut self,
        decisions: impl IntoIterator<Item = (&'a str, bool)>,
        now: Timestamp,
    ) {
        for (id, allowed) in decisions {
            if let Some(index) = self.policy.position(id) {
                self.choices[index] = Some(allowed);
                self.shown_once[index] &= allowed;
            }
        }
        self.decided_at = Some(now);
    }

    /// Shows a service's embeds for this page view, remembering nothing.
    pub fn show_once(&mut self, service_id: &str) {
        if let Some(index) = self.policy.position(service_id) {
            self.shown_once[index] = true;
        }
    }

    /// Takes the stored choice another tab just wrote, keeping what is this tab's own: the
    /// embeds shown once, unless the other tab refused them.
    pub fn follow(&mut self, other: Consent) {
        let shown_once = std::mem::take(&mut self.shown_once);
        *self = Self {
            shown_once: shown_once
                .into_iter()
                .zip(&other.choices)
                .map(|(once, choice)| once && *choice != Some(false))
                .collect(),
            ..other
        };
    }

    /// The record to store, once something was decided.
    pub fn record(&self) -> Option<ConsentRecord> {
        let decided_at = self.decided_at?;
        Some(ConsentRecord {
            schema: SCHEMA_VERSION,
            revision: self.policy.revision,
            decided_at,
            expires_at: decided_at.saturating_add(CHOICE_LIFETIME_MS),
            choices: self
                .policy
                .services
                .iter()
                .zip(&self.choices)
                .filter_map(|(service, choice)| Some((service.id.to_owned(), (*choice)?)))
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consent::{POLICY, SERVICES, Service};

    const NOW: Timestamp = 1_790_000_000_000;

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
            assert_eq!(consent.permission(service.id), Permission::Undecided);
            assert!(!consent.may_load(service.id));
        }
        assert_eq!(consent.record(), None, "silence is not stored");
    }

    #[test]
    fn accepting_all_loads_everything_and_is_remembered() {
        let record = accepted_all_at(NOW);
        assert_eq!(record.expires_at - record.decided_at, CHOICE_LIFETIME_MS);
        let consent = Consent::restore(POLICY, &record, NOW + 1, false).expect("valid");
        assert!(!consent.needs_asking());
        assert!(SERVICES.iter().all(|s| consent.may_load(s.id)));
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
                .all(|s| restored.permission(s.id) == Permission::Refused)
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
        let (consent, problem) =
            Consent::from_stored(POLICY, Some(Ok(record)), NOW + CHOICE_LIFETIME_MS, false);
        assert_eq!(problem, Some(RecordProblem::Expired));
        assert!(consent.needs_asking());
    }

    #[test]
    fn a_record_from_the_future_or_with_a_stretched_expiry_is_not_believed() {
        let future = accepted_all_at(NOW + CLOCK_SKEW_MS + 1);
        assert_eq!(
            Consent::restore(POLICY, &future, NOW, false),
            Err(RecordProblem::FromTheFuture)
        );
        let slightly_ahead = accepted_all_at(NOW + 1_000);
        assert!(Consent::restore(POLICY, &slightly_ahead, NOW, false).is_ok());

        let mut stretched = accepted_all_at(NOW);
        stretched.expires_at = u64::MAX;
        assert_eq!(
            Consent::restore(POLICY, &stretched, NOW, false),
            Err(RecordProblem::BadExpiry)
        );
    }

    #[test]
    fn a_new_policy_revision_asks_again_and_keeps_nothing() {
        let record = accepted_all_at(NOW);
        let revised = Policy {
            revision: POLICY.revision + 1,
            ..POLICY
        };
        let (consent, problem) = Consent::from_stored(revised, Some(Ok(record)), NOW, false);
        assert_eq!(
            problem,
            Some(RecordProblem::OtherRevision {
                found: 1,
                current: 2
            })
        );
        assert!(consent.needs_asking());
        assert!(SERVICES.iter().all(|s| consent.choice(s.id).is_none()));
    }

    #[test]
    fn a_new_service_asks_again_about_it_only() {
        static WITH_TIKTOK: [Service; 6] = {
            let mut all = [SERVICES[0]; 6];
            let mut i = 0;
            while i < 5 {
                all[i] = SERVICES[i];
                i += 1;
            }
            all[5] = Service {
                id: "tiktok",
                name: "TikTok",
                ..SERVICES[0]
            };
            all
        };
        let grown = Policy {
            services: &WITH_TIKTOK,
            ..POLICY
        };
        let record = accepted_all_at(NOW);
        let consent = Consent::restore(grown, &record, NOW, false).expect("valid");
        assert!(consent.needs_asking(), "TikTok was never asked about");
        assert_eq!(consent.permission("tiktok"), Permission::Undecided);
        assert_eq!(consent.permission("youtube"), Permission::Allowed);
    }

    #[test]
    fn a_record_naming_an_unknown_service_is_not_taken() {
        let mut record = accepted_all_at(NOW);
        record.choices.insert("myspace".to_owned(), true);
        assert_eq!(
            Consent::restore(POLICY, &record, NOW, false),
            Err(RecordProblem::UnknownService("myspace".to_owned()))
        );
    }

    #[test]
    fn one_service_can_be_allowed_alone() {
        let mut consent = Consent::new(POLICY, false);
        consent.decide([("youtube", true)], NOW);
        assert_eq!(consent.permission("youtube"), Permission::Allowed);
        assert_eq!(consent.permission("x"), Permission::Undecided);
        assert!(consent.needs_asking(), "the others are still to decide");
        consent.decide([("tiktok", true)], NOW);
        assert_eq!(consent.choice("tiktok"), None, "unknown ids are ignored");
    }

    #[test]
    fn show_once_is_never_stored_and_ends_with_a_refusal() {
        let mut consent = Consent::new(POLICY, false);
        consent.show_once("instagram");
        assert_eq!(consent.permission("instagram"), Permission::AllowedOnce);
        assert_eq!(consent.record(), None);
        consent.decide([("youtube", true)], NOW);
        let record = consent.record().expect("youtube was decided");
        assert!(!record.choices.contains_key("instagram"));
        consent.decide_all(false, NOW);
        assert_eq!(consent.permission("instagram"), Permission::Refused);
    }

    #[test]
    fn the_privacy_signal_refuses_without_asking_but_lets_the_visitor_opt_in() {
        let mut consent = Consent::new(POLICY, true);
        assert!(!consent.needs_asking());
        assert!(
            SERVICES
                .iter()
                .all(|s| consent.permission(s.id) == Permission::Refused)
        );
        consent.decide([("youtube", true)], NOW);
        assert_eq!(consent.permission("youtube"), Permission::Allowed);
        assert_eq!(consent.permission("x"), Permission::Refused);
    }

    #[test]
    fn following_another_tab_keeps_this_tabs_show_once_unless_refused_there() {
        let mut here = Consent::new(POLICY, false);
        here.show_once("x");
        here.show_once("facebook");
        let mut there = Consent::new(POLICY, false);
        there.decide([("youtube", true), ("facebook", false)], NOW);
        here.follow(there);
        assert_eq!(here.permission("youtube"), Permission::Allowed);
        assert_eq!(here.permission("x"), Permission::AllowedOnce);
        assert_eq!(here.permission("facebook"), Permission::Refused);
    }
}
