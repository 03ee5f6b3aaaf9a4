// The size and speed benchmark (`make bench`). In one run, on this machine:
// - builds the site twice: as deployed (pre-rendered, dist/) and as it was before
//   pre-rendering (PRERENDER=off), and derives a reference from it: the same HTML and CSS,
//   without any script, the fastest this page can be;
// - prints what a first visit downloads (raw, gzip, brotli), against the budget;
// - serves each pre-compressed on 127.0.0.1 with nginx, as deployed (deploy/nginx.conf),
//   and runs Lighthouse 12 three times in its mobile settings (and, for dist/, its desktop
//   settings), each run in a fresh Chromium, as a visitor's phone opens a page with nothing
//   warm, then compares medians and shows the longest tasks of the traces;
// - measures the layout shift of each consent state in Chromium;
// - compares, in the same run, with the page set up with CookieConsent 3.1 and iframemanager
//   1.3 (scripts/bench/cookieconsent-site.mjs): first-visit bytes, Lighthouse, and what a
//   first visitor can do and how soon (scripts/bench/consent-ready.mjs): consent-ready, when
//   they can refuse, and settings at first sight, when the dialog is up after they pressed
//   « Réglages » the moment it showed.
// Full reports go to bench-output/ (git-ignored); a summary to standard output.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.mjs';
import { FACTS, compress } from './site.mjs';
import { answering, startNginx } from './nginx.mjs';
import { firstVisitActions, median as medianOrNever } from './bench/consent-ready.mjs';
import { buildCookieConsentSite } from './bench/cookieconsent-site.mjs';
import { BROTLI_BUDGET, download, firstVisit, formatTable, sizesOf } from './sizes.mjs';

const OUT = 'bench-output';
/** The page, as the site writer publishes it (src/site/facts.rs). */
const PATH = FACTS.page;

const RUNS = 3;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
mkdirSync(OUT, { recursive: true });

// 1. The four sites.
const SITES = {
  before: { dir: join(OUT, 'site-before'), label: 'before: client-side only' },
  after: { dir: 'dist', label: 'after: pre-rendered' },
  reference: { dir: join(OUT, 'site-reference'), label: 'reference: static HTML + CSS' },
  cookieconsent: { dir: join(OUT, 'site-cookieconsent'), label: 'CookieConsent + iframemanager' },
};
rmSync(SITES.before.dir, { recursive: true, force: true });
const before = spawnSync('trunk', ['build', '--release', '--offline', '--dist', SITES.before.dir], {
  env: { ...process.env, PRERENDER: 'off' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (before.status !== 0) throw new Error('the "before" build failed');

rmSync(SITES.reference.dir, { recursive: true, force: true });
mkdirSync(SITES.reference.dir);
const staticPage = readFileSync('dist/index.html', 'utf8').replace(/<script\b[\s\S]*?<\/script>/g, '');
// Its styles are in the HTML, as the build inlines them: no other file to copy.
writeFileSync(join(SITES.reference.dir, 'index.html'), staticPage);
const cookieConsentFiles = buildCookieConsentSite(
  join(SITES.reference.dir, 'index.html'),
  SITES.cookieconsent.dir,
  PATH,
);
// Release builds (dist/, before) come with their .br and .gz; these two are made here.
compress(SITES.reference.dir);
compress(SITES.cookieconsent.dir);

// 2. The servers: nginx as deployed (scripts/nginx.mjs). A site that is one index.html gets
//    it at the page's address too, where nginx looks for the page.
const servers = [];
process.on('exit', () => servers.forEach((server) => server.kill()));
async function serve(dir, port) {
  const page = join(dir, `${PATH}.html`);
  if (!existsSync(page)) {
    mkdirSync(dirname(page), { recursive: true });
    copyFileSync(join(dir, 'index.html'), page);
    compress(dir);
  }
  servers.push(startNginx(dir, port, join(OUT, `nginx-${port}`)));
  return answering(`http://127.0.0.1:${port}`);
}
let port = 4180;
for (const site of Object.values(SITES)) site.origin = await serve(site.dir, port++);

// 3. Lighthouse.
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
};
async function runLighthouse(name, form) {
  const config = form === 'desktop' ? desktopConfig : undefined;
  const runs = [];
  for (let run = 1; run <= RUNS; run++) {
    const url = `${SITES[name].origin}${PATH}`;
    // A fresh browser each run: one kept from run to run has the wasm compiled and cached
    // (V8's code cache), and hydrates faster than any first visit does.
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
    });
    try {
      // A fresh browser's first trace sometimes misses its start (NO_NAVSTART): Lighthouse
      // asks to run again, and so does this, twice at most, saying so.
      let result;
      for (let attempt = 1; attempt <= 3; attempt++) {
        result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' }, config);
        if (!result.lhr.runtimeError) break;
        console.error(`lighthouse ${name} ${form} run ${run}: ${result.lhr.runtimeError.code}, attempt ${attempt}`);
      }
      if (result.lhr.runtimeError) throw new Error(`Lighthouse failed: ${result.lhr.runtimeError.message}`);
      writeFileSync(join(OUT, `lighthouse-${name}-${form}-${run}.json`), result.report);
      runs.push(result.lhr);
    } finally {
      await chrome.kill();
    }
  }
  return {
    longTasks: runs.map((lhr) =>
      (lhr.audits['long-tasks'].details?.items ?? []).map(({ url, startTime, duration }) => ({
        url: url.replace(/^https?:\/\/[^/]+/, ''),
        startTime,
        duration,
      })),
    ),
    scores: Object.fromEntries(
      CATEGORIES.map((c) => [c, median(runs.map((lhr) => Math.round((lhr.categories[c].score ?? 0) * 100)))]),
    ),
    metrics: Object.fromEntries(
      Object.entries(METRICS).map(([metric, id]) => [metric, median(runs.map((lhr) => lhr.audits[id].numericValue))]),
    ),
  };
}
const mobile = {};
for (const name of Object.keys(SITES)) mobile[name] = await runLighthouse(name, 'mobile');
const desktop = await runLighthouse('after', 'desktop');

// 4. Layout shift in each consent state of the deployed site, in real Chromium.
async function layoutShift(seedAcceptAll) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    // Third parties are answered here: the benchmark never leaves 127.0.0.1.
    await context.route(/^https:\/\//, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stub</title>' }),
    );
    const page = await context.newPage();
    // A stored choice, as the app writes it (the policy in force says how), answering the
    // version of the policy the build published.
    const { version } = JSON.parse(readFileSync(join('dist', FACTS.publishedPolicy), 'utf8'));
    const { storageKey, recordSchema, choiceLifetimeMs, services } = FACTS.policy;
    const choices = Object.fromEntries(services.map(({ id }) => [id, true]));
    const stored = { storageKey, recordSchema, choiceLifetimeMs, choices, version };
    await page.addInitScript(
      ([seed, { storageKey, recordSchema, choiceLifetimeMs, choices, version }]) => {
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            if (!entry.hadRecentInput) window.__cls = (window.__cls ?? 0) + entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        if (seed && window === window.top) {
          const now = Date.now();
          const record = {
            schema: recordSchema,
            policy: version,
            decidedAt: now,
            expiresAt: now + choiceLifetimeMs,
            choices,
            receiptId: '0'.repeat(32),
          };
          localStorage.setItem(storageKey, JSON.stringify(record));
        }
      },
      [seedAcceptAll, stored],
    );
    await page.goto(`${SITES.after.origin}${PATH}`);
    await page.waitForSelector('h1');
    await page.mouse.wheel(0, 5000);
    await page.waitForTimeout(1500);
    return await page.evaluate(() => window.__cls ?? 0);
  } finally {
    await browser.close();
  }
}
const shifts = { 'banner shown': await layoutShift(false), 'embeds loading': await layoutShift(true) };

// 5. Consent-ready and settings at first sight, ours and CookieConsent's, interleaved run by run.
const READY_RUNS = 5;
const actions = await firstVisitActions(
  { after: `${SITES.after.origin}${PATH}`, cookieconsent: `${SITES.cookieconsent.origin}${PATH}` },
  READY_RUNS,
);
writeFileSync(join(OUT, 'first-visit-actions.json'), JSON.stringify(actions, null, 2));

// 6. Summary, beside the budgets and goals.
const check = (ok) => (ok ? 'met' : 'MISSED');
const sizes = firstVisit('dist');
const html = (name) => sizesOf(join(SITES[name].dir, 'index.html'));
const row = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(30) : String(c).padStart(15))).join('');
const after = mobile.after.metrics;
const reference = mobile.reference.metrics;
const theirs = mobile.cookieconsent.metrics;
const theirBytes = download(SITES.cookieconsent.dir, cookieConsentFiles).total;
const readyOurs = median(actions.after.ready);
const readyTheirs = median(actions.cookieconsent.ready);
const settingsOurs = median(actions.after.settings);
const settingsTheirs = median(actions.cookieconsent.settings);
// How long after the press the dialog was up, or the video in the page, run by run.
const answer = (name) => median(actions[name].settings.map((up, run) => up - actions[name].pressed[run]));
const wait = (name, until, pressed) =>
  medianOrNever(actions[name][until].map((at, run) => (at === null ? null : at - actions[name][pressed][run])));
const videoWait = (name) => wait(name, 'video', 'acceptPressed');
const videoSavedWait = (name) => wait(name, 'videoSaved', 'savePressed');
const orNever = (ms, say = seconds) => (ms === null ? 'never' : say(ms));
const lines = [
  '',
  formatTable(sizes),
  '',
  `Lighthouse mobile, median of ${RUNS}, served brotli from 127.0.0.1:`,
  row(['', 'HTML raw', 'HTML brotli', 'FCP', 'LCP', 'TBT', 'performance']),
  ...Object.entries(SITES).map(([name, { label }]) =>
    row([
      label,
      `${html(name).raw} B`,
      `${html(name).brotli} B`,
      seconds(mobile[name].metrics.FCP),
      seconds(mobile[name].metrics.LCP),
      `${Math.round(mobile[name].metrics.TBT)} ms`,
      mobile[name].scores.performance,
    ]),
  ),
  '',
  `Lighthouse, dist/, median of ${RUNS}:`,
  ...[
    ['mobile', mobile.after],
    ['desktop', desktop],
  ].flatMap(([form, { scores, metrics }]) => [
    `  ${form}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')}`,
    `    FCP ${seconds(metrics.FCP)}, LCP ${seconds(metrics.LCP)}, TBT ${Math.round(metrics.TBT)} ms, CLS ${metrics.CLS.toFixed(3)}`,
  ]),
  '',
  `CLS in Chromium: ${Object.entries(shifts)
    .map(([s, v]) => `${s} ${v.toFixed(3)}`)
    .join(', ')}`,
  '',
  `Against CookieConsent 3.1 + iframemanager 1.3, same page, same run (Lighthouse mobile median of ${RUNS}; visitor actions median of ${READY_RUNS} after a warm-up, DevTools throttling):`,
  row(['', 'first visit br', 'LCP', 'TBT', 'consent-ready', 'settings up', 'after press']),
  row([
    'this page (dist/)',
    `${(sizes.total.brotli / 1024).toFixed(1)} KB`,
    seconds(after.LCP),
    `${Math.round(after.TBT)} ms`,
    seconds(readyOurs),
    seconds(settingsOurs),
    `${Math.round(answer('after'))} ms`,
  ]),
  row([
    SITES.cookieconsent.label,
    `${(theirBytes.brotli / 1024).toFixed(1)} KB`,
    seconds(theirs.LCP),
    `${Math.round(theirs.TBT)} ms`,
    seconds(readyTheirs),
    seconds(settingsTheirs),
    `${Math.round(answer('cookieconsent'))} ms`,
  ]),
  `  ours / CookieConsent's: consent-ready ${(readyOurs / readyTheirs).toFixed(2)}, settings up ${(settingsOurs / settingsTheirs).toFixed(2)}`,
  `  runs, this page: consent-ready ${actions.after.ready.map(seconds).join(', ')}; settings up ${actions.after.settings.map(seconds).join(', ')}`,
  `  runs, CookieConsent: consent-ready ${actions.cookieconsent.ready.map(seconds).join(', ')}; settings up ${actions.cookieconsent.settings.map(seconds).join(', ')}`,
  `  video at first sight (« Tout accepter » pressed the moment it shows; the YouTube frame in the page): this page ${orNever(
    medianOrNever(actions.after.video),
  )}, ${orNever(videoWait('after'), (ms) => `${Math.round(ms)} ms`)} after the press (runs ${actions.after.video.map((v) => orNever(v)).join(', ')}); CookieConsent ${orNever(
    medianOrNever(actions.cookieconsent.video),
  )} (its frames load once scrolled into view)`,
  `  video from the settings at first sight (« Réglages » pressed the moment it shows, YouTube switched on and « Enregistrer » pressed the moment the dialog is up): this page ${orNever(
    medianOrNever(actions.after.videoSaved),
  )}, ${orNever(videoSavedWait('after'), (ms) => `${Math.round(ms)} ms`)} after the press (runs ${actions.after.videoSaved.map((v) => orNever(v)).join(', ')}); CookieConsent ${orNever(
    medianOrNever(actions.cookieconsent.videoSaved),
  )}`,
  '',
  // The reference's too: the document's own first style and layout are long tasks without
  // any script, so a long task of dist/ at the same time is not the app's.
  'Longest tasks of the Lighthouse mobile traces (simulated 4x CPU), run by run:',
  ...['after', 'reference'].flatMap((name) =>
    mobile[name].longTasks.map(
      (tasks, run) =>
        `  ${name === 'after' ? 'dist/' : 'reference'}, run ${run + 1}: ${
          [...tasks]
            .sort((a, b) => b.duration - a.duration)
            .slice(0, 3)
            .map((t) => `${Math.round(t.duration)} ms at ${seconds(t.startTime)} (${t.url || 'unattributed'})`)
            .join('; ') || 'none over 50 ms'
        }`,
    ),
  ),
  '',
  'budgets and goals:',
  `  first visit ≤ ${BROTLI_BUDGET / 1024} KB brotli: ${check(sizes.total.brotli <= BROTLI_BUDGET)}`,
  `  mobile performance ≥ 98: ${check(mobile.after.scores.performance >= 98)}`,
  `  accessibility, best practices, SEO = 100, mobile and desktop: ${check(
    [mobile.after, desktop].every(({ scores }) => CATEGORIES.slice(1).every((c) => scores[c] === 100)),
  )}`,
  `  CLS 0.000 in every state: ${check(
    [mobile.after, desktop].every(({ metrics }) => metrics.CLS < 0.0005) &&
      Object.values(shifts).every((v) => v < 0.0005),
  )}`,
  `  LCP no later than FCP: ${check(after.LCP <= after.FCP)}`,
  `  mobile LCP ≤ 1.0 s: ${check(after.LCP <= 1000)}`,
  `  FCP within 10 % of the static reference (${seconds(reference.FCP)}): ${check(after.FCP <= reference.FCP * 1.1)}`,
  `  mobile LCP within 10 % of the static reference (${seconds(reference.LCP)}): ${check(after.LCP <= reference.LCP * 1.1)}`,
  // The browser's own first task blocks the static reference too: its TBT says what part
  // of ours no script of ours can take away on this machine.
  `  mobile TBT ≤ 50 ms (the static reference's: ${Math.round(reference.TBT)} ms): ${check(after.TBT <= 50)}`,
  `  consent-ready no later than CookieConsent's: ${check(readyOurs <= readyTheirs)}`,
  `  consent-ready ≤ 1.0 s: ${check(readyOurs <= 1000)}`,
  `  settings up no later than CookieConsent's: ${check(settingsOurs <= settingsTheirs)}`,
  `  settings up within 100 ms of the press: ${check(answer('after') <= 100)}`,
  `  video within 1.0 s of an early « Tout accepter »: ${check(videoWait('after') !== null && videoWait('after') <= 1000)}`,
  `  video within 1.0 s of settings saved early: ${check(videoSavedWait('after') !== null && videoSavedWait('after') <= 1000)}`,
  '',
  `full reports: ${OUT}/`,
];
const summary = lines.join('\n');
writeFileSync(join(OUT, 'summary.txt'), summary);
console.log(summary);
process.exit(0);
