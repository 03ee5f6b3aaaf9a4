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

/** nginx's configuration for these settings, as deploy/nginx.conf is made (src/site/nginx.rs):
 * plain HTTP on `listen` unless `tls` ({ listen, certificate, key }) is given, in which case
 * HTTP only redirects; `trustedProxies` name the visitor by their `X-Forwarded-For`. */
export function nginxConf({ listen, root, receiptLog, receiptSocket, tls = null, trustedProxies = [] }) {
  const args = ['nginx', '--root', root, '--receipt-log', receiptLog, '--receipt-socket', receiptSocket];
  for (const address of listen) args.push('--listen', address);
  if (tls) {
    for (const address of tls.listen) args.push('--https-listen', address);
    args.push('--certificate', tls.certificate, '--certificate-key', tls.key);
  } else {
    args.push('--no-tls');
  }
  for (const proxy of trustedProxies) args.push('--trusted-proxy', proxy);
  return site(...args);
}

/** Writes the .br and .gz copies of the text files under `dir`, as release builds have. */
export function compress(dir) {
  site('compress', dir);
}
