// Trunk post_build hook, on the staged dist/ before Trunk publishes it.
//
// 1. Allows the inline scripts Trunk wrote into index.html (the start-up script, and the
//    reload script of `trunk serve`) by their hashes in the Content-Security-Policy, so
//    that no 'unsafe-inline' is needed. Runs on the final, minified HTML, so the hashes
//    are those of the bytes the browser gets.
// 2. Writes 404.html, the fallback of static hosts.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR ?? 'dist';

const PLACEHOLDER = "'inline-script-hashes'";
const file = join(staging, 'index.html');
// `trunk serve` fills these placeholders of its reload script per request, which would
// change the bytes after hashing. Fill them now as Trunk would for this site: the page's
// own host, and the WebSocket base "/" (public_url). Release builds have no reload script.
const html = readFileSync(file, 'utf8')
  .replace(/(['`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
  .replaceAll('{{__TRUNK_WS_BASE__}}', '/');

const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0 || !html.includes(PLACEHOLDER)) {
  console.error(`post-build: expected inline scripts and ${PLACEHOLDER} in ${file}`);
  process.exit(1);
}
const hashes = inline.map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
const page = html.replace(PLACEHOLDER, [...new Set(hashes)].join(' '));
writeFileSync(file, page);
console.log(`post-build: allowed ${hashes.length} inline script(s) by hash`);

// 2. Static hosts that know only the 404.html convention serve the app for unknown paths;
// the router then shows its own 404 view.
writeFileSync(join(staging, '404.html'), page);
