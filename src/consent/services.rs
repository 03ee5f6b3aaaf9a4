//! What the visitor is asked to agree to: the third parties whose content the page can
//! embed, how long a choice lasts, and the sentences that tell the visitor what for. Adding
//! a service is one constant here and its place in [`SERVICES`]: the banner, the dialog, the
//! cookie page, the placeholders and the announcements all follow. Its embeds then name it
//! in `content::embeds`.
//!
//! The policy's version is the fingerprint of these facts ([`canonical`]): changing one
//! makes a new version, which `policy/versions.md` dates (a host test names the row to add).

use super::controller::{CONTROLLER, LEGAL_BASIS};
use super::{DAY_MS, Timestamp};

/// How long a choice, acceptance or refusal, is kept before the visitor is asked again: six
/// months, as the CNIL recommends at most. The policy's `choice_lifetime`.
pub const CHOICE_LIFETIME_MS: Timestamp = 183 * DAY_MS;

/// What the banner says of the services (named where `{services}` stands).
pub const BANNER_TEXT: &str = "Cette page peut afficher des contenus de {services}, qui \
    déposent des cookies\u{a0}: rien n’est chargé sans votre accord. Vous pourrez changer \
    d’avis à tout moment («\u{202f}Gestion des cookies\u{202f}», en bas de page).";

/// What the settings say of the choice (its lifetime in words where `{lifetime}` stands).
pub const SETTINGS_TEXT: &str = "Choisissez les services tiers dont cette page peut afficher \
    les contenus. Votre choix est gardé {lifetime} dans ce navigateur, puis nous vous le \
    redemanderons.";

/// A third party whose embeds wait for consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Service {
    /// Stable key in the stored record. Never rename one: stored choices would be lost.
    pub id: &'static str,
    /// The name the visitor knows.
    pub name: &'static str,
    /// What it shows here and what it does with the visitor's data, in a sentence.
    pub purpose: &'static str,
    /// Its privacy policy.
    pub privacy_policy: &'static str,
    /// The company that receives the visitor's data once its embeds load, for visitors in
    /// the European Union.
    pub recipient: &'static str,
    /// The group that company belongs to, outside the Union.
    pub recipient_group: &'static str,
    /// Where the data may be transferred, as a French phrase: « aux États-Unis ».
    pub transferred_to: &'static str,
    /// The origin its iframes load from: the only one the page frames for it.
    pub frame_origin: &'static str,
    /// The iframe's `allow` list: only the features the embed needs.
    pub allow: &'static str,
    /// The iframe's `sandbox` tokens: as few as the embed tolerates.
    pub sandbox: &'static str,
}

impl Service {
    /// What the visitor agrees to about this service, by name: what the policy's version
    /// covers (`canonical`) and what the published policy lists. Not its frame's `allow`
    /// and `sandbox`, which only narrow what it may do.
    pub fn agreed_facts(&self) -> [(&'static str, &'static str); 8] {
        [
            ("id", self.id),
            ("name", self.name),
            ("purpose", self.purpose),
            ("privacy-policy", self.privacy_policy),
            ("recipient", self.recipient),
            ("recipient-group", self.recipient_group),
            ("transferred-to", self.transferred_to),
            ("frame-origin", self.frame_origin),
        ]
    }
}

/// What the visitor is asked to agree to, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// The version a stored choice answers: for the policy in force, the fingerprint of
    /// [`canonical`], which `build.rs` derives; a choice answering another is asked again.
    pub version: &'static str,
    pub services: &'static [Service],
    /// How long a choice, acceptance or refusal, counts before the visitor is asked again.
    /// Shortening it applies at once to stored choices; lengthening it, to new ones only.
    pub choice_lifetime: Timestamp,
}

impl Policy {
    /// The services' names as a list, joined by `and` (« et », "and"): « YouTube, X
    /// (Twitter) et LinkedIn ».
    pub fn names_in_words(&self, and: &str) -> String {
        let names: Vec<_> = self.services.iter().map(|service| service.name).collect();
        match names.split_last() {
            None => String::new(),
            Some((last, [])) => (*last).to_owned(),
            Some((last, others)) => format!("{} {and} {last}", others.join(", ")),
        }
    }
}

/// Social networks run their posts as scripts inside their own frame, and open links in
/// new tabs.
const SOCIAL_SANDBOX: &str =
    "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

pub const YOUTUBE: Service = Service {
    id: "youtube",
    name: "YouTube",
    purpose: "Lecteur vidéo de Google. En mode «\u{202f}confidentialité renforcée\u{202f}», \
                  il ne dépose de cookie qu’au lancement de la vidéo, mais Google reçoit \
                  votre adresse IP dès l’affichage du lecteur.",
    privacy_policy: "https://policies.google.com/privacy?hl=fr",
    recipient: "Google Ireland Limited",
    recipient_group: "Google LLC",
    transferred_to: "aux États-Unis",
    frame_origin: "https://www.youtube-nocookie.com",
    allow: "encrypted-media; picture-in-picture; fullscreen",
    sandbox: "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation",
};

pub const X: Service = Service {
    id: "x",
    name: "X (Twitter)",
    purpose: "Publications de X. X peut déposer des cookies et suivre votre navigation.",
    privacy_policy: "https://x.com/fr/privacy",
    recipient: "Twitter International Unlimited Company",
    recipient_group: "X Corp.",
    transferred_to: "aux États-Unis",
    frame_origin: "https://platform.twitter.com",
    allow: "",
    sandbox: SOCIAL_SANDBOX,
};

pub const INSTAGRAM: Service = Service {
    id: "instagram",
    name: "Instagram",
    purpose: "Publications d’Instagram (Meta). Meta peut déposer des cookies et suivre \
                  votre navigation.",
    privacy_policy: "https://privacycenter.instagram.com/policy",
    recipient: "Meta Platforms Ireland Limited",
    recipient_group: "Meta Platforms, Inc.",
    transferred_to: "aux États-Unis",
    frame_origin: "https://www.instagram.com",
    allow: "",
    sandbox: SOCIAL_SANDBOX,
};

pub const FACEBOOK: Service = Service {
    id: "facebook",
    name: "Facebook",
    purpose: "Publications de Facebook (Meta). Meta peut déposer des cookies et suivre \
                  votre navigation.",
    privacy_policy: "https://www.facebook.com/privacy/policy/",
    recipient: "Meta Platforms Ireland Limited",
    recipient_group: "Meta Platforms, Inc.",
    transferred_to: "aux États-Unis",
    frame_origin: "https://www.facebook.com",
    allow: "",
    sandbox: SOCIAL_SANDBOX,
};

pub const LINKEDIN: Service = Service {
    id: "linkedin",
    name: "LinkedIn",
    purpose: "Publications de LinkedIn (Microsoft). LinkedIn peut déposer des cookies et \
                  suivre votre navigation.",
    privacy_policy: "https://www.linkedin.com/legal/privacy-policy",
    recipient: "LinkedIn Ireland Unlimited Company",
    recipient_group: "LinkedIn Corporation",
    transferred_to: "aux États-Unis",
    frame_origin: "https://www.linkedin.com",
    allow: "",
    sandbox: SOCIAL_SANDBOX,
};

/// Every service, in the order the visitor sees them.
pub const SERVICES: &[Service] = &[YOUTUBE, X, INSTAGRAM, FACEBOOK, LINKEDIN];

/// How many hex digits of the SHA-256 of [`canonical`] make a policy's version.
pub const VERSION_HEX_DIGITS: usize = 12;

/// Everything the visitor is asked to agree to, one fact a line, in a fixed order: each
/// service's id, name, purpose, privacy policy, recipient and frame origin, the choice's
/// lifetime, who asks and on what basis, and the banner's and settings' sentences. The policy's version is the first 12 hex
/// digits of its SHA-256: any change of a fact, a typo's fix included, is a new version.
/// The published policy holds it, so that anyone can compute the version again.
pub fn canonical(services: &[Service], choice_lifetime: Timestamp) -> String {
    let mut facts = vec!["policy 1".to_owned()];
    for service in services {
        for (name, value) in service.agreed_facts() {
            facts.push(format!("service.{name} {value}"));
        }
    }
    facts.push(format!("choice-lifetime-ms {choice_lifetime}"));
    for (name, value) in CONTROLLER.facts() {
        facts.push(format!("controller.{name} {value}"));
    }
    facts.push(format!("legal-basis {LEGAL_BASIS}"));
    facts.push(format!("banner {BANNER_TEXT}"));
    facts.push(format!("settings {SETTINGS_TEXT}"));
    facts.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_origins_are_https() {
        for (i, service) in SERVICES.iter().enumerate() {
            assert!(SERVICES[i + 1..].iter().all(|other| other.id != service.id));
            assert!(service.frame_origin.starts_with("https://"), "{service:?}");
            assert!(
                !service.frame_origin.ends_with('/'),
                "an origin has no path"
            );
            assert!(
                service.privacy_policy.starts_with("https://"),
                "{service:?}"
            );
        }
    }

    #[test]
    fn no_fact_of_the_policy_is_missing() {
        for service in SERVICES {
            for (fact, value) in service.agreed_facts() {
                assert!(
                    !value.trim().is_empty(),
                    "{}: its {fact} is missing",
                    service.id
                );
            }
        }
        for (fact, value) in CONTROLLER.facts() {
            assert!(
                !value.trim().is_empty(),
                "the controller's {fact} is missing"
            );
        }
        assert!(!LEGAL_BASIS.trim().is_empty(), "the legal basis is missing");
        assert!(
            CONTROLLER.dpo_email.contains('@'),
            "the DPO's address is not an e-mail"
        );
        for url in [
            CONTROLLER.privacy_policy,
            CONTROLLER.legal_notice,
            CONTROLLER.complaints,
        ] {
            assert!(url.starts_with("https://"), "{url}");
        }
    }

    #[test]
    fn no_sandbox_lets_an_embed_navigate_the_page_or_submit_forms() {
        for service in SERVICES {
            assert!(
                !service.sandbox.contains("allow-top-navigation"),
                "{service:?}"
            );
            assert!(!service.sandbox.contains("allow-forms"), "{service:?}");
        }
    }

    #[test]
    fn the_names_read_as_a_french_list() {
        let three = Policy {
            services: &[YOUTUBE, X, INSTAGRAM],
            ..super::super::POLICY
        };
        assert_eq!(
            three.names_in_words("et"),
            "YouTube, X (Twitter) et Instagram"
        );
        let two = Policy {
            services: &SERVICES[..2],
            ..super::super::POLICY
        };
        assert_eq!(two.names_in_words("and"), "YouTube and X (Twitter)");
        let one = Policy {
            services: &SERVICES[..1],
            ..super::super::POLICY
        };
        assert_eq!(one.names_in_words("et"), "YouTube");
    }
}
