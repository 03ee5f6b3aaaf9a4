//! The app mounted in headless Chromium: what the browser really builds.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use raison_etre::App;
use raison_etre::browser::location;
use raison_etre::routes::{COOKIES, RAISON_ETRE};

mod common;
#[path = "common/page.rs"]
mod page;
use page::{container, later_task, microtasks_done, until};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn go_to(path: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(path))
        .unwrap();
}

/// The texts of the elements matching `selector` inside `root`.
fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

/// Presses the banner's « Tout accepter ».
fn press_accept_all(root: &web_sys::Element) {
    let accept: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(
        root.query_selector(".consent-banner [data-choice=accept]")
            .unwrap()
            .expect("the banner's « Tout accepter »"),
    );
    accept.click();
}

/// Whether the banner shows: the app has read the stored choice, and its buttons act.
fn banner_shown(root: &web_sys::Element) -> bool {
    root.query_selector(".consent-banner:not([hidden])")
        .ok()
        .flatten()
        .is_some()
}

/// One test, because the location is shared by the whole page.
#[wasm_bindgen_test]
async fn the_router_leads_short_addresses_to_the_page_and_shows_each_route() {
    go_to("/fr");
    assert_eq!(location::path(), "/fr");
    let root = container();
    let app = leptos::mount::mount_to(root.clone(), || view! { <App /> });
    until("/fr to lead to the page, and its title", || {
        location::path() == RAISON_ETRE
            && document().title() == "Notre raison d’être | Télécom Paris"
    })
    .await;
    assert_eq!(location::path(), RAISON_ETRE, "/fr leads to the page");
    assert_eq!(texts(&root, "h1"), ["Notre raison d’être"]);
    assert_eq!(
        texts(&root, "main h2"),
        [
            "Nous nous inscrivons dans une double logique\u{a0}:",
            "Notre Raison d’Être se compose donc de trois types d’éléments\u{a0}:",
            "Vidéo et réseaux sociaux",
        ]
    );
    let labels: Vec<_> = common::source_breadcrumbs()
        .into_iter()
        .map(|(label, _)| label)
        .collect();
    assert_eq!(texts(&root, "nav ol li a"), labels);
    assert_eq!(
        texts(&root, "nav [aria-current=page]"),
        ["Notre raison d’être"]
    );
    assert_eq!(
        texts(&root, ".signature"),
        ["Nicolas Glady – Directeur de Télécom Paris"]
    );
    assert_eq!(document().title(), "Notre raison d’être | Télécom Paris");
    drop(app);
    assert!(texts(&root, "h1").is_empty(), "unmounting removes the page");

    go_to(COOKIES);
    let app = leptos::mount::mount_to(root.clone(), || view! { <App /> });
    until("the cookie page's title", || {
        document().title() == "Gestion des cookies | Télécom Paris"
    })
    .await;
    assert_eq!(texts(&root, "h1"), ["Gestion des cookies"]);
    assert_eq!(document().title(), "Gestion des cookies | Télécom Paris");
    drop(app);

    go_to("/fr/nulle-part");
    let app = leptos::mount::mount_to(root.clone(), || view! { <App /> });
    until("the 404 view's title", || {
        document().title() == "Page introuvable | Télécom Paris"
    })
    .await;
    assert_eq!(texts(&root, "h1"), ["Page introuvable"]);
    assert_eq!(document().title(), "Page introuvable | Télécom Paris");
    assert_eq!(location::path(), "/fr/nulle-part", "no redirect for a 404");
    drop(app);
}

/// A sixth service in the policy reaches the banner, its decisions and what is announced.
#[wasm_bindgen_test]
async fn a_sixth_service_is_named_in_the_banner_and_announced() {
    use raison_etre::consent::services::YOUTUBE;
    use raison_etre::consent::{ConsentRecord, POLICY, Policy, SERVICES, STORAGE_KEY, Service};
    static TIKTOK: Service = Service {
        id: "tiktok",
        name: "TikTok",
        ..YOUTUBE
    };
    let services: &'static [Service] = Vec::leak([SERVICES, &[TIKTOK]].concat());
    let policy = Policy { services, ..POLICY };
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    go_to(RAISON_ETRE);
    let root = container();
    let app = leptos::mount::mount_to(root.clone(), move || view! { <App policy /> });
    until("the banner", || banner_shown(&root)).await;
    let banner = texts(&root, ".consent-banner p").join(" ");
    let last = SERVICES.last().expect("the policy has services").name;
    assert!(banner.contains(&format!("{last} et TikTok")), "{banner}");
    assert_eq!(
        texts(&root, "dialog input[role=switch]").len(),
        SERVICES.len() + 1
    );
    press_accept_all(&root);
    until("the choice announced", || {
        !texts(&root, "[role=status]").concat().is_empty()
    })
    .await;
    assert_eq!(
        texts(&root, "[role=status]"),
        ["Choix enregistré\u{a0}: tous les contenus tiers sont autorisés."]
    );
    let stored = storage.get_item(STORAGE_KEY).unwrap().expect("stored");
    let record = ConsentRecord::parse(&stored).expect("a record");
    assert_eq!(record.choices.get("tiktok"), Some(&true), "{stored}");
    drop(app);
}

/// Allowing every service puts the frames into the page one task at a time: created all in
/// the task that applies the choice, they made one long task of it
/// (docs/architecture.md, "The custom executor").
#[wasm_bindgen_test]
async fn allowed_frames_go_into_the_page_a_task_each() {
    use raison_etre::content::embeds::EMBEDS;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    go_to(RAISON_ETRE);
    let root = container();
    let app = leptos::mount::mount_to(root.clone(), || view! { <App /> });
    until("the banner", || banner_shown(&root)).await;
    let frames = || root.query_selector_all("iframe").unwrap().length() as usize;
    assert_eq!(frames(), 0, "no frame before the choice");

    press_accept_all(&root);
    microtasks_done().await;
    let mut seen = vec![frames()];
    assert_eq!(seen, [0], "no frame in the task that applies the choice");
    while seen.len() <= 2 * EMBEDS.len() && seen[seen.len() - 1] < EMBEDS.len() {
        later_task().await;
        seen.push(frames());
    }
    assert_eq!(
        seen.last(),
        Some(&EMBEDS.len()),
        "every frame came: {seen:?}"
    );
    assert!(
        seen.windows(2).all(|pair| pair[1] <= pair[0] + 1),
        "at most one more frame a task: {seen:?}"
    );
    drop(app);
}
