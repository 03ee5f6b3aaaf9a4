//! The components rendered to HTML on the host, as the browser and the pre-renderer see them.
#![cfg(not(target_arch = "wasm32"))]

use raison_etre::content::raison_etre::{PAGE, PATH};
use raison_etre::prerender::render_body;
use raison_etre::routes::Route;
use scraper::{Html, Selector};

/// The whole app as rendered for `path`.
fn render(path: &str) -> Html {
    let (route, _) = Route::resolve(path);
    Html::parse_fragment(&render_body(route))
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("a valid selector");
    doc.select(&selector).collect()
}

fn text(element: &scraper::ElementRef) -> String {
    element.text().collect::<String>().trim().to_owned()
}

#[test]
fn breadcrumbs_are_an_ordered_list_in_a_nav_ending_on_the_current_page() {
    let doc = render(PATH);
    let items = select(&doc, "nav[aria-label] > ol > li > a");
    let trail: Vec<_> = items
        .iter()
        .map(|a| (text(a), a.attr("href").unwrap_or_default().to_owned()))
        .collect();
    assert_eq!(
        trail,
        [
            ("Accueil", "https://www.telecom-paris.fr"),
            ("fr", "https://www.telecom-paris.fr/fr"),
            ("L’École", "https://www.telecom-paris.fr/fr/ecole"),
            (
                "Télécom Paris en bref",
                "https://www.telecom-paris.fr/fr/ecole/bref"
            ),
            ("Notre raison d’être", PATH),
        ]
        .map(|(l, h)| (l.to_owned(), h.to_owned()))
    );
    let current = select(&doc, "[aria-current]");
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].attr("aria-current"), Some("page"));
    assert_eq!(text(&current[0]), PAGE.title);
}

#[test]
fn the_outline_is_one_h1_then_h2s() {
    let doc = render(PATH);
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
    let doc = render(PATH);
    let rendered: Vec<_> = select(&doc, "article p:not(.signature)")
        .iter()
        .map(text)
        .collect();
    let expected: Vec<_> = PAGE.blocks().map(|b| b.text().to_owned()).collect();
    assert_eq!(rendered, expected);
}

#[test]
fn the_statement_is_a_pull_quote_and_the_signature_closes_the_article() {
    let doc = render(PATH);
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
    let doc = render(PATH);
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
    assert!(select(&doc, &format!("main a[href=\"{PATH}\"]")).len() == 1);
    assert!(select(&doc, "article").is_empty());
}

#[test]
fn before_the_browser_reads_the_choice_every_embed_is_a_placeholder_and_no_banner_shows() {
    let doc = render(PATH);
    assert!(
        select(&doc, "iframe").is_empty(),
        "nothing third-party on first render"
    );
    assert!(select(&doc, ".consent-banner").is_empty());
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
    let doc = render(PATH);
    let dialog = select(&doc, "dialog.consent-dialog");
    assert_eq!(dialog.len(), 1);
    assert_eq!(dialog[0].attr("open"), None, "closed until asked for");
    for service in raison_etre::consent::SERVICES {
        let switch = select(
            &doc,
            &format!("#consent-switch-{}[role=switch]", service.id),
        );
        assert_eq!(switch.len(), 1, "{}", service.id);
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

const TEMPLATE: &str = "<!doctype html><html lang=fr><head><title>Notre raison d’être | Télécom Paris</title><script type=module>start()</script></head><body></body></html>";

#[test]
fn the_prerendered_document_holds_the_page_in_its_body_and_keeps_the_head() {
    use raison_etre::prerender::render_document;
    let html = render_document(TEMPLATE, Route::RaisonEtre).expect("a good template");
    assert!(html.starts_with(
        "<!doctype html><html lang=fr><head><title>Notre raison d’être | Télécom Paris</title><meta name=\"description\""
    ));
    assert!(html.contains(
        "<script type=module>start()</script></head><body data-prerendered=\"raison-etre\"><a "
    ));
    assert!(html.ends_with("</body></html>"));
    let doc = Html::parse_document(&html);
    let description = select(&doc, "head meta[name=description]");
    assert_eq!(description.len(), 1);
    assert_eq!(description[0].attr("content"), Some(PAGE.description));
    assert_eq!(select(&doc, "body h1").len(), 1);
    assert_eq!(
        select(&doc, "body article p:not(.signature)").len(),
        PAGE.blocks().count()
    );

    let not_found = render_document(TEMPLATE, Route::NotFound).expect("a good template");
    assert!(not_found.contains("<body data-prerendered=\"not-found\">"));
    let doc = Html::parse_document(&not_found);
    assert!(select(&doc, "meta[name=description]").is_empty());
    assert_eq!(
        text(&select(&doc, "title")[0]),
        "Page introuvable | Télécom Paris"
    );
    assert_eq!(text(&select(&doc, "body h1")[0]), "Page introuvable");
}

#[test]
fn a_template_without_a_body_is_an_error_not_a_broken_page() {
    use raison_etre::prerender::{PrerenderError, render_document};
    assert_eq!(
        render_document(
            "<html><head><title>x</title></head></html>",
            Route::RaisonEtre
        ),
        Err(PrerenderError::Missing("<body>"))
    );
    assert_eq!(
        render_document("<html><body></body></html>", Route::RaisonEtre),
        Err(PrerenderError::Missing("<title>"))
    );
}

#[test]
fn without_javascript_a_note_stands_where_the_embeds_would_be() {
    let doc = render(PATH);
    let note = select(&doc, ".embed-slot .embed-noscript");
    assert_eq!(note.len(), 1);
    let inner = note[0].inner_html();
    assert!(inner.contains("JavaScript"), "{inner}");
    assert!(inner.contains("accord"), "{inner}");
}
