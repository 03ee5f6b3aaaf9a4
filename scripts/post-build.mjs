// Trunk post_build hook, on the staged site before Trunk publishes it.
//
// 1. Pre-renders every document of `routes::PRERENDERED` (index.html, one file per page,
//    404.html for static hosts) with the app's own components and router run on the host
//    (src/bin/prerender.rs), which prints the files it wrote. PRERENDER=off skips it, for
//    the benchmark's "before" build: index.html is then copied to 404.html.
// 2. Fills the `__SRI__/file` marks of the start-up script (Trunk.toml) with each file's
//    SHA-384, for subresource integrity.
// 3. Allows the inline scripts Trunk wrote (the start-up script, and the reload script of
//    `trunk serve`) by their hashes in the Content-Security-Policy, so that no
//    'unsafe-inline' is needed. It runs on the final, minified HTML, so the hashes are
//    those of the bytes the browser gets.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

const staging = process.env.TRUNK_STAGING_DIR ?? 'dist';
const PLACEHOLDER = "'inline-script-hashes'";

let pages;
if (process.env.PRERENDER === 'off') {
  copyFileSync(join(staging, 'index.html'), join(staging, '404.html'));
  pages = ['index.html', '404.html'];
} else {
  // The same lock file and offline rule as Trunk's own build.
  const run = spawnSync(
    'cargo',
    ['run', '--locked', '--offline', '--quiet', '--features', 'ssr', '--bin', 'prerender', '--', staging],
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
  );
  if (run.status !== 0) {
    console.error('post-build: pre-rendering failed');
    process.exit(1);
  }
  pages = run.stdout.split('\n').filter((line) => line.length > 0);
}

for (const name of pages) {
  const file = join(staging, name);
  // `trunk serve` fills these placeholders of its reload script per request, which would
  // change the bytes after hashing. Fill them now as Trunk would for this site: the page's
  // own host, and the WebSocket base "/" (public_url). Release builds have no reload script.
  const html = readFileSync(file, 'utf8')
    .replace(/(['`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
    .replaceAll('{{__TRUNK_WS_BASE__}}', '/')
    .replace(/__SRI__\/([\w.-]+)/g, (_, asset) => {
      const digest = createHash('sha384').update(readFileSync(join(staging, asset))).digest('base64');
      return `sha384-${digest}`;
    });
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  if (inline.length === 0 || !html.includes(PLACEHOLDER)) {
    console.error(`post-build: expected inline scripts and ${PLACEHOLDER} in ${file}`);
    process.exit(1);
  }
  const hashes = inline.map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
  writeFileSync(file, html.replace(PLACEHOLDER, [...new Set(hashes)].join(' ')));
  console.log(`post-build: ${name}: allowed ${hashes.length} inline script(s) by hash`);
}
