import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test, expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { FACTS } from '../scripts/site.mjs';
import { firstVisit } from '../scripts/sizes.mjs';

/**
 * What only a real server shows, from nginx serving dist/ with deploy/nginx.conf: statuses,
 * redirects, the build's pre-compressed files, types, cache rules and the security headers
 * on every response; and that the files made for other hosts (_headers, _redirects) say
 * what nginx does. The rules are the site writer's (src/site/hosts.rs, src/routes.rs), as
 * `site facts` gives them; that deploy/nginx.conf is what it makes is a host test's.
 */
const {
  cacheHashed: CACHE_HASHED,
  cacheOther: CACHE_OTHER,
  compressed: COMPRESSED,
  hashed: HASHED,
  hostFiles: HOST_FILES,
  page: PAGE,
  cookies: COOKIES,
  redirects: REDIRECTS,
  securityHeaders: SECURITY_HEADERS,
} = FACTS;

/** The build's files, as paths under dist/: no compressed copies, host files or dotfiles. */
const built = (readdirSync('dist', { recursive: true }) as string[])
  .filter((name) => statSync(join('dist', name)).isFile())
  .filter((name) => !/\.(br|gz)$/.test(name) && !HOST_FILES.includes(name) && !name.startsWith('.'))
  .sort();
const extension = (name: string) => name.split('.').pop() ?? '';
/** The first visit's files (index.html, JS, wasm; the styles are in the HTML), by kind. */
const linked = Object.fromEntries(firstVisit('dist').files.map((f: { name: string }) => [extension(f.name), `/${f.name}`]));

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'application/javascript; charset=utf-8',
  wasm: 'application/wasm',
  css: 'text/css',
  txt: 'text/plain; charset=utf-8',
};

function expectSecurityHeaders(response: APIResponse) {
  for (const [name, value] of SECURITY_HEADERS) {
    expect(response.headers()[name.toLowerCase()], `${name} on ${response.url()}`).toBe(value);
  }
}

/** The server's own answer: redirects not followed. */
const get = (request: APIRequestContext, path: string, encoding?: string) =>
  request.get(path, { maxRedirects: 0, headers: encoding ? { 'accept-encoding': encoding } : {} });

test('docs/deployment.md lists the security headers the site writer sends', () => {
  const listed = readFileSync('docs/deployment.md', 'utf8').match(/cannot set, the host must send[^`]*```\n([^`]*)```/)?.[1];
  expect(listed).toBe(SECURITY_HEADERS.map(([name, value]) => `${name}: ${value}\n`).join(''));
});

test('the short addresses redirect to the page with a 301, security headers included', async ({ request }) => {
  for (const [from, to] of REDIRECTS) {
    const response = await get(request, from);
    expect(response.status(), from).toBe(301);
    expect(response.headers().location, from).toBe(to);
    expect(response.headers()['cache-control']).toBe(CACHE_OTHER);
    expectSecurityHeaders(response);
  }
  expect(REDIRECTS.map(([from]) => from)).toEqual(['/', '/fr', '/fr/']);
});

test('each page comes from its own file, any other path from 404.html with the status 404', async ({ request }) => {
  const cases = [
    { path: PAGE, status: 200, file: `${PAGE.slice(1)}.html` },
    { path: COOKIES, status: 200, file: `${COOKIES.slice(1)}.html` },
    { path: '/index.html', status: 200, file: 'index.html' },
    { path: '/404.html', status: 200, file: '404.html' },
    { path: '/fr/nulle-part', status: 404, file: '404.html' },
    { path: '/fr/ecole/', status: 404, file: '404.html' },
    { path: '/raison-etre-0000000000000000.js', status: 404, file: '404.html' },
    ...HOST_FILES.map((name) => ({ path: `/${name}`, status: 404, file: '404.html' })),
  ];
  for (const { path, status, file } of cases) {
    const response = await get(request, path);
    expect(response.status(), path).toBe(status);
    expect(response.headers()['content-type'], path).toBe(TYPES.html);
    expect(response.headers()['cache-control'], path).toBe(CACHE_OTHER);
    expect(await response.text(), path).toBe(readFileSync(join('dist', file), 'utf8'));
    expectSecurityHeaders(response);
  }
});

test('HTML, JS and wasm go out as the build compressed them: brotli, else gzip, else plain', async ({ request }) => {
  expect(Object.keys(linked).sort()).toEqual(['html', 'js', 'wasm']);
  // No stylesheet to fetch: each document carries its styles.
  for (const [, file] of FACTS.documents) {
    const html = readFileSync(join('dist', file), 'utf8');
    expect(html, `${file}: an inline <style>`).toMatch(/<style\b[^>]*>\s*\S[\s\S]*?<\/style>/);
    expect(html, `${file}: no stylesheet link`).not.toMatch(/<link\b[^>]*\brel=["']?stylesheet/i);
  }
  for (const path of [PAGE, linked.js, linked.wasm, '/robots.txt']) {
    const file = join('dist', path === PAGE ? `${PAGE}.html` : path);
    for (const [accepted, encoding, bytes] of [
      ['br', 'br', statSync(`${file}.br`).size],
      ['gzip, deflate', 'gzip', statSync(`${file}.gz`).size],
      ['identity', undefined, statSync(file).size],
    ] as const) {
      const response = await get(request, path, accepted);
      const headers = response.headers();
      expect(response.status(), path).toBe(200);
      expect(headers['content-encoding'], `${path}, accept-encoding: ${accepted}`).toBe(encoding);
      expect(Number(headers['content-length']), `${path}: the build's file, sent as it is`).toBe(bytes);
      expect(headers.vary, path).toBe('Accept-Encoding');
      expect(headers['content-type'], path).toBe(TYPES[extension(file)]);
      const cache = HASHED.includes(extension(file)) ? CACHE_HASHED : CACHE_OTHER;
      expect(headers['cache-control'], path).toBe(cache);
      expectSecurityHeaders(response);
    }
  }
});

test('the build wrote a .br and a .gz of every text file, holding the same bytes', () => {
  const text = built.filter((name) => COMPRESSED.includes(extension(name)));
  expect(text).toEqual(expect.arrayContaining(['index.html', '404.html', 'robots.txt']));
  for (const name of text) {
    const raw = readFileSync(join('dist', name));
    expect(brotliDecompressSync(readFileSync(join('dist', `${name}.br`))).equals(raw), `${name}.br`).toBe(true);
    expect(gunzipSync(readFileSync(join('dist', `${name}.gz`))).equals(raw), `${name}.gz`).toBe(true);
  }
});

test('dist/_headers and dist/_redirects, for Netlify and Cloudflare Pages, say what nginx does', async ({ request }) => {
  // _headers: blocks of a path, then its headers indented; `/*` is every path.
  const rules: { path: string; headers: [string, string][] }[] = [];
  for (const line of readFileSync('dist/_headers', 'utf8').split('\n')) {
    if (line.startsWith('/')) rules.push({ path: line, headers: [] });
    else if (line.startsWith('  ')) {
      const [name, ...value] = line.trim().split(': ');
      rules.at(-1)?.headers.push([name, value.join(': ')]);
    }
  }
  const paths = [...new Set([...rules.map((r) => r.path).filter((p) => p !== '/*'), '/fr/nulle-part'])];
  expect(paths).toEqual(expect.arrayContaining(built.map((name) => `/${name}`)));
  for (const path of paths) {
    const response = await get(request, path);
    expect(response.status(), path).toBe(path === '/fr/nulle-part' ? 404 : 200);
    const expected = rules.filter((r) => r.path === '/*' || r.path === path).flatMap((r) => r.headers);
    expect(expected.filter(([name]) => name === 'Cache-Control').length, path).toBeLessThanOrEqual(1);
    for (const [name, value] of expected) expect(response.headers()[name.toLowerCase()], `${path}: ${name}`).toBe(value);
  }

  const redirects = readFileSync('dist/_redirects', 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('/'))
    .map((line) => line.split(/\s+/));
  expect(new Set(redirects.map(([from, to]) => `${from} ${to}`))).toEqual(new Set(REDIRECTS.map(([from, to]) => `${from} ${to}`)));
  for (const [from, to, status] of redirects) {
    const response = await get(request, from);
    expect(`${response.status()} ${response.headers().location}`, from).toBe(`${status.replace('!', '')} ${to}`);
  }
});
