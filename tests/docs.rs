//! The documentation, `README.md` and `docs/*.md`, names only what exists. Outside fenced
//! code blocks, each inline code span (single backticks, one line) is a token:
//!
//! - A file path must exist from the crate root: a token with a `/` that ends with `/` or
//!   whose last part has an extension, or one without `/` ending in one of [`EXTENSIONS`]
//!   (after a `#`, an anchor). Not paths: tokens with spaces (command lines), tokens starting
//!   with `/` (site routes, server paths: `/fr/cookies`), `~`, `$`, `-`, or `.` without a `/`,
//!   tokens holding one of [`NOT_PATH`] (URLs, globs, placeholders, Rust paths), and paths
//!   under a folder `.gitignore` lists (what builds write, absent from a fresh clone).
//! - A Rust path `module::Item` (maybe after `crate::` or `raison_etre::`) whose first segment
//!   is a module of this crate (`src/<it>.rs` or `src/<it>/`): the longest leading run of
//!   segments with a module file (`src/a/b.rs`, `src/a/b/mod.rs`; the root's `src/lib.rs`)
//!   must define the next segment ([`DEFINITIONS`]) or name it in a `pub use`. Later segments
//!   (methods, variants) and other crates' paths are not checked.
//! - A relative Markdown link, `[text](target)`, must lead to a file or folder.
//!
//! No line, code blocks included, may hold a commit hash (a word of 7 to 40 hex digits with a
//! letter and a digit): the docs describe the code as it is, not its history.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

const EXTENSIONS: &str = "rs md toml mjs ts js css html json conf sh lock txt";
const NOT_PATH: &str = "*?[]{}<>()=,;:|\"'@&!";
const DEFINITIONS: &str = "fn struct enum const static type trait mod";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty())
}

fn is_file_path(token: &str, ignored: &[String]) -> bool {
    let under = |dir: &String| token == dir.as_str() || token.starts_with(&format!("{dir}/"));
    if token.is_empty()
        || token.contains(char::is_whitespace)
        || token.starts_with(&['/', '~', '$', '-'][..])
        || token.contains(|c: char| NOT_PATH.contains(c))
        || (token.starts_with('.') && !token.contains('/'))
        || ignored.iter().any(under)
    {
        return false;
    }
    let last = token.trim_end_matches('/').rsplit('/').next();
    let extension = last.and_then(|last| last.rsplit_once('.'));
    if token.contains('/') {
        token.ends_with('/') || extension.is_some()
    } else {
        extension.is_some_and(|(_, ext)| EXTENSIONS.split(' ').any(|known| known == ext))
    }
}

/// What is wrong with `token`, if it is a Rust path of this crate.
fn rust_path_problem(token: &str) -> Option<String> {
    let ident = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    let (head, _) = token.split_once("::")?;
    if !head.chars().all(|c| c.is_ascii_lowercase() || c == '_') || !token.split("::").all(ident) {
        return None;
    }
    let stripped = token.strip_prefix("crate::");
    let stripped = stripped.or_else(|| token.strip_prefix("raison_etre::"));
    let segments: Vec<&str> = stripped.unwrap_or(token).split("::").collect();
    let src = root().join("src");
    let ours = src.join(format!("{head}.rs")).is_file() || src.join(head).is_dir();
    if stripped.is_none() && !ours {
        return None;
    }
    for known in (usize::from(stripped.is_none())..=segments.len()).rev() {
        let dir = src.join(segments[..known].iter().collect::<PathBuf>());
        let dir = if known == 0 { src.join("lib") } else { dir };
        let files = [dir.with_extension("rs"), dir.join("mod.rs")];
        let Some(source) = files.iter().find_map(|file| fs::read_to_string(file).ok()) else {
            continue;
        };
        let item = *segments.get(known)?;
        let all: Vec<&str> = words(&source).collect();
        let defines =
            |pair: &[&str]| pair[1] == item && DEFINITIONS.split(' ').any(|d| d == pair[0]);
        let reexported = source.split("pub use").skip(1).any(|statement| {
            words(statement.split(';').next().unwrap_or("")).any(|word| word == item)
        });
        let module = segments[..known].join("::");
        let missing = !all.windows(2).any(defines) && !reexported;
        return missing.then(|| format!("no `{item}` in the module `{module}`"));
    }
    Some("no module of this crate has that path".to_owned())
}

fn is_commit_hash(word: &str) -> bool {
    (7..=40).contains(&word.len())
        && word.chars().all(|c| c.is_ascii_hexdigit())
        && word.chars().any(|c| c.is_ascii_digit())
        && word.chars().any(|c| c.is_ascii_alphabetic())
}

#[test]
fn the_docs_name_only_what_exists_and_no_commit() {
    let gitignore = fs::read_to_string(root().join(".gitignore")).unwrap_or_default();
    let ignored: Vec<String> = gitignore
        .lines()
        .map(|line| line.trim().trim_matches('/').to_owned())
        .filter(|line| !line.is_empty() && !line.contains(&['#', '*', '!'][..]))
        .collect();
    let mut docs: Vec<PathBuf> = fs::read_dir(root().join("docs"))
        .expect("docs/ is readable")
        .map(|entry| entry.expect("an entry of docs/").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    docs.sort();
    docs.insert(0, root().join("README.md"));
    let mut problems = Vec::new();
    for doc in &docs {
        let name = doc.strip_prefix(root()).unwrap_or(doc).display();
        let text = fs::read_to_string(doc).unwrap_or_else(|error| panic!("{name}: {error}"));
        let mut fenced = false;
        for (index, line) in text.lines().enumerate() {
            let mut problem = |token: &str, what: &str| {
                problems.push(format!("{name}:{}: `{token}`: {what}", index + 1));
            };
            for hash in line.split(|c: char| !c.is_ascii_alphanumeric()) {
                if is_commit_hash(hash) {
                    problem(hash, "a commit hash (describe the code, not its history)");
                }
            }
            let fence = line.trim_start().starts_with("```");
            fenced ^= fence;
            if fenced || fence {
                continue;
            }
            let spans: Vec<&str> = line.split('`').collect();
            let closed = spans.len() - 1;
            for token in spans[..closed].iter().skip(1).step_by(2).map(|s| s.trim()) {
                let path = token.split('#').next().unwrap_or("");
                if is_file_path(path, &ignored) && !root().join(path).exists() {
                    problem(token, "no such file or folder");
                } else if let Some(what) = rust_path_problem(token) {
                    problem(token, &what);
                }
            }
            for link in line.split("](").skip(1) {
                let target = link.split(')').next().unwrap_or("");
                let file = target.split('#').next().unwrap_or("");
                let here = doc.parent().unwrap_or(root());
                if !file.is_empty() && !file.contains("://") && !here.join(file).exists() {
                    problem(target, "a link that leads nowhere");
                }
            }
        }
    }
    assert!(problems.is_empty(), "in the docs:\n{}", problems.join("\n"));
}

#[test]
fn the_rules_tell_files_routes_and_rust_paths_apart() {
    let ignored = ["dist".to_owned()];
    let paths = "src/app.rs|e2e/|index.html|.cargo/config.toml";
    assert!(paths.split('|').all(|path| is_file_path(path, &ignored)));
    let others = "/fr/cookies|make test|https://a.b/c.js|*.js|dist/a.html|a::B|text/html|.rs";
    assert!(!others.split('|').any(|other| is_file_path(other, &ignored)));
    assert_eq!(rust_path_problem("consent::canonical"), None);
    assert_eq!(rust_path_problem("crate::App"), None);
    assert_eq!(rust_path_problem("leptos::mount::hydrate_body"), None);
    assert!(rust_path_problem("consent::no_such_item").is_some());
    assert!(is_commit_hash("1f6c0a2") && !is_commit_hash("deadbeef") && !is_commit_hash("2026"));
}
