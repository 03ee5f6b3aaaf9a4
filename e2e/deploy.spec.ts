// Deploying as docs/deployment.md says, against real nginx: HTTPS with a certificate made here
// (HTTP only redirects; HSTS over HTTPS only), the visitor's address behind a trusted
// proxy, the receipts' retention as logrotate reads it, and the deploy command's order.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { request as http } from '@playwright/test';
import { answering, startNginx } from '../scripts/nginx.mjs';
import { site } from '../scripts/site.mjs';
import { test, expect, FACTS, PATH } from './fixtures';

test.describe.configure({ mode: 'serial' });

const servers: ChildProcess[] = [];
test.afterAll(() => servers.forEach((server) => server.kill()));

/** A fresh folder under test-output/. */
function fresh(name: string) {
  const dir = resolve('test-output', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

test('HTTPS serves the page, HTTP answers only with a permanent redirect, HSTS only over HTTPS', async ({ browser }) => {
  const dir = fresh('deploy-tls');
  const [certificate, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
  const openssl = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', certificate]);
  expect(openssl.status, String(openssl.stderr)).toBe(0);
  servers.push(startNginx('dist', 4194, join(dir, 'nginx'), { tls: { port: 4195, certificate, key } }));
  await answering('http://127.0.0.1:4194');
  const client = await http.newContext({ ignoreHTTPSErrors: true });

  for (const path of [PATH, '/fr/cookies', '/', '/fr/nulle-part']) {
    const redirect = await client.get(`http://127.0.0.1:4194${path}`, { maxRedirects: 0 });
    expect(redirect.status(), path).toBe(301);
    expect(redirect.headers().location, path).toBe(`https://127.0.0.1${path}`);
    expect(redirect.headers()['strict-transport-security'], path).toBeUndefined();
  }
  const page = await client.get(`https://127.0.0.1:4195${PATH}`);
  expect(page.status()).toBe(200);
  const hsts = FACTS.securityHeaders.find(([name]: [string, string]) => name === 'Strict-Transport-Security')[1];
  expect(page.headers()['strict-transport-security']).toBe(hsts);

  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const visit = await context.newPage();
  await visit.goto(`https://127.0.0.1:4195${PATH}`);
  await expect(visit.locator('h1')).toHaveText('Notre raison d’être');
  await expect(visit.getByRole('button', { name: 'Gestion des cookies' })).toBeEnabled();
  await context.close();
});

/** How many of `count` receipts sent at once, as from `forwardedFor`, are refused with 429. */
async function limited(origin: string, forwardedFor: string, count: number) {
  const client = await http.newContext({ extraHTTPHeaders: { 'x-forwarded-for': forwardedFor } });
  const answers = await Promise.all(
    Array.from({ length: count }, () => client.post(`${origin}${FACTS.receiptPath}`, { data: '{}' }).then((r) => r.status())),
  );
  await client.dispose();
  return answers.filter((status) => status === 429).length;
}

test('behind a trusted proxy each visitor has their own receipt limit; an untrusted X-Forwarded-For changes nothing', async () => {
  const allowed = 1 + FACTS.receiptBurst;
  const flood = allowed + 5;
  servers.push(startNginx('dist', 4192, join(fresh('deploy-proxy'), 'nginx'), { trustedProxies: ['127.0.0.1'] }));
  const trusted = await answering('http://127.0.0.1:4192');
  expect(await limited(trusted, '203.0.113.1', flood), 'the first visitor, limited').toBe(flood - allowed);
  expect(await limited(trusted, '203.0.113.2', allowed), 'the second visitor, behind the same proxy').toBe(0);

  servers.push(startNginx('dist', 4193, join(fresh('deploy-no-proxy'), 'nginx')));
  const untrusted = await answering('http://127.0.0.1:4193');
  expect(await limited(untrusted, '203.0.113.1', flood)).toBe(flood - allowed);
  expect(await limited(untrusted, '203.0.113.2', 5), 'a forged address is still the client').toBe(5);
});

test("logrotate keeps the receipts the choice's lifetime and a year", () => {
  const state = join(fresh('deploy-logrotate'), 'state');
  const run = spawnSync('logrotate', ['--debug', '--state', state, 'deploy/logrotate.conf'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const said = `${run.stdout}${run.stderr}`;
  expect(said).toContain('rotating pattern: /var/log/raison-etre/consent-receipts.log');
  // One file a day, as many kept as the retention has days (`maxage` says the same in days:
  // tests/site.rs reads it in the file, logrotate's debug account does not print it).
  expect(said.match(/after 1 days \((\d+) rotations\)/)?.[1]).toBe(String(FACTS.receiptRetentionDays));
});

test('the deploy command copies the hashed files first, then the documents, then the host files', () => {
  const root = fresh('deploy-root');
  const conf = join(root, '..', 'deploy-root.nginx.conf');
  const copied = site('deploy', 'dist', root, conf, '--no-tls').trim().split('\n');
  const rank = (file: string) => {
    const name = file.replace(/\.(br|gz)$/, '');
    if (FACTS.hashed.includes(name.split('.').pop())) return 0;
    if (FACTS.hostFiles.includes(name)) return 2;
    return file === conf ? 3 : 1;
  };
  const ranks = copied.map(rank);
  expect(ranks, copied.join('\n')).toEqual([...ranks].sort());
  expect(new Set(ranks)).toEqual(new Set([0, 1, 2, 3]));
  const files = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile() && !f.startsWith('.')).sort();
  expect(files(root)).toEqual(files('dist'));
});
