use leptos::either::Either;
use leptos::prelude::*;

use super::{PullQuote, SignatureLine};
use crate::content::{Article, Block};

/// The article itself: its `h1`, the running text, the subsections under `h2`, and the
/// signature.
#[component]
pub fn ArticleText(
    /// The text to show.
    article: &'static Article,
) -> impl IntoView {
    view! {
        <article class="article" aria-labelledby="article-title">
            <h1 id="article-title">{article.title}</h1>
            {article.intro.iter().map(text_block).collect_view()}
            {article
                .sections
                .iter()
                .map(|section| {
                    view! {
                        <section class="article-section">
                            <h2>{section.heading}</h2>
                            {section.blocks.iter().map(text_block).collect_view()}
                        </section>
                    }
                })
                .collect_view()}
            <SignatureLine signature=article.signature />
        </article>
    }
}

fn text_block(block: &'static Block) -> impl IntoView {
    match block {
        Block::Paragraph(text) => Either::Left(view! { <p>{*text}</p> }),
        Block::Statement(text) => Either::Right(view! { <PullQuote text=*text /> }),
    }
}
