// How a host must serve dist/, said once. From it come deploy/nginx.conf (nginx) and, at
// each release build, dist/_headers and dist/_redirects (Netlify, Cloudflare Pages); the
// end-to-end tests serve dist/ with nginx as it says, and check that the three agree.
//
//   node deploy/site.mjs    writes deploy/nginx.conf again after a change here
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The page; `/` and `/fr` lead to it (the app's router does the same in the browser). */
export const PAGE = '/fr/ecole/bref/raison-etre';

/** Permanent redirects, source → target. */
export const REDIRECTS = [
  ['/', PAGE],
  ['/fr', PAGE],
  ['/fr/', PAGE],
];

/** What a `<meta>` cannot say, on every response (redirects and 404s too). */
export const SECURITY_HEADERS = [
  ['Content-Security-Policy', "frame-ancestors 'none'"],
  ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
];

/** Trunk names these files after a hash of their content: a new build, a new name. */
export const HASHED = ['js', 'wasm', 'css'];
export const CACHE_HASHED = 'public, max-age=31536000, immutable';
/** Everything else, the HTML above all, is checked with the server before each use. */
export const CACHE_OTHER = 'no-cache';

/** Text files the build also writes as NAME.br and NAME.gz, served as they are. */
export const COMPRESSED = ['html', 'js', 'wasm', 'css', 'txt', 'json'];

/** The files a host reads and never serves. */
export const HOST_FILES = ['_headers', '_redirects'];

/**
 * Where the app sends each decision's receipt (`consent::RECEIPT_PATH`; the end-to-end tests
 * check the app posts there), and the only shape kept: the app's `consent::Receipt`, as
 * serde writes it (the tests read back the line a real choice wrote).
 */
export const RECEIPT_PATH = '/consent/receipt';
const ID = '"[a-z0-9-]{1,32}":(?:true|false)';
const RECEIPT_SHAPE = `^\\{"receiptId":"[0-9a-f]{32}","policy":"[0-9a-f]{12}","decidedAt":[0-9]{1,16},"choices":\\{(?:${ID},){0,31}${ID}\\}\\}$`;
/** A receipt is a few hundred bytes; a larger body gets 413. */
export const RECEIPT_MAX_BYTES = 1024;
/** Per client address: so many receipts a minute, and a burst of so many more (429 beyond). */
export const RECEIPT_RATE = { perMinute: 10, burst: 20 };

/**
 * deploy/nginx.conf: `map`s, a rate limit, a log format and two `server` blocks, for nginx's
 * `http` context. `receiptLog` is where receipts go, one JSON line each; `receiptSocket`
 * the Unix socket of the inner server that answers them.
 */
export function nginxConf({
  listen = ['80', '[::]:80'],
  root = '/var/www/raison-etre',
  receiptLog = '/var/log/nginx/consent-receipts.log',
  receiptSocket = '/run/nginx-consent-receipts.sock',
} = {}) {
  const hashed = HASHED.join('|');
  const lines = [
    '# Made from deploy/site.mjs by `node deploy/site.mjs`: change that file, not this one',
    '# (the end-to-end tests check the two agree, and serve dist/ with this block, only',
    '# `listen` and `root` changed).',
    '#',
    "# dist/ on Debian's nginx with libnginx-mod-http-brotli-static: put this file in",
    '# /etc/nginx/sites-available/, link it from sites-enabled/, and set `root` to the',
    '# directory dist/ was copied to. Browsers heed HSTS over HTTPS only: add your',
    '# `listen 443 ssl` and certificate lines, or serve it behind a TLS proxy.',
    '',
    `map $uri $raison_etre_cache_control {`,
    `    "~\\.(?:${hashed})$" "${CACHE_HASHED}";`,
    `    default "${CACHE_OTHER}";`,
    '}',
    '',
    '# Receipts of consent (README, "Proof of consent"): a body of the one shape the app sends',
    '# is kept, as it is, one line each; nothing else of the request (no address, no user',
    "# agent, no referrer). The body is read before it is judged: the inner server's answer",
    '# (204, else 400) is the answer.',
    `map $request_body $raison_etre_receipt_valid {`,
    `    "~${RECEIPT_SHAPE.replaceAll('"', '\\"')}" 1;`,
    '    default 0;',
    '}',
    'map "$status:$raison_etre_receipt_valid" $raison_etre_receipt_kept {',
    '    "204:1" 1;',
    '    default 0;',
    '}',
    "log_format raison_etre_receipt escape=none '$request_body';",
    `limit_req_zone $binary_remote_addr zone=raison_etre_receipts:1m rate=${RECEIPT_RATE.perMinute}r/m;`,
    '',
    'server {',
    `    listen unix:${receiptSocket};`,
    '    access_log off;',
    `    location = ${RECEIPT_PATH} {`,
    '        if ($http_x_receipt_valid != 1) { return 400; }',
    '        return 204;',
    '    }',
    '    location / { return 404; }',
    '}',
    '',
    'server {',
    ...listen.map((address) => `    listen ${address};`),
    `    root ${root};`,
    '',
    '    server_tokens off;',
    '    charset utf-8;',
    '    # Locations as paths, right behind a TLS proxy too.',
    '    absolute_redirect off;',
    '',
    "    # The build's .br and .gz files; nothing is compressed per request.",
    '    brotli_static on;',
    '    gzip_static on;',
    '    gzip_vary on;',
    '',
    '    # Here, as no location adds a header of its own; `always` for redirects and 404s too.',
    '    add_header Cache-Control $raison_etre_cache_control always;',
    ...SECURITY_HEADERS.map(([name, value]) => `    add_header ${name} "${value}" always;`),
    '',
    ...REDIRECTS.map(([from, to]) => `    location = ${from} { return 301 ${to}; }`),
    '',
    '    # /a/b from a/b.html, as static hosts do; any other path gets 404.html.',
    '    location / {',
    '        try_files $uri $uri.html =404;',
    '    }',
    `    location ~ ^/(?:${HOST_FILES.join('|')})$ {`,
    '        return 404;',
    '    }',
    '    # Whatever the mime.types in use says (older ones lack it).',
    '    location ~ \\.wasm$ {',
    '        types { }',
    '        default_type application/wasm;',
    '    }',
    `    location = ${RECEIPT_PATH} {`,
    '        limit_except POST { deny all; }',
    `        client_max_body_size ${RECEIPT_MAX_BYTES};`,
    `        client_body_buffer_size ${RECEIPT_MAX_BYTES};`,
    '        client_body_in_single_buffer on;',
    `        limit_req zone=raison_etre_receipts burst=${RECEIPT_RATE.burst} nodelay;`,
    '        limit_req_status 429;',
    '        proxy_set_header X-Receipt-Valid $raison_etre_receipt_valid;',
    `        proxy_pass http://unix:${receiptSocket}:${RECEIPT_PATH};`,
    `        access_log ${receiptLog} raison_etre_receipt if=$raison_etre_receipt_kept;`,
    '        # Its refusals would name the client address.',
    '        error_log /dev/null;',
    '    }',
    '    error_page 404 /404.html;',
    '}',
    '',
  ];
  return lines.join('\n');
}

/**
 * dist/_headers: the security headers on every path, and each file's cache rule on its own
 * paths (`a/b.html` is also `/a/b`). Hosts join the values of a header that two matching
 * rules set, so Cache-Control never comes from a pattern.
 */
export function headersFile(files) {
  const blocks = [['/*', SECURITY_HEADERS]];
  for (const file of files) {
    const cache = HASHED.includes(extension(file)) ? CACHE_HASHED : CACHE_OTHER;
    for (const path of pathsOf(file)) blocks.push([path, [['Cache-Control', cache]]]);
  }
  return [
    '# Made by the build from deploy/site.mjs, as deploy/nginx.conf is.',
    ...blocks.flatMap(([path, headers]) => [path, ...headers.map(([name, value]) => `  ${name}: ${value}`)]),
    '',
  ].join('\n');
}

/**
 * dist/_redirects. Netlify serves a file rather than follow a rule for its path unless the
 * status ends in `!`; Cloudflare Pages always follows the rule, and skips a line whose
 * status is not a number. So a path that has a file (`/` has index.html) gets both lines.
 */
export function redirectsFile(dist) {
  const lines = ['# Made by the build from deploy/site.mjs, as deploy/nginx.conf is.'];
  for (const [from, to] of REDIRECTS) {
    if (hasFile(dist, from)) lines.push(`${from} ${to} 301!`);
    lines.push(`${from} ${to} 301`);
  }
  return [...lines, ''].join('\n');
}

const extension = (file) => file.split('.').pop();

/** The paths a host serves a file at. */
function pathsOf(file) {
  return file.endsWith('.html') && !file.endsWith('index.html') ? [`/${file}`, `/${file.slice(0, -5)}`] : [`/${file}`];
}

/** Whether a host has a file for this path (`/a/b`: a/b.html or a/b/index.html). */
function hasFile(dist, path) {
  const base = join(dist, path);
  return existsSync(join(base, 'index.html')) || existsSync(`${base.replace(/\/$/, '')}.html`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('nginx.conf', import.meta.url), nginxConf());
}
