//! The site writer's commands (`raison_etre::site`):
//!
//! - `site build`: from Trunk's `post_build` hook, writes the site into the directory Trunk
//!   staged (`TRUNK_STAGING_DIR`, else `dist`), for its profile (`TRUNK_PROFILE`).
//!   `PRERENDER=off`: documents without the page (the benchmark's "before pre-rendering").
//! - `site nginx [SETTINGS]`: prints nginx's configuration; without settings,
//!   `deploy/nginx.conf`.
//! - `site logrotate [--receipt-log FILE]`: prints the receipts' logrotate file; without
//!   it, `deploy/logrotate.conf`.
//! - `site deploy DIST ROOT NGINX_CONF [SETTINGS]`: copies the release build DIST into ROOT
//!   in order, then writes nginx's configuration to NGINX_CONF; prints each file.
//! - `site facts`: prints, as JSON, what tools in other languages need to know of the site.
//! - `site compress DIR`: writes the `.br` and `.gz` copies of the text files under DIR.
//!
//! SETTINGS: `--server-name NAME`, `--certificate FILE`, `--certificate-key FILE`,
//! `--https-listen ADDRESS`…, `--no-tls` (behind a proxy that answers HTTPS), `--listen
//! ADDRESS`… (plain HTTP), `--root DIR`, `--receipt-log FILE`, `--receipt-socket FILE`,
//! `--trusted-proxy ADDRESS`… (whose `X-Forwarded-For` names the visitor).

use std::path::Path;
use std::process::ExitCode;

use raison_etre::site::deploy::deploy;
use raison_etre::site::document::Body;
use raison_etre::site::facts::SiteFacts;
use raison_etre::site::logrotate::logrotate_conf;
use raison_etre::site::nginx::{NginxSettings, RECEIPT_LOG, nginx_conf};
use raison_etre::site::{Profile, compress, write};

const USAGE: &str = "usage: site build | nginx [SETTINGS] | logrotate [--receipt-log FILE] | \
    deploy DIST ROOT NGINX_CONF [SETTINGS] | facts | compress DIR (src/bin/site.rs)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build(),
        Some("nginx") => settings(&args[1..]).map(|settings| print!("{}", nginx_conf(&settings))),
        Some("logrotate") => match &args[1..] {
            [] => Ok(RECEIPT_LOG.to_owned()),
            [option, log] if option == "--receipt-log" => Ok(log.clone()),
            _ => Err(USAGE.to_owned()),
        }
        .map(|log| print!("{}", logrotate_conf(&log))),
        Some("deploy") => match &args[1..] {
            [dist, root, conf, options @ ..] => settings(options).and_then(|settings| {
                let copied = deploy(Path::new(dist), Path::new(root), Path::new(conf), &settings)?;
                for file in copied {
                    println!("{}", file.display());
                }
                Ok(())
            }),
            _ => Err(USAGE.to_owned()),
        },
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

/// nginx's settings from the options, the default's where none is given.
fn settings(options: &[String]) -> Result<NginxSettings, String> {
    let mut settings = NginxSettings::default();
    let (mut http, mut https, mut proxies) = (Vec::new(), Vec::new(), Vec::new());
    let mut no_tls = false;
    let mut options = options.iter();
    while let Some(option) = options.next() {
        if option == "--no-tls" {
            no_tls = true;
            continue;
        }
        let value = options
            .next()
            .ok_or_else(|| format!("{option} needs a value; {USAGE}"))?
            .clone();
        match (option.as_str(), settings.tls.as_mut()) {
            ("--server-name", _) => settings.server_name = value,
            ("--listen", _) => http.push(value),
            ("--https-listen", _) => https.push(value),
            ("--certificate", Some(tls)) => tls.certificate = value,
            ("--certificate-key", Some(tls)) => tls.certificate_key = value,
            ("--root", _) => settings.root = value,
            ("--receipt-log", _) => settings.receipt_log = value,
            ("--receipt-socket", _) => settings.receipt_socket = value,
            ("--trusted-proxy", _) => proxies.push(value.parse()?),
            _ => return Err(format!("unknown option {option}; {USAGE}")),
        }
    }
    if !http.is_empty() {
        settings.http_listen = http;
    }
    if let (false, Some(tls)) = (https.is_empty(), settings.tls.as_mut()) {
        tls.listen = https;
    }
    if no_tls {
        settings.tls = None;
    }
    settings.trusted_proxies = proxies;
    Ok(settings)
}
