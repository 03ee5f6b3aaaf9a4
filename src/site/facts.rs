//! What the site's tools in other languages (the end-to-end tests, the benchmark, the proof
//! archive, the test server) need to know of it, as JSON: `site facts` prints it. They take
//! these facts from here rather than typing them again.

use serde::Serialize;

use super::document::PublishedPolicy;
use super::hosts::{CACHE_HASHED, CACHE_OTHER, COMPRESSED, HASHED, HOST_FILES, SECURITY_HEADERS};
use super::logrotate::receipt_retention_days;
use super::nginx::{RECEIPT_BURST, RECEIPT_MAX_BYTES, RECEIPTS_PER_MINUTE, receipt_shape};
use crate::consent::{POLICY, RECEIPT_PATH};
use crate::content::embeds::EMBEDS;
use crate::routes::{COOKIES, NOT_FOUND, PRERENDERED, PUBLISHED_POLICY, RAISON_ETRE, REDIRECTS};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SiteFacts {
    pub page: &'static str,
    pub cookies: &'static str,
    pub not_found: &'static str,
    pub published_policy: &'static str,
    /// Each document's address and file.
    pub documents: Vec<(&'static str, &'static str)>,
    pub redirects: &'static [(&'static str, &'static str)],
    pub security_headers: &'static [(&'static str, &'static str)],
    pub hashed: &'static [&'static str],
    pub cache_hashed: &'static str,
    pub cache_other: &'static str,
    pub compressed: &'static [&'static str],
    pub host_files: &'static [&'static str],
    pub receipt_path: &'static str,
    /// The regular expression a receipt's body must match to be kept.
    pub receipt_shape: String,
    pub receipt_max_bytes: usize,
    pub receipts_per_minute: u32,
    pub receipt_burst: u32,
    /// How many days the server keeps a receipt (`deploy/logrotate.conf`).
    pub receipt_retention_days: u64,
    /// The policy in force, as published: storage key, record schema, lifetime, services.
    pub policy: PublishedPolicy,
    /// The page's embeds, in order: each one's service id and address.
    pub embeds: Vec<(&'static str, &'static str)>,
}

impl SiteFacts {
    pub fn now() -> Self {
        Self {
            page: RAISON_ETRE,
            cookies: COOKIES,
            not_found: NOT_FOUND,
            published_policy: PUBLISHED_POLICY,
            documents: PRERENDERED.iter().map(|d| (d.path, d.file)).collect(),
            redirects: REDIRECTS,
            security_headers: SECURITY_HEADERS,
            hashed: HASHED,
            cache_hashed: CACHE_HASHED,
            cache_other: CACHE_OTHER,
            compressed: COMPRESSED,
            host_files: HOST_FILES,
            receipt_path: RECEIPT_PATH,
            receipt_shape: receipt_shape(),
            receipt_max_bytes: RECEIPT_MAX_BYTES,
            receipts_per_minute: RECEIPTS_PER_MINUTE,
            receipt_burst: RECEIPT_BURST,
            receipt_retention_days: receipt_retention_days(),
            policy: PublishedPolicy::of(POLICY),
            embeds: EMBEDS.iter().map(|e| (e.service.id, e.src)).collect(),
        }
    }

    pub fn to_json(&self) -> String {
        // Strings, numbers and lists of them: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}
