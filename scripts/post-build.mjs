// Trunk post_build hook, on the staged site before Trunk publishes it.
//
// 0. Release builds: the wasm's names shortened, the glue made to match
//    (scripts/short-names.mjs), before anything takes their integrity.
// 1. Writes every document of the site (src/bin/prerender.rs, which src/document.rs
//    describes: the pre-rendered page, the start-up script, CSP hashes and integrity).
// 2. Release builds, the ones deployed, also get the host files of deploy/site.mjs
//    (_headers, _redirects) and a .br and .gz of each text file (scripts/sizes.mjs). Not
//    `trunk serve`'s builds: compressing a debug wasm takes longer than building it.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headersFile, redirectsFile } from '../deploy/site.mjs';
import { shortenNames } from './short-names.mjs';
import { precompress } from './sizes.mjs';

const staging = process.env.TRUNK_STAGING_DIR ?? 'dist';
const release = process.env.TRUNK_PROFILE === 'release';

/** src/bin/prerender.rs with `args`, by the same lock file and offline rule as Trunk's own
 * build: what it prints, or the exit when it fails. */
function prerender(args, what) {
  const run = spawnSync(
    'cargo',
    ['run', '--locked', '--offline', '--quiet', '--features', 'ssr', '--bin', 'prerender', '--', ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) {
    console.error(`post-build: ${what} failed`);
    process.exit(1);
  }
  return run.stdout;
}

if (release) {
  const app = JSON.parse(prerender(['--app-files', staging], "finding the app's files"));
  const renamed = shortenNames(join(staging, app.wasm), join(staging, app.js));
  console.log(`post-build: ${renamed} names of the wasm shortened, in it and its glue`);
}

prerender([staging], 'writing the documents');

if (release) {
  const files = readdirSync(staging, { recursive: true })
    .filter((name) => statSync(join(staging, name)).isFile())
    .sort();
  writeFileSync(join(staging, '_headers'), headersFile(files));
  writeFileSync(join(staging, '_redirects'), redirectsFile(staging));
  const compressed = precompress(staging);
  console.log(`post-build: _headers, _redirects, and a .br and .gz of ${compressed.length} file(s)`);
}
