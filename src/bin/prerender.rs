//! `prerender DIR`: writes every document of the site Trunk staged in DIR (from the
//! post_build hook), as `raison_etre::document` says. Prints each file written, one a line;
//! reports on stderr. `PRERENDER=off`: documents without the page (the benchmark's
//! "before pre-rendering").
//!
//! `prerender --app-files DIR`: prints, as JSON, the app's two files in DIR as the documents
//! will name them (`document::AppFiles`), for the build steps that rewrite them first.

use std::path::Path;
use std::process::ExitCode;

use raison_etre::document::{AppFiles, Body, write_site};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    let app_files = args.next_if_eq("--app-files").is_some();
    let dir = args.next().unwrap_or_else(|| "dist".to_owned());
    if app_files {
        let json = AppFiles::find(Path::new(&dir))
            .map_err(|error| error.to_string())
            .and_then(|files| serde_json::to_string(&files).map_err(|error| error.to_string()));
        return match json {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("prerender: {dir}: {error}");
                ExitCode::FAILURE
            }
        };
    }
    let body = match std::env::var("PRERENDER").as_deref() {
        Ok("off") => Body::Empty,
        _ => Body::Prerendered,
    };
    match write_site(Path::new(&dir), body) {
        Ok(written) => {
            for (file, bytes) in written {
                eprintln!("prerender: {file}, {bytes} bytes");
                println!("{file}");
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("prerender: {dir}: {error}");
            ExitCode::FAILURE
        }
    }
}
