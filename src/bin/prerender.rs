//! `prerender DIR`: writes the pre-rendered pages into the site Trunk built in DIR (its
//! staging folder, from the post_build hook): `index.html` for the page, `404.html` for
//! the fallback of static hosts.

use std::path::Path;
use std::process::ExitCode;

use raison_etre::prerender::render_document;
use raison_etre::routes::Route;

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
    for (route, file) in [
        (Route::RaisonEtre, "index.html"),
        (Route::NotFound, "404.html"),
    ] {
        let written = render_document(&template, route)
            .map_err(|error| error.to_string())
            .and_then(|html| {
                std::fs::write(dir.join(file), &html).map_err(|error| error.to_string())?;
                Ok(html.len())
            });
        match written {
            Ok(bytes) => println!("prerender: {file}, {bytes} bytes"),
            Err(error) => {
                eprintln!("prerender: {file}: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
