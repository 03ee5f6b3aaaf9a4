//! The content module against the text of the original page, and the typography rules.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{SOURCE, source_breadcrumbs};
use raison_etre::content::{Block, raison_etre::PAGE};
use raison_etre::routes::RAISON_ETRE;

/// Spaces of any kind folded to one ASCII space, so that typography does not hide a change
/// of words.
fn words(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The paragraphs and `####` headings of the source's body, between the `h1` and the
/// signature.
fn source_body() -> Vec<String> {
    let body = SOURCE
        .split_once("# Notre raison d’être\n")
        .expect("the fixture has the h1")
        .1;
    let body = body
        .split_once("Nicolas Glady")
        .expect("the fixture has the signature")
        .0;
    body.split("\n\n")
        .map(|para| words(para.trim_start_matches("####")))
        .filter(|para| !para.is_empty())
        .collect()
}

/// The page's headings and blocks in reading order.
fn page_body() -> Vec<String> {
    let mut out: Vec<String> = PAGE.intro.iter().map(|b| words(b.text())).collect();
    for section in PAGE.sections {
        out.push(words(section.heading));
        out.extend(section.blocks.iter().map(|b| words(b.text())));
    }
    out
}

#[test]
fn every_paragraph_of_the_source_is_on_the_page_once_and_in_order() {
    let source = source_body();
    assert_eq!(
        source.len(),
        10,
        "the fixture's body has 8 paragraphs and 2 headings"
    );
    assert_eq!(page_body(), source);
}

#[test]
fn the_title_and_signature_match_the_source() {
    assert!(SOURCE.contains(&format!("# {}\n", PAGE.title)));
    let signature = format!("{} – {}", PAGE.signature.name, PAGE.signature.role);
    assert!(SOURCE.contains(&signature), "{signature}");
}

#[test]
fn the_statement_is_the_raison_d_etre_sentence() {
    let statements: Vec<_> = PAGE
        .blocks()
        .filter(|b| matches!(b, Block::Statement(_)))
        .collect();
    assert_eq!(statements.len(), 1);
    assert!(
        statements[0]
            .text()
            .starts_with("Notre Raison d’Être est de former, imaginer et entreprendre")
    );
}

#[test]
fn breadcrumbs_lead_to_the_school_site_as_in_the_source() {
    let mut source = source_breadcrumbs();
    let (title, address) = source.pop().expect("the page itself ends the trail");
    let trail: Vec<_> = PAGE
        .breadcrumbs
        .iter()
        .map(|link| (link.label.to_owned(), link.href.to_owned()))
        .collect();
    assert_eq!(trail, source);
    assert_eq!(title, PAGE.title);
    assert!(
        address.ends_with(RAISON_ETRE),
        "the page keeps its path: {address}"
    );
}

/// Every piece of French text the page shows.
fn all_texts() -> Vec<&'static str> {
    let mut texts = vec![PAGE.title, PAGE.description, PAGE.document_title];
    texts.extend(PAGE.blocks().map(Block::text));
    texts.extend(PAGE.sections.iter().map(|s| s.heading));
    texts
}

#[test]
fn no_line_break_before_high_punctuation() {
    for text in all_texts() {
        for (i, c) in text.char_indices() {
            let before = text[..i].chars().last();
            match c {
                ':' => assert_eq!(
                    before,
                    Some('\u{a0}'),
                    "no-break space before ':' in {text:?}"
                ),
                ';' | '!' | '?' => {
                    assert_eq!(
                        before,
                        Some('\u{202f}'),
                        "narrow space before {c:?} in {text:?}"
                    )
                }
                _ => {}
            }
        }
    }
}

#[test]
fn guillemets_hold_narrow_no_break_spaces() {
    let mut seen = 0;
    for text in all_texts() {
        for (i, c) in text.char_indices() {
            match c {
                '«' => {
                    seen += 1;
                    assert_eq!(
                        text[i + c.len_utf8()..].chars().next(),
                        Some('\u{202f}'),
                        "{text:?}"
                    );
                }
                '»' => assert_eq!(text[..i].chars().last(), Some('\u{202f}'), "{text:?}"),
                _ => {}
            }
        }
    }
    assert_eq!(seen, 2, "the text quotes twice");
}

#[test]
fn apostrophes_are_typographic() {
    for text in all_texts() {
        assert!(!text.contains('\''), "straight apostrophe in {text:?}");
        assert!(!text.contains("  "), "double space in {text:?}");
    }
}
