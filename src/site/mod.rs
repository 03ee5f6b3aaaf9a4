//! The site writer: everything the site is made of that Trunk does not make, written by the
//! one program Trunk's `post_build` hook runs (`src/bin/site.rs`), from the routes and the
//! consent facts the app itself compiles:
//!
//! - [`document`]: every document, pre-rendered, with its start-up script and its CSP, and
//!   the published policy;
//! - [`hosts`]: for release builds, `_headers` and `_redirects` (Netlify, Cloudflare Pages);
//! - [`compress`]: for release builds, the `.br` and `.gz` copies;
//! - [`nginx`]: the nginx configuration, `deploy/nginx.conf`, and [`logrotate`], how long
//!   its receipts are kept, `deploy/logrotate.conf`;
//! - [`deploy`]: a release build and its nginx configuration put on a server, in order;
//! - [`facts`]: what the tests and tools in other languages need to know of the site.

pub mod compress;
pub mod deploy;
pub mod document;
pub mod facts;
pub mod hosts;
pub mod logrotate;
pub mod nginx;

use std::path::Path;

use document::{Body, DocumentError};

/// Which of Trunk's builds: `trunk serve`'s debug builds get the documents only (compressing
/// a debug wasm takes longer than building it); release builds, the ones deployed, all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Debug,
    Release,
}

/// Writes the site into `dir`, the site Trunk staged: the files written, with their sizes.
pub fn write(dir: &Path, body: Body, profile: Profile) -> Result<Vec<String>, DocumentError> {
    let io = |error: std::io::Error| DocumentError::Io(format!("{}: {error}", dir.display()));
    let mut written: Vec<String> = document::write_documents(dir, body)?
        .into_iter()
        .map(|(file, bytes)| format!("{file}, {bytes} bytes"))
        .collect();
    if profile == Profile::Release {
        let files: Vec<String> = compress::files_under(dir)
            .map_err(io)?
            .iter()
            .map(|file| file.to_string_lossy().into_owned())
            .collect();
        for (file, text) in [
            ("_headers", hosts::headers_file(&files)),
            ("_redirects", hosts::redirects_file(dir)),
        ] {
            std::fs::write(dir.join(file), &text).map_err(io)?;
            written.push(format!("{file}, {} bytes", text.len()));
        }
        let compressed = compress::precompress(dir).map_err(io)?;
        written.push(format!("a .br and a .gz of {} files", compressed.len()));
    }
    Ok(written)
}
