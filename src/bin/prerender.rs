//! `prerender DIR`: writes every document of `routes::PRERENDERED` into the site Trunk built
//! in DIR (its staging folder, from the post_build hook), from its `index.html`. Prints each
//! file written, one a line, for the hook to finish (SRI, CSP hashes); reports on stderr.

use std::path::Path;
use std::process::ExitCode;

use raison_etre::prerender::render_document;
use raison_etre::routes::PRERENDERED;

fn main() -> ExitCode {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "dist".to_owned());
    let dir = Path::new(&dir);
    let template = match std::fs::read_to_string(dir.join("index.html")) {
        Ok(template) => template,
        Err(error) => {
            eprintln!(
                "prerender: cannot read {}: {error}",
                dir.join("index.html").display()
            );
            return ExitCode::FAILURE;
        }
    };
    for document in PRERENDERED {
        let file = dir.join(document.file);
        let written = render_document(&template, document.path)
            .map_err(|error| error.to_string())
            .and_then(|html| {
                if let Some(parent) = file.parent() {
                    std::fs::create_dir_all(parent).map_err(|error| error.to_string())?;
                }
                std::fs::write(&file, &html).map_err(|error| error.to_string())?;
                Ok(html.len())
            });
        match written {
            Ok(bytes) => {
                eprintln!(
                    "prerender: {} ({}), {bytes} bytes",
                    document.file, document.path
                );
                println!("{}", document.file);
            }
            Err(error) => {
                eprintln!("prerender: {}: {error}", document.file);
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
