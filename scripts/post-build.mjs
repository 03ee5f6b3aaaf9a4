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
//    those of the bytes the browser gets. The reload script is Trunk 0.22's: if a Trunk
//    brings one this hook does not know, the build fails rather than the CSP blocking it.
// 4. Release builds, the ones deployed, also get the host files of deploy/site.mjs
//    (_headers, _redirects) and a .br and .gz of each text file (scripts/sizes.mjs). Not
//    `trunk serve`'s builds: compressing a debug wasm takes longer than building it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { headersFile, redirectsFile } from '../deploy/site.mjs';
import { precompress } from './sizes.mjs';

const staging = process.env.TRUNK_STAGING_DIR ?? 'dist';
const PLACEHOLDER = "'inline-script-hashes'";
const fail = (message) => {
  console.error(`post-build: ${message}`);
  process.exit(1);
};

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
  if (run.status !== 0) fail('pre-rendering failed');
  pages = run.stdout.split('\n').filter((line) => line.length > 0);
}

for (const name of pages) {
  const file = join(staging, name);
  // `trunk serve` fills these placeholders of its reload script per request, which would
  // change the bytes after hashing. Fill them now as Trunk would for this site: the page's
  // own host, and the WebSocket base "/" (public_url). Release builds have no reload script.
  const built = readFileSync(file, 'utf8');
  if (built.includes('.well-known/trunk/ws') && !/\{\{__TRUNK_ADDRESS__\}\}[\s\S]*\{\{__TRUNK_WS_BASE__\}\}/.test(built)) {
    fail(`${file}: Trunk's reload script has changed; see what scripts/post-build.mjs fills in`);
  }
  const html = built
    .replace(/(['`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
    .replaceAll('{{__TRUNK_WS_BASE__}}', '/')
    .replace(/__SRI__\/([\w.-]+)/g, (_, asset) => {
      const digest = createHash('sha384').update(readFileSync(join(staging, asset))).digest('base64');
      return `sha384-${digest}`;
    });
  const unknown = html.match(/\{\{__TRUNK_\w+__\}\}/);
  if (unknown) fail(`${file}: Trunk fills ${unknown[0]} per request, after this hook; see scripts/post-build.mjs`);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  if (inline.length === 0 || !html.includes(PLACEHOLDER)) fail(`expected inline scripts and ${PLACEHOLDER} in ${file}`);
  const hashes = inline.map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
  writeFileSync(file, html.replace(PLACEHOLDER, [...new Set(hashes)].join(' ')));
  console.log(`post-build: ${name}: allowed ${hashes.length} inline script(s) by hash`);
}

if (process.env.TRUNK_PROFILE === 'release') {
  const files = readdirSync(staging, { recursive: true })
    .filter((name) => statSync(join(staging, name)).isFile())
    .sort();
  writeFileSync(join(staging, '_headers'), headersFile(files));
  writeFileSync(join(staging, '_redirects'), redirectsFile(staging));
  const compressed = precompress(staging);
  console.log(`post-build: _headers, _redirects, and a .br and .gz of ${compressed.length} file(s)`);
}
