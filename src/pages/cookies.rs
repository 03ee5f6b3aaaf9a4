use leptos::prelude::*;

use crate::browser::receipt;
use crate::components::{Breadcrumbs, ConsentStatus, PageHead, ServiceSwitch};
use crate::consent::{
    CONTROLLER, ConsentRecord, LEGAL_BASIS, POLICY_SINCE, Permission, RECEIPT_KEPT_AFTER_MS,
    RECORD_FIELDS, STORAGE_KEY, Service, date_in_words, duration_in_words,
};
use crate::content::{cookies, embeds::EMBEDS};
use crate::context::use_consent;
use crate::routes::PUBLISHED_POLICY;

/// « Gestion des cookies »: what third parties this site may load and what they do, what it
/// keeps in the browser and for how long, and the visitor's choice, to change in place. Every
/// fact on it comes from the consent policy.
#[component]
pub fn CookiesPage() -> impl IntoView {
    let consent = use_consent();
    let policy = consent.policy();
    view! {
        <PageHead
            title=cookies::DOCUMENT_TITLE
            description=cookies::DESCRIPTION
            path=cookies::PAGE.href
        />
        <Breadcrumbs trail=cookies::BREADCRUMBS current=cookies::PAGE />
        <article class="article cookie-policy" aria-labelledby="cookies-title">
            <h1 id="cookies-title">{cookies::TITLE}</h1>
            <p>
                "Ce site peut afficher des contenus de " {policy.names_in_words("et")}
                ". Aucun n’est chargé sans votre accord, et vous pouvez changer d’avis ici à tout moment."
            </p>
            <section aria-labelledby="cookies-choice">
                <h2 id="cookies-choice">"Votre choix"</h2>
                <ConsentStatus />
                <p>
                    <button
                        type="button"
                        class="button"
                        disabled=move || consent.record().is_none()
                        on:click=move |_| {
                            if let Some(record) = consent.record() {
                                download_receipt(&record);
                            }
                        }
                    >
                        "Télécharger mon reçu"
                    </button>
                </p>
                <p>
                    "Il répond à la version " <code>{policy.version}</code>
                    " de cette politique (services, usages et durée), en vigueur depuis le "
                    {date_in_words(POLICY_SINCE)} ". Chaque version est datée et publiée\u{a0}: "
                    <a href=PUBLISHED_POLICY type="application/json">
                        "la politique en vigueur, lisible par une machine"
                    </a> "."
                </p>
                <ul class="cookie-services">
                    {policy
                        .services
                        .iter()
                        .map(|service| view! { <ServicePolicy service /> })
                        .collect_view()}
                </ul>
            </section>
            <section aria-labelledby="cookies-basis">
                <h2 id="cookies-basis">"Pourquoi nous vous demandons votre accord"</h2>
                // Each sentence one text, not one node per fact: less for the browser to hydrate.
                <p>
                    {format!(
                        "Ces services nous servent à montrer sur nos pages une vidéo et des publications de nos comptes. Dès qu’un de leurs contenus s’affiche, le service peut lire ou déposer des informations sur votre appareil et recevoir des données sur votre navigation. C’est pourquoi rien n’est chargé sans {LEGAL_BASIS}. Refuser ne vous prive d’aucune autre partie du site. L’entreprise qui reçoit ces données est nommée avec chaque service, ci-dessus, avec le pays où elles peuvent être transférées.",
                    )}
                </p>
            </section>
            <section aria-labelledby="cookies-controller">
                <h2 id="cookies-controller">"Qui est responsable"</h2>
                <p>
                    {format!(
                        "{name}, {address}, est responsable de ce site et des données que ces services recueillent par lui. Quand vous autorisez un service, {name} et l’entreprise qui l’exploite sont responsables ensemble de la collecte et de la transmission de vos données (Cour de justice de l’Union européenne, arrêt Fashion ID du 29\u{a0}juillet 2019)\u{a0}; ce que l’entreprise en fait ensuite relève de sa propre politique.",
                        name = CONTROLLER.name,
                        address = CONTROLLER.address,
                    )}
                </p>
                <p>
                    "Son délégué à la protection des données répond à vos questions\u{a0}: "
                    <a href=format!("mailto:{}", CONTROLLER.dpo_email)>{CONTROLLER.dpo_email}</a>
                    ", ou par courrier à l’adresse ci-dessus, avec la copie d’une pièce d’identité."
                </p>
            </section>
            <section aria-labelledby="cookies-lifetime">
                <h2 id="cookies-lifetime">"Combien de temps votre choix est gardé"</h2>
                <p>
                    "Votre choix, qu’il autorise ou qu’il refuse, est gardé "
                    {duration_in_words(policy.choice_lifetime)}
                    ". Passé ce délai, ou si la liste des services ou leurs usages changent, nous vous le redemandons."
                </p>
            </section>
            <section aria-labelledby="cookies-storage">
                <h2 id="cookies-storage">"Ce que ce site garde dans votre navigateur"</h2>
                <p>
                    "Aucun cookie\u{a0}: une seule entrée du stockage local (" <code>"localStorage"</code>
                    ") de votre navigateur, " <code>{STORAGE_KEY}</code>
                    ". Elle est la preuve de votre choix et n’a pas besoin de votre accord. Elle contient\u{a0}:"
                </p>
                <dl class="cookie-fields">
                    {RECORD_FIELDS
                        .iter()
                        .map(|(name, meaning)| {
                            view! {
                                <dt>
                                    <code>{*name}</code>
                                </dt>
                                <dd>{*meaning}</dd>
                            }
                        })
                        .collect_view()}
                </dl>
                <p>
                    "«\u{202f}Afficher une fois\u{202f}» n’est jamais gardé\u{a0}: il vaut pour la page ouverte."
                </p>
            </section>
            <section aria-labelledby="cookies-proof">
                <h2 id="cookies-proof">"La preuve de votre choix"</h2>
                <p>
                    "À chaque choix, votre navigateur envoie à ce site, et à lui seul, une copie de votre reçu\u{a0}: son numéro tiré au hasard, la version de la politique, la date et l’heure du choix, et votre réponse pour chaque service. Le serveur la garde "
                    {duration_in_words(policy.choice_lifetime + RECEIPT_KEPT_AFTER_MS)}
                    "\u{a0}: le temps que vaut votre choix, plus un an pour pouvoir en répondre. Elle ne contient ni votre adresse IP, ni votre navigateur, ni la page d’où vous venez\u{a0}: seul votre navigateur connaît le numéro qui la relie à vous. «\u{202f}Télécharger mon reçu\u{202f}» vous en donne la même copie, avec sa date d’expiration."
                </p>
            </section>
            <section aria-labelledby="cookies-rights">
                <h2 id="cookies-rights">"Vos droits"</h2>
                <ul>
                    <li>
                        "Retirer votre accord à tout moment, aussi simplement que vous l’avez donné\u{a0}: ici, ou par «\u{202f}Gestion des cookies\u{202f}» en bas de chaque page. Ce qui a été affiché avant reste licite."
                    </li>
                    <li>
                        "Accéder à vos données, les faire rectifier ou effacer, et vous opposer à leur traitement\u{a0}: écrivez au délégué à la protection des données, "
                        <a href=format!("mailto:{}", CONTROLLER.dpo_email)>{CONTROLLER.dpo_email}</a>
                        ". Pour les données qu’une entreprise a reçues, sa politique de confidentialité dit aussi comment vous adresser à elle."
                    </li>
                    <li>
                        "Si vous estimez que vos droits ne sont pas respectés, "
                        <a href=CONTROLLER.complaints>"adresser une réclamation à la CNIL"</a> "."
                    </li>
                </ul>
            </section>
            // Whether this browser sends the signal, ConsentStatus says under "Votre choix".
            <section aria-labelledby="cookies-gpc">
                <h2 id="cookies-gpc">"Global Privacy Control"</h2>
                <p>
                    "Si votre navigateur envoie le signal Global Privacy Control, nous le respectons\u{a0}: tout service est refusé sans vous le demander, tant que vous n’en autorisez pas un vous-même."
                </p>
            </section>
        </article>
    }
}

/// One service: what it shows on this site, what it does with the visitor's data, where it
/// loads from, its privacy policy, and a switch that decides it at once.
#[component]
fn ServicePolicy(
    /// The service told about.
    service: &'static Service,
) -> impl IntoView {
    let consent = use_consent();
    let purpose_id = format!("cookies-purpose-{}", service.id);
    let permission = move || consent.permission(service);
    let shown_here: Vec<_> = EMBEDS
        .iter()
        .filter(|embed| embed.service.id == service.id)
        .map(|embed| view! { <li>{embed.title}</li> })
        .collect();
    view! {
        <li class="cookie-service">
            <h3>{service.name}</h3>
            <ServiceSwitch
                service
                id=format!("cookies-switch-{}", service.id)
                described_by=purpose_id.clone()
                checked=Signal::derive(move || permission() == Permission::Allowed)
                disabled=consent.not_ready()
                on_toggle=move |allowed| consent.set(service, allowed)
            />
            <p class="cookie-service-state">{move || in_words(permission(), consent.ready())}</p>
            <dl class="cookie-fields">
                <dt>"Ce qu’il affiche ici"</dt>
                <dd>
                    <ul>{shown_here}</ul>
                </dd>
                <dt>"Ce qu’il fait de vos données"</dt>
                <dd id=purpose_id>{service.purpose}</dd>
                <dt>"Qui reçoit vos données"</dt>
                <dd>
                    {format!(
                        "{}, du groupe {}. Vos données peuvent être transférées {}.",
                        service.recipient,
                        service.recipient_group,
                        service.transferred_to,
                    )}
                </dd>
                <dt>"D’où il se charge"</dt>
                <dd>
                    <code>{service.frame_origin}</code>
                </dd>
                <dt>"Sa politique de confidentialité"</dt>
                <dd>
                    <a href=service.privacy_policy target="_blank" rel="noopener noreferrer">
                        "Politique de confidentialité de " {service.name}
                        <span class="visually-hidden">" (nouvel onglet)"</span>
                    </a>
                </dd>
            </dl>
        </li>
    }
}

/// Offers the visitor the record of their choice as a file: their receipt.
fn download_receipt(record: &ConsentRecord) {
    match serde_json::to_string(record) {
        Ok(json) => receipt::download_json(
            &format!("recu-consentement-{}.json", record.receipt_id),
            &json,
        ),
        Err(_) => crate::browser::warn("Consent: the receipt could not be written."),
    }
}

/// Where a service stands, in a few words; nothing before the stored choice is read.
fn in_words(permission: Permission, ready: bool) -> &'static str {
    match permission {
        _ if !ready => "",
        Permission::Allowed => "Autorisé.",
        Permission::AllowedOnce => "Affiché pour cette page seulement.",
        Permission::Refused => "Refusé.",
        Permission::Undecided => "Pas encore choisi\u{a0}: rien n’est chargé.",
    }
}
