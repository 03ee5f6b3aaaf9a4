//! What several test files read from the copy of the original page, so that each fact of
//! it is written once.

/// The project's copy of the original page.
pub const SOURCE: &str = include_str!("../fixtures/raison-etre.source.md");

/// The original page's breadcrumbs, `(label, address)`, from the school's home page to the
/// page itself (whose address, there, is on the school's site).
pub fn source_breadcrumbs() -> Vec<(String, String)> {
    let line = SOURCE
        .lines()
        .find(|line| line.starts_with("## ["))
        .expect("the source has its breadcrumbs");
    line.trim_start_matches("## ")
        .split(" > ")
        .map(|crumb| {
            let (label, rest) = crumb
                .trim_start_matches('[')
                .split_once("](")
                .expect("a markdown link");
            let href = rest.split([' ', ')']).next().unwrap_or_default();
            (label.to_owned(), href.to_owned())
        })
        .collect()
}
