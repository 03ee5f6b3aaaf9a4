//! The site writer's commands (`raison_etre::site`):
//!
//! - `site build`: from Trunk's `post_build` hook, writes the site into the directory Trunk
//!   staged (`TRUNK_STAGING_DIR`, else `dist`), for its profile (`TRUNK_PROFILE`).
//!   `PRERENDER=off`: documents without the page (the benchmark's "before pre-rendering").
//! - `site nginx [--listen ADDRESS]... [--root DIR] [--receipt-log FILE] [--receipt-socket
//!   FILE]`: prints the nginx configuration; without options, `deploy/nginx.conf`.
//! - `site facts`: prints, as JSON, what tools in other languages need to know of the site.
//! - `site compress DIR`: writes the `.br` and `.gz` copies of the text files under DIR.

use std::path::Path;
use std::process::ExitCode;

use raison_etre::site::document::Body;
use raison_etre::site::facts::SiteFacts;
use raison_etre::site::nginx::{NginxSettings, nginx_conf};
use raison_etre::site::{Profile, compress, write};

const USAGE: &str = "usage: site build | site nginx [--listen ADDRESS]... [--root DIR] \
    [--receipt-log FILE] [--receipt-socket FILE] | site facts | site compress DIR";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build(),
        Some("nginx") => nginx(&args[1..]).map(|conf| print!("{conf}")),
        Some("facts") => {
            print!("{}", SiteFacts::now().to_json());
            Ok(())
        }
        Some("compress") => match args.get(1) {
            Some(dir) => compress::precompress(Path::new(dir))
                .map(|files| eprintln!("site: a .br and a .gz of {} files", files.len()))
                .map_err(|error| format!("{dir}: {error}")),
            None => Err(USAGE.to_owned()),
        },
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("site: {error}");
            ExitCode::FAILURE
        }
    }
}

fn build() -> Result<(), String> {
    let dir = std::env::var("TRUNK_STAGING_DIR").unwrap_or_else(|_| "dist".to_owned());
    let profile = match std::env::var("TRUNK_PROFILE").as_deref() {
        Ok("release") => Profile::Release,
        _ => Profile::Debug,
    };
    let body = match std::env::var("PRERENDER").as_deref() {
        Ok("off") => Body::Empty,
        _ => Body::Prerendered,
    };
    let written =
        write(Path::new(&dir), body, profile).map_err(|error| format!("{dir}: {error}"))?;
    for line in written {
        eprintln!("site: {line}");
    }
    Ok(())
}

/// The settings the options give, the default's elsewhere.
fn nginx(options: &[String]) -> Result<String, String> {
    let mut settings = NginxSettings::default();
    let mut listen = Vec::new();
    let mut options = options.iter();
    while let Some(option) = options.next() {
        let value = options
            .next()
            .ok_or_else(|| format!("{option} needs a value; {USAGE}"))?
            .clone();
        match option.as_str() {
            "--listen" => listen.push(value),
            "--root" => settings.root = value,
            "--receipt-log" => settings.receipt_log = value,
            "--receipt-socket" => settings.receipt_socket = value,
            _ => return Err(format!("unknown option {option}; {USAGE}")),
        }
    }
    if !listen.is_empty() {
        settings.listen = listen;
    }
    Ok(nginx_conf(&settings))
}
