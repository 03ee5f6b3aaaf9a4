//! `deploy/nginx.conf`: how nginx serves `dist/`, from the same facts as the other hosts'
//! files (`site::hosts`), the app's routes and its receipt (`consent::Receipt`). The file is
//! what [`nginx_conf`] writes with [`NginxSettings::default`] (`make deploy-conf`; a host
//! test checks it).

use std::collections::HashMap;

use super::hosts::{CACHE_HASHED, CACHE_OTHER, HASHED, HOST_FILES, SECURITY_HEADERS};
use crate::consent::{RECEIPT_ID_BYTES, RECEIPT_PATH, Receipt, VERSION_HEX_DIGITS};
use crate::content::SITE_ORIGIN;
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

/// Where this nginx listens, under which name, and what it serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NginxSettings {
    /// The site's host name (`server_name`).
    pub server_name: String,
    /// HTTPS, when nginx answers it itself; `None` behind a proxy that does (and for the
    /// tests' server): then one plain HTTP server serves the site.
    pub tls: Option<Tls>,
    /// Where plain HTTP is answered: with a redirect to HTTPS when nginx answers HTTPS.
    pub http_listen: Vec<String>,
    /// The directory `dist/` was copied to.
    pub root: String,
    /// Where receipts go, one JSON line each: outside `/var/log/nginx/`, whose files
    /// Debian's own logrotate deletes after 14 days (`deploy/logrotate.conf` keeps these).
    pub receipt_log: String,
    /// The Unix socket of the inner server that answers receipts.
    pub receipt_socket: String,
    /// The proxies, addresses or ranges, whose `X-Forwarded-For` names the visitor: the
    /// receipts' rate limit then counts each visitor, not the proxy.
    pub trusted_proxies: Vec<ProxyAddress>,
}

/// HTTPS as nginx answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tls {
    pub listen: Vec<String>,
    /// The certificate with its chain, and its key (PEM files).
    pub certificate: String,
    pub certificate_key: String,
}

impl Default for NginxSettings {
    fn default() -> Self {
        let server_name = SITE_ORIGIN.trim_start_matches("https://").to_owned();
        // Where certbot keeps a certificate for that name (docs/deployment.md).
        let live = format!("/etc/letsencrypt/live/{server_name}");
        Self {
            tls: Some(Tls {
                listen: vec!["443".to_owned(), "[::]:443".to_owned()],
                certificate: format!("{live}/fullchain.pem"),
                certificate_key: format!("{live}/privkey.pem"),
            }),
            server_name,
            http_listen: vec!["80".to_owned(), "[::]:80".to_owned()],
            root: "/var/www/raison-etre".to_owned(),
            receipt_log: RECEIPT_LOG.to_owned(),
            receipt_socket: "/run/nginx-consent-receipts.sock".to_owned(),
            trusted_proxies: Vec::new(),
        }
    }
}

/// Where receipts are kept on a server set up as docs/deployment.md says.
pub const RECEIPT_LOG: &str = "/var/log/raison-etre/consent-receipts.log";

/// A proxy's address, or a range of them (`192.0.2.1`, `10.0.0.0/8`, `2001:db8::/32`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyAddress(String);

impl std::str::FromStr for ProxyAddress {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let malformed = || {
            format!(
                "{text:?} is not a proxy's address or range (192.0.2.1, 10.0.0.0/8, 2001:db8::/32)"
            )
        };
        let (address, prefix) = match text.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text, None),
        };
        let address: std::net::IpAddr = address.parse().map_err(|_| malformed())?;
        let bits = if address.is_ipv4() { 32 } else { 128 };
        if let Some(prefix) = prefix {
            prefix
                .parse::<u8>()
                .ok()
                .filter(|prefix| *prefix <= bits)
                .ok_or_else(malformed)?;
        }
        Ok(Self(text.to_owned()))
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

/// `deploy/nginx.conf` for these settings: `map`s, a rate limit, a log format and the
/// `server` blocks, for nginx's `http` context.
pub fn nginx_conf(settings: &NginxSettings) -> String {
    let hashed = HASHED.join("|");
    let shape = receipt_shape().replace('"', "\\\"");
    let receipt_socket = &settings.receipt_socket;
    let servers = match &settings.tls {
        Some(tls) => format!(
            "{}\n{}",
            redirect_to_https(settings),
            site_server(settings, &https_listen(tls))
        ),
        None => site_server(settings, &listen(&settings.http_listen, "")),
    };
    format!(
        r#"# Made by the site writer (src/site/nginx.rs): change that file, not this one, then run
# `make deploy-conf` (a host test checks the two agree). For your own server's name,
# certificate and proxies: `site nginx` or `site deploy`, with the settings that
# docs/deployment.md lists.
#
# dist/ on Debian's nginx with libnginx-mod-http-brotli-static: docs/deployment.md
# says where this file goes and the one step before (disable Debian's default site).

map $uri $raison_etre_cache_control {{
    "~\.(?:{hashed})$" "{CACHE_HASHED}";
    default "{CACHE_OTHER}";
}}

# Receipts of consent (docs/proof.md): a body of the one shape the app sends
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

{servers}"#
    )
}

/// `listen` lines, each address with `parameters`.
fn listen(addresses: &[String], parameters: &str) -> String {
    addresses
        .iter()
        .map(|address| format!("    listen {address}{parameters};\n"))
        .collect()
}

/// HTTPS with HTTP/2, as nginx 1.22 (Debian 12) writes it.
fn https_listen(tls: &Tls) -> String {
    format!(
        "{}    ssl_certificate {};\n    ssl_certificate_key {};\n",
        listen(&tls.listen, " ssl http2"),
        tls.certificate,
        tls.certificate_key
    )
}

/// Plain HTTP, when nginx answers HTTPS: nothing but a permanent redirect there.
fn redirect_to_https(settings: &NginxSettings) -> String {
    format!(
        "server {{\n{}    server_name {};\n    server_tokens off;\n    return 301 https://$host$request_uri;\n}}\n",
        listen(&settings.http_listen, ""),
        settings.server_name
    )
}

/// The server that serves the site, on `listen`, with the security headers: HSTS goes out
/// from here alone, over HTTPS or to the proxy that answers it, never from the redirect.
fn site_server(settings: &NginxSettings, listen: &str) -> String {
    let NginxSettings {
        server_name,
        root,
        receipt_log,
        receipt_socket,
        trusted_proxies,
        ..
    } = settings;
    let security_headers: String = SECURITY_HEADERS
        .iter()
        .map(|(name, value)| format!("    add_header {name} \"{value}\" always;\n"))
        .collect();
    let real_ip = if trusted_proxies.is_empty() {
        String::new()
    } else {
        let from: String = trusted_proxies
            .iter()
            .map(|ProxyAddress(address)| format!("    set_real_ip_from {address};\n"))
            .collect();
        format!(
            "    # The visitor's address, as the trusted proxies pass it on: the receipts' rate\n    # limit counts visitors, not proxies.\n{from}    real_ip_header X-Forwarded-For;\n    real_ip_recursive on;\n\n"
        )
    };
    let redirects: String = REDIRECTS
        .iter()
        .map(|(from, to)| format!("    location = {from} {{ return 301 {to}; }}\n"))
        .collect();
    let host_files = HOST_FILES.join("|");
    format!(
        r#"server {{
{listen}    server_name {server_name};
    root {root};

    server_tokens off;
    charset utf-8;
    # Locations as paths, right behind a TLS proxy too.
    absolute_redirect off;

{real_ip}    # The build's .br and .gz files; nothing is compressed per request.
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
