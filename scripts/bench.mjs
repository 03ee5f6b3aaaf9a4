// The size and speed benchmark (`make bench`): first-visit bytes of the release build, then
// Lighthouse 12 in its mobile and desktop settings, three runs each, on the build served
// pre-compressed from 127.0.0.1, and the layout shift of each consent state measured in
// Chromium. Full reports go to bench-output/ (git-ignored); a summary to standard output.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.mjs';
import { BROTLI_BUDGET, firstVisit, formatTable } from './sizes.mjs';

const DIST = process.argv[2] ?? 'dist';
const OUT = 'bench-output';
const PORT = 4180;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PAGE = `${ORIGIN}/fr/ecole/bref/raison-etre`;
const RUNS = 3;

mkdirSync(OUT, { recursive: true });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// 1. Sizes, and the pre-compressed files a good host would serve.
const sizes = firstVisit(DIST);
for (const name of readdirSync(DIST).filter((n) => /\.(html|js|wasm|css|svg|txt)$/.test(n))) {
  const bytes = readFileSync(join(DIST, name));
  writeFileSync(join(DIST, `${name}.gz`), gzipSync(bytes, { level: 9 }));
  writeFileSync(
    join(DIST, `${name}.br`),
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
}

// 2. The build, served compressed on loopback.
const server = spawn(
  'node_modules/.bin/sirv',
  [DIST, '--single', '--brotli', '--gzip', '--host', '127.0.0.1', '--port', String(PORT), '--quiet'],
  { stdio: 'ignore' },
);
const stopServer = () => server.kill();
process.on('exit', stopServer);
for (let i = 0; i < 50; i++) {
  try {
    if ((await fetch(ORIGIN)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 100));
  }
}

// 3. Lighthouse, mobile then desktop.
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
};
const lighthouseResults = {};
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS] });
try {
  for (const [form, config] of [['mobile', undefined], ['desktop', desktopConfig]]) {
    const runs = [];
    for (let run = 1; run <= RUNS; run++) {
      const result = await lighthouse(PAGE, { port: chrome.port, output: 'json', logLevel: 'error' }, config);
      writeFileSync(join(OUT, `lighthouse-${form}-${run}.json`), result.report);
      runs.push(result.lhr);
    }
    lighthouseResults[form] = {
      scores: Object.fromEntries(
        CATEGORIES.map((c) => [c, median(runs.map((lhr) => Math.round((lhr.categories[c].score ?? 0) * 100)))]),
      ),
      metrics: Object.fromEntries(
        Object.entries(METRICS).map(([name, id]) => [name, median(runs.map((lhr) => lhr.audits[id].numericValue))]),
      ),
    };
  }
} finally {
  await chrome.kill();
}

// 4. Layout shift in each consent state, as Lighthouse counts it, in real Chromium.
async function layoutShift(seedAcceptAll) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    // Third parties are answered here: the benchmark never leaves 127.0.0.1.
    await context.route(/^https:\/\//, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stub</title>' }),
    );
    const page = await context.newPage();
    await page.addInitScript((seed) => {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls = (window.__cls ?? 0) + entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      if (seed && window === window.top) {
        const now = Date.now();
        const choices = { youtube: true, x: true, instagram: true, facebook: true, linkedin: true };
        const record = { schema: 1, revision: 1, decidedAt: now, expiresAt: now + 183 * 864e5, choices };
        localStorage.setItem('telecom-paris:consent', JSON.stringify(record));
      }
    }, seedAcceptAll);
    await page.goto(PAGE);
    await page.waitForSelector('h1');
    await page.mouse.wheel(0, 5000);
    await page.waitForTimeout(1500);
    return await page.evaluate(() => window.__cls ?? 0);
  } finally {
    await browser.close();
  }
}
const shifts = { 'banner shown': await layoutShift(false), 'embeds loading': await layoutShift(true) };
stopServer();

// 5. Summary, beside the budgets.
const check = (ok) => (ok ? 'met' : 'MISSED');
const lines = ['', formatTable(sizes), ''];
for (const [form, { scores, metrics }] of Object.entries(lighthouseResults)) {
  lines.push(
    `Lighthouse ${form} (median of ${RUNS}): ` +
      CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', '),
    `  FCP ${(metrics.FCP / 1000).toFixed(2)} s, LCP ${(metrics.LCP / 1000).toFixed(2)} s, ` +
      `TBT ${Math.round(metrics.TBT)} ms, CLS ${metrics.CLS.toFixed(3)}`,
  );
}
const mobile = lighthouseResults.mobile;
lines.push(
  '',
  `CLS in Chromium: ${Object.entries(shifts).map(([s, v]) => `${s} ${v.toFixed(3)}`).join(', ')}`,
  '',
  'budgets:',
  `  first visit ≤ ${BROTLI_BUDGET / 1024} KB brotli: ${check(sizes.total.brotli <= BROTLI_BUDGET)}`,
  `  Lighthouse mobile performance ≥ 98: ${check(mobile.scores.performance >= 98)}`,
  `  accessibility, best practices, SEO = 100 (mobile and desktop): ${check(
    Object.values(lighthouseResults).every(({ scores }) => CATEGORIES.slice(1).every((c) => scores[c] === 100)),
  )}`,
  `  CLS 0.000 in every state: ${check(
    Object.values(lighthouseResults).every(({ metrics }) => metrics.CLS < 0.0005) &&
      Object.values(shifts).every((v) => v < 0.0005),
  )}`,
  '',
  `full reports: ${OUT}/`,
);
const summary = lines.join('\n');
writeFileSync(join(OUT, 'summary.txt'), summary);
console.log(summary);
