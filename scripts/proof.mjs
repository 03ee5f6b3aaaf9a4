// `make proof`: what a visitor was shown, kept for each version of the consent policy, as the
// CNIL's recommendation of 17 September 2020 suggests (a dated capture of each version).
//
//   node scripts/proof.mjs OUT_DIR
//
// From the release build in dist/, served by nginx as deployed, in Chromium: the banner, the
// whole settings dialog (every service and its buttons, in a window tall enough to show it
// all, with the text it showed) and the cookie page, at 375 and 1280 px wide; the policy the
// build published (its version, facts and canonical text); and a manifest (version, the day
// it came into force, the commit, when this was made, the SHA-256 and size of each file).
// All go into one archive, OUT_DIR/policy-VERSION.tar.gz, ready to be timestamped or put in
// escrow; nothing else is left in OUT_DIR. Third-party requests are answered locally.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.mjs';
import { answering, startNginx } from './nginx.mjs';
import { FACTS } from './site.mjs';

/** The page, the cookie page and the policy the build published (src/site/facts.rs). */
const { page: PAGE, cookies: COOKIES } = FACTS;
const PUBLISHED = join('dist', FACTS.publishedPolicy);
const PORT = 4175;
const WIDTHS = [375, 1280];

const out = process.argv[2] ?? 'proof-output';
const policy = JSON.parse(readFileSync(PUBLISHED, 'utf8'));
const name = `policy-${policy.version}`;
const folder = join(out, name);
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });

// nginx's own files live in a folder of their own, removed with it.
const nginxState = mkdtempSync(join(tmpdir(), 'proof-nginx-'));
const nginx = startNginx('dist', PORT, nginxState);
process.on('exit', () => {
  nginx.kill();
  rmSync(nginxState, { recursive: true, force: true });
});
const origin = await answering(`http://127.0.0.1:${PORT}`);

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    await context.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1'
        ? route.continue()
        : route.fulfill({ status: 204 }),
    );
    const page = await context.newPage();
    await page.goto(`${origin}${PAGE}`);
    // The app runs: what a visitor sees once everything has arrived.
    await page.getByRole('button', { name: 'Gestion des cookies' }).waitFor({ state: 'visible' });
    await page.waitForFunction(() => !document.querySelector('footer button')?.disabled);
    await page.locator('.consent-banner').waitFor({ state: 'visible' });
    await page.screenshot({ path: join(folder, `banner-${width}.png`) });
    await page.locator('.consent-banner').getByRole('button', { name: 'Réglages' }).click();
    const dialog = page.locator('dialog.consent-dialog');
    await dialog.waitFor({ state: 'visible' });
    // A window tall enough for the whole dialog: every service and the buttons in one view.
    const needed = await dialog.evaluate((d) => d.scrollHeight + 2 * parseFloat(getComputedStyle(document.documentElement).fontSize) + 32);
    await page.setViewportSize({ width, height: Math.max(800, Math.ceil(needed)) });
    await page.waitForFunction(() => {
      const d = document.querySelector('dialog.consent-dialog');
      return d !== null && d.scrollHeight <= d.clientHeight;
    });
    await page.screenshot({ path: join(folder, `settings-${width}.png`) });
    writeFileSync(join(folder, `settings-${width}.txt`), `${await dialog.innerText()}\n`);
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${origin}${COOKIES}`);
    await page.waitForFunction(() => !document.querySelector('footer button')?.disabled);
    await page.screenshot({ path: join(folder, `cookie-page-${width}.png`), fullPage: true });
    await context.close();
  }
} finally {
  await browser.close();
}
copyFileSync(PUBLISHED, join(folder, 'policy.json'));

const git = (...args) => spawnSync('git', args, { encoding: 'utf8' }).stdout.trim();
const changed = git('status', '--porcelain', '--untracked-files=no').length > 0;
const files = readdirSync(folder)
  .sort()
  .map((file) => {
    const bytes = readFileSync(join(folder, file));
    return { file, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
const manifest = {
  version: policy.version,
  inForceFrom: policy.inForceFrom,
  commit: git('rev-parse', 'HEAD') + (changed ? ' (with uncommitted changes)' : ''),
  madeAt: new Date().toISOString(),
  files,
};
writeFileSync(join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const archive = join(out, `${name}.tar.gz`);
const tar = spawnSync('tar', ['--sort=name', '-czf', archive, '-C', out, name], { stdio: 'inherit' });
if (tar.status !== 0) throw new Error('tar failed');
rmSync(folder, { recursive: true });
console.log(`proof: ${archive}: ${files.map((f) => f.file).join(', ')}, manifest.json`);
process.exit(0);
