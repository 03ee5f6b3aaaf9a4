//! How a host must serve `dist/`, said once: the security headers, the cache rules, the
//! compressed copies, and the files written for Netlify and Cloudflare Pages (`_headers`,
//! `_redirects`). `site::nginx` says the same to nginx.

use std::path::Path;

use crate::routes::REDIRECTS;

/// What a `<meta>` cannot say, on every response (redirects and 404s too).
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    ("Content-Security-Policy", "frame-ancestors 'none'"),
    (
        "Strict-Transport-Security",
        "max-age=63072000; includeSubDomains",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), payment=()",
    ),
];

/// Trunk names these files after a hash of their content: a new build, a new name.
pub const HASHED: &[&str] = &["js", "wasm", "css"];
pub const CACHE_HASHED: &str = "public, max-age=31536000, immutable";
/// Everything else, the HTML above all, is checked with the server before each use.
pub const CACHE_OTHER: &str = "no-cache";

/// Text files a release build also writes as NAME.br and NAME.gz, served as they are.
pub const COMPRESSED: &[&str] = &["html", "js", "wasm", "css", "txt", "json"];

/// The files a host reads and never serves.
pub const HOST_FILES: &[&str] = &["_headers", "_redirects"];

/// The cache rule of a file, by its extension.
pub fn cache_control(file: &str) -> &'static str {
    if HASHED.contains(&extension(file)) {
        CACHE_HASHED
    } else {
        CACHE_OTHER
    }
}

/// `_headers`: the security headers on every path, and each file's cache rule on its own
/// paths (`a/b.html` is also `/a/b`). Hosts join the values of a header that two matching
/// rules set, so Cache-Control never comes from a pattern.
pub fn headers_file(files: &[String]) -> String {
    let mut text =
        String::from("# Made by the build (src/site/hosts.rs), as deploy/nginx.conf is.\n/*\n");
    for (name, value) in SECURITY_HEADERS {
        text.push_str(&format!("  {name}: {value}\n"));
    }
    for file in files {
        for path in paths_of(file) {
            text.push_str(&format!(
                "{path}\n  Cache-Control: {}\n",
                cache_control(file)
            ));
        }
    }
    text
}

/// `_redirects`. Netlify serves a file rather than follow a rule for its path unless the
/// status ends in `!`; Cloudflare Pages always follows the rule, and skips a line whose
/// status is not a number. So a path that has a file (`/` has index.html) gets both lines.
pub fn redirects_file(dist: &Path) -> String {
    let mut text =
        String::from("# Made by the build (src/site/hosts.rs), as deploy/nginx.conf is.\n");
    for (from, to) in REDIRECTS {
        if has_file(dist, from) {
            text.push_str(&format!("{from} {to} 301!\n"));
        }
        text.push_str(&format!("{from} {to} 301\n"));
    }
    text
}

pub(crate) fn extension(file: &str) -> &str {
    file.rsplit_once('.').map_or("", |(_, extension)| extension)
}

/// The paths a host serves a file at.
fn paths_of(file: &str) -> Vec<String> {
    match file.strip_suffix(".html") {
        Some(page) if !file.ends_with("index.html") => vec![format!("/{file}"), format!("/{page}")],
        _ => vec![format!("/{file}")],
    }
}

/// Whether a host has a file for this path (`/a/b`: a/b.html or a/b/index.html).
fn has_file(dist: &Path, path: &str) -> bool {
    let relative = path.trim_start_matches('/');
    dist.join(relative).join("index.html").is_file()
        || dist
            .join(format!("{}.html", relative.trim_end_matches('/')))
            .is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_served_with_and_without_html_and_index_only_as_itself() {
        assert_eq!(
            paths_of("fr/cookies.html"),
            ["/fr/cookies.html", "/fr/cookies"]
        );
        assert_eq!(paths_of("index.html"), ["/index.html"]);
        assert_eq!(
            paths_of("raison-etre-0a1b_bg.wasm"),
            ["/raison-etre-0a1b_bg.wasm"]
        );
    }

    #[test]
    fn hashed_files_are_kept_for_a_year_and_the_rest_checked() {
        assert_eq!(cache_control("raison-etre-0a1b.js"), CACHE_HASHED);
        assert_eq!(cache_control("fr/cookies.html"), CACHE_OTHER);
        assert_eq!(cache_control("robots.txt"), CACHE_OTHER);
    }
}
