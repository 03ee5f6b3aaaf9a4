//! `deploy/nginx.conf`: how nginx serves `dist/`, from the same facts as the other hosts'
//! files (`site::hosts`), the app's routes and its receipt (`consent::Receipt`). The file is
//! what [`nginx_conf`] writes with [`NginxSettings::default`] (`make nginx-conf`; a host
//! test checks it).

use std::collections::HashMap;

use super::hosts::{CACHE_HASHED, CACHE_OTHER, HASHED, HOST_FILES, SECURITY_HEADERS};
use crate::consent::{RECEIPT_ID_BYTES, RECEIPT_PATH, Receipt, VERSION_HEX_DIGITS};
use crate::routes::REDIRECTS;

/// A receipt is a few hundred bytes; a larger body gets 413.
pub const RECEIPT_MAX_BYTES: usize = 1024;
/// Per client address: so many receipts a minute, and a burst of so many more (429 beyond).
pub const RECEIPTS_PER_MINUTE: u32 = 10;
pub const RECEIPT_BURST: u32 = 20;

/// The service ids a receipt may name, and how many: any policy's, not only today's, so
/// that a page loaded before a deploy still has its receipt kept.
pub const SERVICE_ID: &str = "[a-z0-9-]{1,32}";
pub const MAX_CHOICES: usize = 32;

/// Where this nginx listens and what it serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NginxSettings {
    pub listen: Vec<String>,
    /// The directory `dist/` was copied to.
    pub root: String,
    /// Where receipts go, one JSON line each.
    pub receipt_log: String,
    /// The Unix socket of the inner server that answers receipts.
    pub receipt_socket: String,
}

impl Default for NginxSettings {
    fn default() -> Self {
        Self {
            listen: vec!["80".to_owned(), "[::]:80".to_owned()],
            root: "/var/www/raison-etre".to_owned(),
            receipt_log: "/var/log/nginx/consent-receipts.log".to_owned(),
            receipt_socket: "/run/nginx-consent-receipts.sock".to_owned(),
        }
    }
}

/// The one shape of body kept as a receipt, as a regular expression: the fields and their
/// order as serde writes [`Receipt`], each value by the pattern of its kind.
pub fn receipt_shape() -> String {
    const ID: &str = "@receipt-id@";
    const POLICY: &str = "@policy@";
    const DECIDED_AT: u64 = 987_654_321;
    const CHOICE: &str = "@choice@";
    let choices = HashMap::from([(CHOICE.to_owned(), true)]);
    let sample = Receipt {
        receipt_id: ID,
        policy: POLICY,
        decided_at: DECIDED_AT,
        choices: &choices,
    };
    // A field added to `Receipt` stops this compiling until it has its pattern below.
    let Receipt {
        receipt_id: _,
        policy: _,
        decided_at: _,
        choices: _,
    } = sample;
    let choice = format!("\"{SERVICE_ID}\":(?:true|false)");
    let json = serde_json::to_string(&sample).unwrap_or_default();
    let escaped = json
        .replace(&format!("{{\"{CHOICE}\":true}}"), "\u{0}choices")
        .replace('{', "\\{")
        .replace('}', "\\}");
    let shape = escaped
        .replace(
            &format!("\"{ID}\""),
            &format!("\"[0-9a-f]{{{}}}\"", 2 * RECEIPT_ID_BYTES),
        )
        .replace(
            &format!("\"{POLICY}\""),
            &format!("\"[0-9a-f]{{{VERSION_HEX_DIGITS}}}\""),
        )
        .replace(&DECIDED_AT.to_string(), "[0-9]{1,16}")
        .replace(
            "\u{0}choices",
            &format!("\\{{(?:{choice},){{0,{}}}{choice}\\}}", MAX_CHOICES - 1),
        );
    format!("^{shape}$")
}

/// `deploy/nginx.conf` for these settings: `map`s, a rate limit, a log format and two
/// `server` blocks, for nginx's `http` context.
pub fn nginx_conf(settings: &NginxSettings) -> String {
    let NginxSettings {
        listen,
        root,
        receipt_log,
        receipt_socket,
    } = settings;
    let hashed = HASHED.join("|");
    let shape = receipt_shape().replace('"', "\\\"");
    let listen: String = listen
        .iter()
        .map(|address| format!("    listen {address};\n"))
        .collect();
    let security_headers: String = SECURITY_HEADERS
        .iter()
        .map(|(name, value)| format!("    add_header {name} \"{value}\" always;\n"))
        .collect();
    let redirects: String = REDIRECTS
        .iter()
        .map(|(from, to)| format!("    location = {from} {{ return 301 {to}; }}\n"))
        .collect();
    let host_files = HOST_FILES.join("|");
    format!(
        r#"# Made by the site writer (src/site/nginx.rs): change that file, not this one, then run
# `make nginx-conf` (a host test checks the two agree; the end-to-end tests serve dist/
# with this block, only `listen`, `root` and the receipts' files changed).
#
# dist/ on Debian's nginx with libnginx-mod-http-brotli-static: put this file in
# /etc/nginx/sites-available/, link it from sites-enabled/, and set `root` to the
# directory dist/ was copied to. Browsers heed HSTS over HTTPS only: add your
# `listen 443 ssl` and certificate lines, or serve it behind a TLS proxy.

map $uri $raison_etre_cache_control {{
    "~\.(?:{hashed})$" "{CACHE_HASHED}";
    default "{CACHE_OTHER}";
}}

# Receipts of consent (README, "Proof of consent"): a body of the one shape the app sends
# is kept, as it is, one line each; nothing else of the request (no address, no user
# agent, no referrer). The body is read before it is judged: the inner server's answer
# (204, else 400) is the answer.
map $request_body $raison_etre_receipt_valid {{
    "~{shape}" 1;
    default 0;
}}
map "$status:$raison_etre_receipt_valid" $raison_etre_receipt_kept {{
    "204:1" 1;
    default 0;
}}
log_format raison_etre_receipt escape=none '$request_body';
limit_req_zone $binary_remote_addr zone=raison_etre_receipts:1m rate={RECEIPTS_PER_MINUTE}r/m;

server {{
    listen unix:{receipt_socket};
    access_log off;
    location = {RECEIPT_PATH} {{
        if ($http_x_receipt_valid != 1) {{ return 400; }}
        return 204;
    }}
    location / {{ return 404; }}
}}

server {{
{listen}    root {root};

    server_tokens off;
    charset utf-8;
    # Locations as paths, right behind a TLS proxy too.
    absolute_redirect off;

    # The build's .br and .gz files; nothing is compressed per request.
    brotli_static on;
    gzip_static on;
    gzip_vary on;

    # Here, as no location adds a header of its own; `always` for redirects and 404s too.
    add_header Cache-Control $raison_etre_cache_control always;
{security_headers}
{redirects}
    # /a/b from a/b.html, as static hosts do; any other path gets 404.html.
    location / {{
        try_files $uri $uri.html =404;
    }}
    location ~ ^/(?:{host_files})$ {{
        return 404;
    }}
    # Whatever the mime.types in use says (older ones lack it).
    location ~ \.wasm$ {{
        types {{ }}
        default_type application/wasm;
    }}
    location = {RECEIPT_PATH} {{
        limit_except POST {{ deny all; }}
        client_max_body_size {RECEIPT_MAX_BYTES};
        client_body_buffer_size {RECEIPT_MAX_BYTES};
        client_body_in_single_buffer on;
        limit_req zone=raison_etre_receipts burst={RECEIPT_BURST} nodelay;
        limit_req_status 429;
        proxy_set_header X-Receipt-Valid $raison_etre_receipt_valid;
        proxy_pass http://unix:{receipt_socket}:{RECEIPT_PATH};
        access_log {receipt_log} raison_etre_receipt if=$raison_etre_receipt_kept;
        # Its refusals would name the client address.
        error_log /dev/null;
    }}
    error_page 404 /404.html;
}}
"#
    )
}
