//! The site writer's files for hosts: the committed `deploy/nginx.conf` is what it writes,
//! and the receipt shape nginx keeps is the one the app sends.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use raison_etre::consent::{POLICY, Receipt, SERVICES};
use raison_etre::site::nginx::{MAX_CHOICES, NginxSettings, SERVICE_ID, nginx_conf, receipt_shape};
use regex::Regex;

#[test]
fn deploy_nginx_conf_is_what_the_site_writer_makes() {
    let committed = std::fs::read_to_string("deploy/nginx.conf").expect("deploy/nginx.conf");
    assert!(
        committed == nginx_conf(&NginxSettings::default()),
        "deploy/nginx.conf differs from src/site/nginx.rs: run `make nginx-conf`"
    );
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
