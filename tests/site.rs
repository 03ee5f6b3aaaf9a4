//! The site writer's files for hosts: the committed `deploy/nginx.conf` and
//! `deploy/logrotate.conf` are what it writes, the receipt shape nginx keeps is the one the
//! app sends, and a deploy refuses what it must before touching its target.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use raison_etre::consent::{POLICY, Receipt, SERVICES};
use raison_etre::site::deploy::deploy;
use raison_etre::site::logrotate::{logrotate_conf, receipt_retention_days};
use raison_etre::site::nginx::{
    MAX_CHOICES, NginxSettings, ProxyAddress, RECEIPT_LOG, SERVICE_ID, nginx_conf, receipt_shape,
};
use regex::Regex;

#[test]
fn the_committed_deploy_files_are_what_the_site_writer_makes() {
    for (file, made) in [
        ("deploy/nginx.conf", nginx_conf(&NginxSettings::default())),
        ("deploy/logrotate.conf", logrotate_conf(RECEIPT_LOG)),
    ] {
        let committed = std::fs::read_to_string(file).unwrap_or_default();
        assert!(
            committed == made,
            "{file} differs from what src/site/ makes: run `make deploy-conf`"
        );
    }
}

#[test]
fn nginx_answers_https_under_the_site_s_name_and_http_only_with_a_redirect() {
    let conf = nginx_conf(&NginxSettings::default());
    let servers: Vec<&str> = conf.split("\nserver {").skip(1).collect();
    let [_receipts, http, https] = servers.as_slice() else {
        panic!("three servers: receipts, HTTP, HTTPS; {conf}")
    };
    assert!(http.contains("listen 80;") && http.contains("return 301 https://$host$request_uri;"));
    assert!(!http.contains("location") && !http.contains("Strict-Transport-Security"));
    assert!(
        https.contains("listen 443 ssl http2;") && https.contains("listen [::]:443 ssl http2;")
    );
    assert!(
        https.contains("ssl_certificate /etc/letsencrypt/live/www.telecom-paris.fr/fullchain.pem;")
    );
    assert!(https.contains("Strict-Transport-Security"));
    for server in [http, https] {
        assert!(server.contains("server_name www.telecom-paris.fr;"));
    }
    assert!(
        !conf.contains("/var/log/nginx/"),
        "Debian rotates /var/log/nginx/*.log away"
    );
    assert!(!conf.contains("real_ip"), "no proxy trusted unless said");
}

#[test]
fn trusted_proxies_name_the_visitor_and_malformed_ones_are_refused() {
    let settings = NginxSettings {
        trusted_proxies: vec![
            "192.0.2.1".parse().unwrap(),
            "2001:db8::/32".parse().unwrap(),
        ],
        ..NginxSettings::default()
    };
    let conf = nginx_conf(&settings);
    assert!(conf.contains("set_real_ip_from 192.0.2.1;\n    set_real_ip_from 2001:db8::/32;"));
    assert!(
        conf.contains("real_ip_header X-Forwarded-For;") && conf.contains("real_ip_recursive on;")
    );
    for malformed in [
        "",
        "proxy.example",
        "192.0.2.300",
        "10.0.0.0/33",
        "2001:db8::/129",
        "10.0.0.1/",
    ] {
        let error = malformed.parse::<ProxyAddress>().unwrap_err();
        assert!(error.contains(&format!("{malformed:?}")), "{error}");
    }
}

#[test]
fn receipts_are_kept_the_choice_s_lifetime_and_a_year() {
    assert_eq!(receipt_retention_days(), 183 + 365);
    let conf = logrotate_conf(RECEIPT_LOG);
    assert!(conf.contains(&format!("{RECEIPT_LOG} {{")));
    assert!(conf.contains("    rotate 548\n") && conf.contains("    maxage 548\n"));
}

/// A fresh directory under the target directory, for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

#[test]
fn a_deploy_refuses_a_debug_build_a_missing_certificate_and_touches_nothing() {
    let dist = scratch("deploy-dist");
    std::fs::write(dist.join("index.html"), "<!doctype html>").unwrap();
    let root = scratch("deploy-root");
    let conf = root.join("nginx.conf");
    let error = deploy(&dist, &root, &conf, &NginxSettings::default()).unwrap_err();
    assert!(error.contains("not a release build"), "{error}");
    for file in ["_headers", "_redirects", "index.html.br", "index.html.gz"] {
        std::fs::write(dist.join(file), "").unwrap();
    }
    let error = deploy(&dist, &root, &conf, &NginxSettings::default()).unwrap_err();
    assert!(
        error.contains("/etc/letsencrypt/live/www.telecom-paris.fr/fullchain.pem does not exist"),
        "{error}"
    );
    assert_eq!(
        std::fs::read_dir(&root).unwrap().count(),
        0,
        "the target was touched"
    );

    let without_tls = NginxSettings {
        tls: None,
        ..NginxSettings::default()
    };
    let copied = deploy(&dist, &root, &conf, &without_tls).expect("a release build deploys");
    assert_eq!(copied.last(), Some(&conf));
    assert!(root.join("index.html.br").is_file() && conf.is_file());
}

fn receipt_json(
    id: &str,
    policy: &str,
    decided_at: u64,
    choices: &HashMap<String, bool>,
) -> String {
    serde_json::to_string(&Receipt {
        receipt_id: id,
        policy,
        decided_at,
        choices,
    })
    .expect("a receipt serialises")
}

#[test]
fn nginx_keeps_the_receipts_the_app_sends_and_nothing_else() {
    let shape = Regex::new(&receipt_shape()).expect("a regular expression");
    let all: HashMap<String, bool> = SERVICES.iter().map(|s| (s.id.to_owned(), true)).collect();
    let id = "0f".repeat(16);
    let kept = receipt_json(&id, POLICY.version, 1_795_813_800_000, &all);
    assert!(shape.is_match(&kept), "{kept}");
    let one = HashMap::from([("youtube".to_owned(), false)]);
    assert!(shape.is_match(&receipt_json(&id, POLICY.version, 0, &one)));

    let refused = [
        receipt_json(&"0f".repeat(15), POLICY.version, 0, &all),
        receipt_json(&id, "5659f8de38", 0, &all),
        receipt_json(&id, POLICY.version, 0, &HashMap::new()),
        receipt_json(
            &id,
            POLICY.version,
            0,
            &HashMap::from([("You Tube".to_owned(), true)]),
        ),
        kept.replacen('{', "{\"ip\":\"192.0.2.1\",", 1),
        kept.replace("true", "\"yes\""),
        format!("{kept}\n"),
    ];
    for body in refused {
        assert!(!shape.is_match(&body), "kept: {body}");
    }
}

#[test]
fn every_service_fits_the_ids_a_receipt_may_name() {
    let id = Regex::new(&format!("^{SERVICE_ID}$")).expect("a regular expression");
    assert!(SERVICES.len() <= MAX_CHOICES);
    for service in SERVICES {
        assert!(
            id.is_match(service.id),
            "{service:?}: the receipt route would refuse its id"
        );
    }
}
