// The site writer (src/bin/site.rs), for the tools in JavaScript: the end-to-end tests, the
// benchmark, the proof archive and the test server take the site's facts and its nginx
// configuration from it, never from a copy. It runs as Trunk's hook does (same lock file,
// same features), so after a build it starts at once.
import { execFileSync } from 'node:child_process';

/** What `site ARGS…` prints. */
export function site(...args) {
  return execFileSync(
    'cargo',
    ['run', '--locked', '--offline', '--quiet', '--features', 'ssr', '--bin', 'site', '--', ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
}

/** `site facts`: routes, redirects, headers, cache rules, the receipt route and the policy
 * in force (src/site/facts.rs). */
export const FACTS = JSON.parse(site('facts'));

/** nginx's configuration for these settings, as deploy/nginx.conf is made (src/site/nginx.rs). */
export function nginxConf({ listen, root, receiptLog, receiptSocket }) {
  return site(
    'nginx',
    ...listen.flatMap((address) => ['--listen', address]),
    '--root',
    root,
    '--receipt-log',
    receiptLog,
    '--receipt-socket',
    receiptSocket,
  );
}

/** Writes the .br and .gz copies of the text files under `dir`, as release builds have. */
export function compress(dir) {
  site('compress', dir);
}
