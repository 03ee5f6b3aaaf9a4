//! `prerender DIR`: writes every document of the site Trunk staged in DIR (from the
//! post_build hook), as `raison_etre::document` says. Prints each file written, one a line;
//! reports on stderr. `PRERENDER=off`: documents without the page (the benchmark's
//! "before pre-rendering").

use std::path::Path;
use std::process::ExitCode;

use raison_etre::document::{Body, write_site};

fn main() -> ExitCode {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "dist".to_owned());
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
