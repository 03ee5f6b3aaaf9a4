//! The components rendered to HTML on the host through the router, as the browser and the
//! pre-renderer see them.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::source_breadcrumbs;
use raison_etre::consent::Decision;
use raison_etre::consent::{
    CHOICE_LIFETIME_MS, RECORD_FIELDS, SERVICES, STORAGE_KEY, duration_in_words,
};
use raison_etre::content::SITE_ORIGIN;
use raison_etre::content::raison_etre::PAGE;
use raison_etre::routes::{COOKIES, NOT_FOUND, PRERENDERED, RAISON_ETRE};
use raison_etre::site::document::{AppFiles, render_document};
use raison_etre::startup::{APP_START, CHOICE_ATTRIBUTE, DIALOG_ID};
use scraper::{Html, Selector};

/// A template as Trunk writes it: the head with its CSP, and an empty body.
/// (Trunk leaves its reload script in the body under `trunk serve`.)
const TEMPLATE: &str = "<!doctype html><html lang=fr><head><meta charset=utf-8><meta http-equiv=Content-Security-Policy content=\"script-src 'self' 'inline-script-hashes'; style-src 'inline-style-hashes'; frame-src 'service-frame-origins'\"><style>body{margin:0}</style></head><body><script>reload()</script></body></html>";

/// The app's files, as `AppFiles::find` reads them from Trunk's output.
fn app() -> AppFiles {
    AppFiles {
        js: "/raison-etre-1a2b.js".to_owned(),
        js_integrity: "sha384-js".to_owned(),
        wasm: "/raison-etre-1a2b_bg.wasm".to_owned(),
        wasm_integrity: "sha384-wasm".to_owned(),
    }
}

/// The document's HTML as pre-rendered for `path`.
fn document(path: &str) -> String {
    render_document(TEMPLATE, Some(path), &app()).expect("a good template")
}

/// The whole document as pre-rendered for `path`.
fn render(path: &str) -> Html {
    Html::parse_document(&document(path))
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("a valid selector");
    doc.select(&selector).collect()
}

fn text(element: &scraper::ElementRef) -> String {
    element.text().collect::<String>().trim().to_owned()
}

/// The `(label, href)` of the breadcrumbs' links.
fn trail(doc: &Html) -> Vec<(String, String)> {
    select(doc, "nav[aria-label] > ol > li > a")
        .iter()
        .map(|a| (text(a), a.attr("href").unwrap_or_default().to_owned()))
        .collect()
}

#[test]
fn breadcrumbs_are_an_ordered_list_in_a_nav_ending_on_the_current_page() {
    let doc = render(RAISON_ETRE);
    let mut expected = source_breadcrumbs();
    if let Some(page) = expected.last_mut() {
        page.1 = RAISON_ETRE.to_owned();
    }
    assert_eq!(trail(&doc), expected);
    let current = select(&doc, "[aria-current]");
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].attr("aria-current"), Some("page"));
    assert_eq!(text(&current[0]), PAGE.title);
}

#[test]
fn the_outline_is_one_h1_then_h2s() {
    let doc = render(RAISON_ETRE);
    let headings: Vec<_> = select(&doc, "main :is(h1, h2, h3, h4, h5, h6)")
        .iter()
        .map(|h| format!("{} {}", h.value().name(), text(h)))
        .collect();
    assert_eq!(
        headings,
        [
            "h1 Notre raison d’être",
            "h2 Nous nous inscrivons dans une double logique\u{a0}:",
            "h2 Notre Raison d’Être se compose donc de trois types d’éléments\u{a0}:",
            "h2 Vidéo et réseaux sociaux",
        ]
    );
}

#[test]
fn every_block_is_rendered_once_in_order() {
    let doc = render(RAISON_ETRE);
    let rendered: Vec<_> = select(&doc, "article p:not(.signature)")
        .iter()
        .map(text)
        .collect();
    let expected: Vec<_> = PAGE.blocks().map(|b| b.text().to_owned()).collect();
    assert_eq!(rendered, expected);
}

#[test]
fn the_statement_is_a_pull_quote_and_the_signature_closes_the_article() {
    let doc = render(RAISON_ETRE);
    let quotes = select(&doc, "article blockquote.pull-quote");
    assert_eq!(quotes.len(), 1);
    assert!(text(&quotes[0]).starts_with("Notre Raison d’Être est de former"));

    let last = select(&doc, "article > *")
        .pop()
        .expect("the article has children");
    assert_eq!(last.value().attr("class"), Some("signature"));
    assert_eq!(text(&last), "Nicolas Glady – Directeur de Télécom Paris");
}

#[test]
fn the_skip_link_leads_to_the_main_content() {
    let doc = render(RAISON_ETRE);
    let skip = select(&doc, "a.skip-link");
    assert_eq!(skip[0].attr("href"), Some("#contenu"));
    assert_eq!(select(&doc, "main#contenu").len(), 1);
    assert_eq!(select(&doc, "header").len(), 1);
    assert_eq!(select(&doc, "footer").len(), 1);
}

#[test]
fn an_unknown_path_renders_the_not_found_view_with_a_way_back() {
    let doc = render("/fr/nulle-part");
    let h1 = select(&doc, "h1");
    assert_eq!(h1.len(), 1);
    assert_eq!(text(&h1[0]), "Page introuvable");
    assert_eq!(
        select(&doc, &format!("main a[href=\"{RAISON_ETRE}\"]")).len(),
        1
    );
    assert!(select(&doc, "article").is_empty());
}

#[test]
fn before_the_browser_reads_the_choice_every_embed_is_a_placeholder_and_the_banner_is_hidden() {
    let doc = render(RAISON_ETRE);
    assert!(
        select(&doc, "iframe").is_empty(),
        "nothing third-party on first render"
    );
    let banner = select(&doc, "#consent-banner.consent-banner");
    assert_eq!(
        banner.len(),
        1,
        "in the page, for the start-up script to show early"
    );
    assert_eq!(
        banner[0].attr("hidden"),
        Some(""),
        "hidden until a choice is known due"
    );
    // What the start-up script answers before the app: the decisions by their name, in
    // the attribute it reads; the settings by the browser itself.
    let buttons = select(&doc, "#consent-banner button");
    let names: Vec<_> = buttons.iter().map(|b| b.attr(CHOICE_ATTRIBUTE)).collect();
    assert_eq!(names, [Some("accept"), Some("refuse"), None]);
    let texts: Vec<_> = buttons.iter().map(text).collect();
    assert_eq!(texts, ["Tout accepter", "Tout refuser", "Réglages"]);
    assert!(
        buttons.iter().all(|b| b.attr("disabled").is_none()),
        "usable at once"
    );
    assert_eq!(buttons[2].attr("commandfor"), Some(DIALOG_ID));
    assert_eq!(buttons[2].attr("command"), Some("show-modal"));
    let placeholders = select(&doc, ".embed > .embed-placeholder");
    assert_eq!(
        placeholders.len(),
        raison_etre::content::embeds::EMBEDS.len()
    );
    for placeholder in &placeholders {
        let english = placeholder
            .select(&Selector::parse("[lang=en]").expect("valid"))
            .count();
        assert_eq!(english, 1, "the English text is marked as such");
        let buttons: Vec<_> = placeholder
            .select(&Selector::parse("button").expect("valid"))
            .map(|b| text(&b))
            .collect();
        assert_eq!(buttons.len(), 3);
        assert!(buttons[0].starts_with("Autoriser "), "{buttons:?}");
        assert_eq!(buttons[1..], ["Afficher une fois", "Réglages"]);
        let disabled = placeholder
            .select(&Selector::parse("button[disabled]").expect("valid"))
            .count();
        assert_eq!(disabled, 3, "dead until the app runs, so disabled");
    }
}

#[test]
fn the_settings_dialog_lists_every_service_with_a_switch_and_its_policy() {
    let doc = render(RAISON_ETRE);
    let dialog = select(&doc, "dialog.consent-dialog");
    assert_eq!(dialog.len(), 1);
    assert_eq!(dialog[0].attr("id"), Some(DIALOG_ID));
    assert_eq!(dialog[0].attr("open"), None, "closed until asked for");
    // Closed by its own form with the decision as its value, with no script.
    let values: Vec<_> = select(&doc, "dialog > form[method=dialog] .button-row button")
        .iter()
        .map(|b| b.attr("value").map(str::to_owned))
        .collect();
    let decisions: Vec<_> = Decision::ALL
        .map(|decision| Some(decision.attribute().to_owned()))
        .to_vec();
    assert_eq!(values, decisions);
    let close = select(&doc, "dialog > form[method=dialog] .button-close");
    assert_eq!(close[0].attr("value"), None, "closing decides nothing");
    for service in raison_etre::consent::SERVICES {
        let switch = select(
            &doc,
            &format!("#consent-switch-{}[role=switch]", service.id),
        );
        assert_eq!(switch.len(), 1, "{}", service.id);
        assert_eq!(
            switch[0].attr("name"),
            Some(service.id),
            "read by the app when it starts"
        );
        let label = select(&doc, &format!("label[for=consent-switch-{}]", service.id));
        assert_eq!(text(&label[0]), service.name);
        assert_eq!(
            select(
                &doc,
                &format!("dialog a[href=\"{}\"]", service.privacy_policy)
            )
            .len(),
            1
        );
    }
    let footer_button = select(&doc, "footer button");
    assert_eq!(text(&footer_button[0]), "Gestion des cookies");
}

#[test]
fn the_prerendered_document_keeps_the_head_and_gets_the_page_head_tags_from_leptos_meta() {
    let html = document(RAISON_ETRE);
    assert!(html.starts_with(
        "<!doctype html><html lang=fr><head><meta charset=utf-8><meta http-equiv=Content-Security-Policy"
    ));
    assert!(html.contains("<style>body{margin:0}</style><!--HEAD-->"));
    assert!(html.contains(&format!(
        "</head><body data-prerendered=\"{RAISON_ETRE}\"><a "
    )));
    assert!(
        html.ends_with("<script>reload()</script></body></html>"),
        "what Trunk put in the body stays, after the page"
    );
    assert_eq!(html.matches("reload()").count(), 1);
    let doc = Html::parse_document(&html);
    let head = |css: &str| select(&doc, &format!("head {css}"));
    assert_eq!(text(&head("title")[0]), PAGE.document_title);
    assert_eq!(head("title").len(), 1);
    assert_eq!(
        head("meta[name=description]")[0].attr("content"),
        Some(PAGE.description)
    );
    assert_eq!(
        head("link[rel=canonical]")[0].attr("href"),
        Some(format!("{SITE_ORIGIN}{RAISON_ETRE}").as_str())
    );
    assert!(head("meta[name=robots]").is_empty());
    assert_eq!(select(&doc, "body h1").len(), 1);
    assert_eq!(
        select(&doc, "body article p:not(.signature)").len(),
        PAGE.blocks().count()
    );
}

#[test]
fn the_404_document_is_not_indexed_and_names_no_canonical_address() {
    let html = document(NOT_FOUND);
    assert!(html.contains(&format!("<body data-prerendered=\"{NOT_FOUND}\">")));
    let doc = Html::parse_document(&html);
    assert_eq!(
        text(&select(&doc, "head title")[0]),
        "Page introuvable | Télécom Paris"
    );
    assert_eq!(
        select(&doc, "head meta[name=robots]")[0].attr("content"),
        Some("noindex")
    );
    assert!(select(&doc, "meta[name=description]").is_empty());
    assert!(select(&doc, "link[rel=canonical]").is_empty());
    assert_eq!(text(&select(&doc, "body h1")[0]), "Page introuvable");
}

#[test]
fn every_prerendered_address_is_a_route_of_the_router() {
    for document in PRERENDERED {
        let doc = render(document.path);
        let h1 = select(&doc, "main h1");
        let expected = match document.path {
            RAISON_ETRE => "Notre raison d’être",
            COOKIES => "Gestion des cookies",
            _ => "Page introuvable",
        };
        assert_eq!(text(&h1[0]), expected, "{document:?}");
    }
}

#[test]
fn short_addresses_render_no_page_of_their_own() {
    // The router redirects them in the browser; on the host there is nothing to show.
    for path in ["/", "/fr"] {
        let doc = render(path);
        assert!(select(&doc, "main h1").is_empty(), "{path}");
        assert_eq!(select(&doc, "main").len(), 1, "{path}");
    }
}

#[test]
fn a_template_without_a_head_or_body_is_an_error_not_a_broken_page() {
    use raison_etre::site::document::{
        DocumentError, INLINE_SCRIPT_HASHES, INLINE_STYLE_HASHES, SERVICE_FRAME_ORIGINS,
    };
    let render = |template: &str| render_document(template, Some(RAISON_ETRE), &app());
    assert_eq!(
        render("<html><head><title>x</title></head></html>"),
        Err(DocumentError::Missing("<body>"))
    );
    assert_eq!(
        render("<html><body></body></html>"),
        Err(DocumentError::Missing("</head>"))
    );
    assert_eq!(
        render("<html><head></head><body></body></html>"),
        Err(DocumentError::Missing(INLINE_SCRIPT_HASHES)),
        "no CSP to allow the start-up script: no document"
    );
    assert_eq!(
        render(&TEMPLATE.replace(" style-src 'inline-style-hashes'", "")),
        Err(DocumentError::Missing(INLINE_STYLE_HASHES)),
        "no CSP to allow the inline styles: no document"
    );
    assert_eq!(
        render(&TEMPLATE.replace("; frame-src 'service-frame-origins'", "")),
        Err(DocumentError::Missing(SERVICE_FRAME_ORIGINS)),
        "no CSP to allow the services' frames: no document"
    );
}

#[test]
fn the_cookie_page_says_what_the_policy_says() {
    let doc = render(COOKIES);
    let mut expected = source_breadcrumbs()[..2].to_vec();
    expected.push(("Gestion des cookies".to_owned(), COOKIES.to_owned()));
    assert_eq!(trail(&doc), expected);
    let current = select(&doc, "nav [aria-current=page]");
    assert_eq!(current.len(), 1);
    assert_eq!(
        text(&select(&doc, "head title")[0]),
        "Gestion des cookies | Télécom Paris"
    );
    let article = text(&select(&doc, "main article")[0]);
    // The version the choice answers, its day, and where it is published.
    use raison_etre::consent::{POLICY_VERSION, date_in_words};
    assert!(
        article.contains(&format!("version {POLICY_VERSION} de cette politique")),
        "{article}"
    );
    assert!(
        article.contains(&date_in_words(raison_etre::consent::POLICY_SINCE)),
        "{article}"
    );
    let published = select(&doc, "main article a[type=\"application/json\"]");
    assert_eq!(
        published[0].attr("href"),
        Some(raison_etre::routes::PUBLISHED_POLICY)
    );
    for service in SERVICES {
        let entry = select(
            &doc,
            &format!("li.cookie-service:has(#cookies-switch-{})", service.id),
        );
        assert_eq!(entry.len(), 1, "{}", service.id);
        let entry = &entry[0];
        let inner = |css: &str| {
            entry
                .select(&Selector::parse(css).expect("valid"))
                .map(|e| text(&e))
                .collect::<Vec<_>>()
        };
        assert_eq!(inner("h3"), [service.name]);
        assert!(inner("dd").iter().any(|dd| dd == service.purpose));
        assert!(
            inner("code")
                .iter()
                .any(|code| code == service.frame_origin)
        );
        let policy = entry
            .select(&Selector::parse("a[target=_blank]").expect("valid"))
            .filter_map(|a| a.attr("href"))
            .collect::<Vec<_>>();
        assert_eq!(policy, [service.privacy_policy]);
        let shown: Vec<_> = raison_etre::content::embeds::EMBEDS
            .iter()
            .filter(|embed| embed.service.id == service.id)
            .map(|embed| embed.title)
            .collect();
        assert_eq!(inner("dd li"), shown);
        let switch = select(
            &doc,
            &format!("#cookies-switch-{}[role=switch]", service.id),
        );
        assert_eq!(
            switch[0].attr("disabled"),
            Some(""),
            "dead until the app reads the choice"
        );
    }
    assert!(article.contains(&duration_in_words(CHOICE_LIFETIME_MS)));
    assert!(!article.contains("six mois"), "no hand-typed duration");
    assert!(article.contains(STORAGE_KEY));
    let fields: Vec<_> = select(&doc, "dl.cookie-fields > dt code")
        .iter()
        .map(text)
        .collect();
    let told: Vec<_> = RECORD_FIELDS.iter().map(|(name, _)| *name).collect();
    assert_eq!(fields, told);
    assert!(article.contains("Global Privacy Control"));
}

#[test]
fn the_cookie_page_is_linked_from_the_banner_text_the_dialog_and_the_footer() {
    let doc = render(RAISON_ETRE);
    let links = |css: &str| select(&doc, &format!("{css} a[href=\"{COOKIES}\"]")).len();
    assert_eq!(links("dialog"), 1);
    assert_eq!(links("footer"), 1);
    assert_eq!(links("#consent-banner"), 1);
}

#[test]
fn without_javascript_a_note_stands_where_the_embeds_would_be() {
    let doc = render(RAISON_ETRE);
    let note = select(&doc, ".embed-slot .embed-noscript");
    assert_eq!(note.len(), 1);
    let inner = note[0].inner_html();
    assert!(inner.contains("JavaScript"), "{inner}");
    assert!(inner.contains("accord"), "{inner}");
}

/// A sixth service in the policy: every list of services follows, with no other edit.
#[test]
fn a_sixth_service_appears_wherever_the_services_are_listed() {
    use raison_etre::consent::services::YOUTUBE;
    use raison_etre::consent::{POLICY, Policy, Service};
    use raison_etre::site::document::render_body;
    static WITH_TIKTOK: std::sync::LazyLock<Vec<Service>> = std::sync::LazyLock::new(|| {
        let mut services = SERVICES.to_vec();
        services.push(Service {
            id: "tiktok",
            name: "TikTok",
            purpose: "Vidéos de TikTok.",
            privacy_policy: "https://www.tiktok.com/legal/privacy-policy",
            frame_origin: "https://www.tiktok.com",
            ..YOUTUBE
        });
        services
    });
    let policy = Policy {
        services: &WITH_TIKTOK,
        ..POLICY
    };
    let page = Html::parse_fragment(&render_body(RAISON_ETRE, policy));
    let switches: Vec<_> = select(&page, "dialog input[role=switch]")
        .iter()
        .filter_map(|switch| switch.attr("id").map(str::to_owned))
        .collect();
    let (before_last, last) = match SERVICES {
        [.., before_last, last] => (before_last.name, last.name),
        _ => panic!("the policy has at least two services"),
    };
    assert_eq!(switches.len(), SERVICES.len() + 1);
    assert_eq!(switches[SERVICES.len()], "consent-switch-tiktok");
    let note = text(&select(&page, ".embed-noscript")[0]);
    assert!(
        note.contains(&format!("{before_last}, {last} et TikTok")),
        "{note}"
    );
    assert!(
        note.contains(&format!("{before_last}, {last} and TikTok")),
        "{note}"
    );

    let cookies = Html::parse_fragment(&render_body(COOKIES, policy));
    let entries: Vec<_> = select(&cookies, "li.cookie-service h3")
        .iter()
        .map(text)
        .collect();
    assert_eq!(entries.len(), SERVICES.len() + 1);
    assert_eq!(entries[SERVICES.len()], "TikTok");
    let intro = text(&select(&cookies, "main article > p")[0]);
    assert!(intro.contains(&format!("{last} et TikTok")), "{intro}");
    assert!(
        text(&select(&cookies, "main article")[0]).contains("https://www.tiktok.com"),
        "its origin is told"
    );
}

/// The inline scripts of a document, in order: (opening tag, code).
fn inline_scripts(html: &str) -> Vec<(String, String)> {
    html.split("<script")
        .skip(1)
        .filter_map(|rest| {
            let (tag, rest) = rest.split_once('>')?;
            let (code, _) = rest.split_once("</script>")?;
            (!tag.contains(" src=")).then(|| (tag.to_owned(), code.to_owned()))
        })
        .collect()
}

#[test]
fn the_start_up_script_comes_first_with_the_apps_rules_and_files() {
    use raison_etre::consent::POLICY;
    use raison_etre::startup::{StartupRules, inline_script};
    for prerendered in PRERENDERED {
        let html = document(prerendered.path);
        // Nothing but the charset and the CSP before the first script: the CSP governs it,
        // and no stylesheet delays it.
        let (before, _) = html.split_once("<script").expect("a script");
        let (template_before_csp_hashes, _) = TEMPLATE
            .split_once("'inline-script-hashes'")
            .expect("the template's CSP");
        assert!(
            before.starts_with(template_before_csp_hashes)
                && before.ends_with("\">")
                && before.matches('<').count() == 5,
            "{prerendered:?}: {before}"
        );
        let scripts = inline_scripts(&html);
        assert_eq!(
            scripts[0].1,
            r#"{"integrity":{"/raison-etre-1a2b.js":"sha384-js"}}"#
        );
        let call = format!(
            "startUp({}, {{\"js\":\"/raison-etre-1a2b.js\",\"wasm\":\"/raison-etre-1a2b_bg.wasm\",\"wasmIntegrity\":\"sha384-wasm\"}});",
            StartupRules::of(POLICY).to_json()
        );
        assert_eq!(scripts[1].1, format!("{}{call}", inline_script()));
        assert_eq!(scripts.len(), 3, "import map, start-up, Trunk's reload");
    }
}

#[test]
fn the_csp_allows_exactly_the_inline_scripts_by_their_hash() {
    use base64::Engine;
    use sha2::Digest;
    let html = document(COOKIES);
    let hashes: Vec<String> = inline_scripts(&html)
        .iter()
        .map(|(_, code)| {
            let digest = sha2::Sha256::digest(code);
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    let csp = format!("script-src 'self' {};", hashes.join(" "));
    assert!(html.contains(&csp), "{csp}");
    assert!(!html.contains("inline-script-hashes"));
}

#[test]
fn the_csp_allows_the_inline_stylesheet_by_its_hash() {
    use base64::Engine;
    use sha2::Digest;
    let html = document(RAISON_ETRE);
    let hash =
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest("body{margin:0}"));
    assert!(
        html.contains(&format!("style-src 'sha256-{hash}';")),
        "{html}"
    );
    assert!(!html.contains("inline-style-hashes"));
}

#[test]
fn trunk_serves_reload_script_gets_its_placeholders_filled_before_hashing() {
    let template = TEMPLATE.replace(
        "<script>reload()</script>",
        "<script>new WebSocket('ws://' + '{{__TRUNK_ADDRESS__}}' + '{{__TRUNK_WS_BASE__}}.well-known/trunk/ws')</script>",
    );
    let html = render_document(&template, Some(RAISON_ETRE), &app()).expect("known placeholders");
    assert!(html.contains("'ws://' + window.location.host + '/.well-known/trunk/ws'"));
    let unknown = template.replace("{{__TRUNK_WS_BASE__}}", "{{__TRUNK_NEW__}}");
    assert!(render_document(&unknown, Some(RAISON_ETRE), &app()).is_err());
}

#[test]
fn a_document_without_the_page_still_starts_the_app() {
    let html = render_document(TEMPLATE, None, &app()).expect("a good template");
    assert!(html.contains("<body><script>reload()</script></body>"));
    assert!(html.contains("startUp("));
}

#[test]
fn the_styles_show_the_banner_by_the_start_up_scripts_mark() {
    use raison_etre::startup::ASK_MARK;
    let css = include_str!("../style/main.css");
    assert!(
        css.contains(&format!(":root[{ASK_MARK}] .consent-banner[hidden]")),
        "style/main.css shows the banner while <html> carries {ASK_MARK}"
    );
}

/// Trunk's output in a fresh directory of the system's temporary one: a glue with `glue`
/// as its text, and a wasm.
fn trunk_output(name: &str, glue: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("raison-etre-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    std::fs::write(dir.join("raison-etre-1a2b.js"), glue).expect("the glue written");
    std::fs::write(dir.join("raison-etre-1a2b_bg.wasm"), b"\0asm").expect("the wasm written");
    dir
}

#[test]
fn the_app_files_carry_their_addresses_and_integrity() {
    let dir = trunk_output(
        "start",
        &format!("export function {APP_START}(){{wasm.start()}}"),
    );
    let app = AppFiles::find(&dir).expect("the app's files");
    assert_eq!(app.js, "/raison-etre-1a2b.js");
    assert_eq!(app.wasm, "/raison-etre-1a2b_bg.wasm");
    assert!(app.wasm_integrity.starts_with("sha384-") && app.js_integrity.starts_with("sha384-"));
    assert_ne!(app.js_integrity, app.wasm_integrity);
    std::fs::remove_dir_all(dir).expect("the directory removed");
}

#[test]
fn a_glue_without_the_start_function_fails_the_build() {
    let dir = trunk_output("no-start", "export default function init(){}");
    let error = AppFiles::find(&dir).expect_err("the start-up script would call nothing");
    assert!(
        error
            .to_string()
            .contains(&format!("does not export `{APP_START}`")),
        "{error}"
    );
    std::fs::remove_dir_all(dir).expect("the directory removed");
}

/// The wrappers of `pages` hydrate each page synchronously, and the pre-rendered documents
/// are rendered so: that is right only while no page awaits anything. A page that awaits
/// data renders otherwise once its data is awaited, and fails here.
#[test]
fn no_page_awaits_anything_so_hydrating_at_once_is_right() {
    use futures::StreamExt;
    use leptos::prelude::*;
    use leptos_meta::ServerMetaContext;
    use leptos_router::location::RequestUrl;
    use raison_etre::App;

    let _ = any_spawner::Executor::init_futures_executor();
    for prerendered in PRERENDERED {
        let render = |awaited: bool| {
            let owner = Owner::new();
            owner.with(|| {
                let (meta, _) = ServerMetaContext::new();
                provide_context(meta);
                provide_context(RequestUrl::new(prerendered.path));
                let app = view! { <App /> };
                if awaited {
                    futures::executor::block_on(app.to_html_stream_in_order().collect::<String>())
                } else {
                    app.to_html()
                }
            })
        };
        assert_eq!(render(true), render(false), "{prerendered:?}");
    }
}

/// What RGPD art. 13 and the CNIL ask a page to tell where consent is asked, each fact
/// from the policy: on the cookie page, beside each switch of the dialog, in every footer.
#[test]
fn the_page_tells_who_asks_who_receives_and_what_the_visitor_may_do() {
    use raison_etre::consent::{CONTROLLER, LEGAL_BASIS, SERVICES};
    let doc = render(COOKIES);
    let article = text(&select(&doc, "main article")[0]);
    for fact in [
        CONTROLLER.name,
        CONTROLLER.address,
        LEGAL_BASIS,
        CONTROLLER.dpo_email,
    ] {
        assert!(article.contains(fact), "the cookie page lacks {fact:?}");
    }
    let links: Vec<_> = select(&doc, "main article a")
        .iter()
        .filter_map(|a| a.attr("href"))
        .map(str::to_owned)
        .collect();
    assert!(
        links.contains(&format!("mailto:{}", CONTROLLER.dpo_email)),
        "{links:?}"
    );
    assert!(
        links.contains(&CONTROLLER.complaints.to_owned()),
        "{links:?}"
    );
    let entries = select(&doc, "li.cookie-service");
    assert_eq!(entries.len(), SERVICES.len());
    for (entry, service) in entries.iter().zip(SERVICES) {
        let told = text(entry);
        for fact in [
            service.recipient,
            service.recipient_group,
            service.transferred_to,
        ] {
            assert!(told.contains(fact), "{}: {fact:?} missing", service.id);
        }
    }
    for dd in select(&doc, "li.cookie-service dd") {
        assert!(
            !text(&dd).is_empty(),
            "an empty line where a fact should be"
        );
    }

    for prerendered in PRERENDERED {
        let doc = render(prerendered.path);
        for service in SERVICES {
            let line = select(&doc, &format!("dialog #consent-recipient-{}", service.id));
            assert_eq!(
                line.iter().map(text).collect::<Vec<_>>(),
                [format!("Destinataire\u{a0}: {}", service.recipient)]
            );
            let switch = select(&doc, &format!("dialog #consent-switch-{}", service.id));
            let described_by = switch[0].attr("aria-describedby").unwrap_or_default();
            assert!(described_by.contains(&format!("consent-recipient-{}", service.id)));
        }
        let footer: Vec<_> = select(&doc, "footer a")
            .iter()
            .map(|a| (text(a), a.attr("href").unwrap_or_default().to_owned()))
            .collect();
        for expected in [
            ("Mentions légales", CONTROLLER.legal_notice),
            ("Données personnelles", CONTROLLER.privacy_policy),
        ] {
            assert!(
                footer.contains(&(expected.0.to_owned(), expected.1.to_owned())),
                "{prerendered:?}: {footer:?}"
            );
        }
    }
}
