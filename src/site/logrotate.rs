//! `deploy/logrotate.conf`: how long the server keeps receipts, derived from the choice's
//! lifetime and the year after it that the cookie page promises (`make deploy-conf` writes
//! it; a host test checks the committed file, an end-to-end test reads logrotate's own
//! account of it).

use crate::consent::{CHOICE_LIFETIME_MS, DAY_MS, RECEIPT_KEPT_AFTER_MS};

/// How many days a receipt is kept: the choice it proves lasts that long, plus a year.
pub const fn receipt_retention_days() -> u64 {
    (CHOICE_LIFETIME_MS + RECEIPT_KEPT_AFTER_MS).div_ceil(DAY_MS)
}

/// The logrotate stanza for the receipt log at `receipt_log`: one file a day, deleted once
/// its newest receipt is as old as the retention (`rotate` and `maxage` both), never before.
pub fn logrotate_conf(receipt_log: &str) -> String {
    let days = receipt_retention_days();
    format!(
        r#"# Made by the site writer (src/site/logrotate.rs): change that file, not this one, then
# run `make deploy-conf` (a host test checks the two agree). Goes in
# /etc/logrotate.d/raison-etre (docs/deployment.md).
#
# Receipts are kept {days} days, the choice's lifetime and a year after it, as the cookie
# page says. The log is outside /var/log/nginx/, whose files Debian's own
# /etc/logrotate.d/nginx deletes after 14 days.
{receipt_log} {{
    daily
    rotate {days}
    maxage {days}
    missingok
    notifempty
    compress
    delaycompress
    create 0640 root adm
    postrotate
        [ ! -f /run/nginx.pid ] || kill -USR1 "$(cat /run/nginx.pid)"
    endscript
}}
"#
    )
}
