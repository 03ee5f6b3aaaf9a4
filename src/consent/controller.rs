//! Who asks for consent: the controller of the data these embeds collect, how to reach it
//! and its data protection officer, the legal basis, and where to complain. These facts are
//! part of the policy: each is in its canonical text, so changing one asks visitors again.
//!
//! Seen on the school's legal notice (publisher, postal address) and its personal-data
//! policy (the data protection officer's address; rights exercised by post with a copy of
//! an identity document), both in their October 2024 copies; the complaint page is the
//! CNIL's.

/// The body responsible for the page, and for the data it lets third parties collect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Controller {
    pub name: &'static str,
    /// Its postal address, where rights can also be exercised by letter.
    pub address: &'static str,
    /// Its data protection officer's e-mail address.
    pub dpo_email: &'static str,
    /// Its own personal-data policy (« Données personnelles »).
    pub privacy_policy: &'static str,
    /// Its legal notice (« Mentions légales »).
    pub legal_notice: &'static str,
    /// Where a visitor complains about it: the CNIL's complaint page.
    pub complaints: &'static str,
}

impl Controller {
    /// Its facts, by the names the canonical text gives them.
    pub fn facts(&self) -> [(&'static str, &'static str); 6] {
        [
            ("name", self.name),
            ("address", self.address),
            ("dpo-email", self.dpo_email),
            ("privacy-policy", self.privacy_policy),
            ("legal-notice", self.legal_notice),
            ("complaints", self.complaints),
        ]
    }
}

pub const CONTROLLER: Controller = Controller {
    name: "Télécom Paris",
    address: "19\u{a0}place Marguerite Perey, 91120\u{a0}Palaiseau",
    dpo_email: "rgpd@telecom-paris.fr",
    privacy_policy: "https://www.telecom-paris.fr/fr/politique-confidentialite",
    legal_notice: "https://www.telecom-paris.fr/fr/mentions-legales",
    complaints: "https://www.cnil.fr/fr/plaintes",
};

/// Why a service's embeds may load only with consent, in the words the pages use.
pub const LEGAL_BASIS: &str = "votre consentement (article\u{a0}82 de la loi «\u{202f}Informatique \
    et Libertés\u{202f}» et article\u{a0}6, paragraphe\u{a0}1, a) du RGPD)";
