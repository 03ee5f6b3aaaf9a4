// What a first visitor can do, and how soon, on a consent-gated page. Two measures, each the
// time from navigation start:
// - consent-ready: until a « Tout refuser » button is in the viewport, visible (its opacity,
//   and its ancestors', above 0.5) and enabled;
// - settings at first sight: the visitor presses « Réglages » the moment it is so usable;
//   until a dialog (a `<dialog>`, or an element of role `dialog`) is visible in the viewport
//   with its switches (checkboxes) in it;
// - video at first sight, in another visit: the visitor presses « Tout accepter » the moment
//   it is so usable; until the YouTube frame is in the page (`null`: none within 10 s, as
//   with embeds that load only once scrolled into view);
// - video from the settings at first sight, in a third visit: the visitor presses
//   « Réglages » the moment it is usable, switches YouTube on and presses « Enregistrer » the
//   moment the dialog is up; from that press until the YouTube frame is in the page (`null`
//   as above, or where the dialog has no such switch and button).
// Measured in Chromium with DevTools throttling (150 ms latency, 1.6 Mbps down, 750 kbps up,
// CPU 4x) at 412x823, a fresh context for each visit; every request that leaves 127.0.0.1 is
// answered locally. Pages are visited in turn, run by run; one warm-up run is discarded; the
// median of the others is the result.
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../chromium.mjs';

/** The median; `null` (never happened) counts as the longest. */
export function median(values) {
  const sorted = [...values].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  return sorted[Math.floor(sorted.length / 2)];
}

export const THROTTLING = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  cpuSlowdown: 4,
  viewport: { width: 412, height: 823 },
};

/**
 * Runs in the page, from its first script on, and looks at every frame for what a visitor
 * would see and press the moment they can; `way` says what they do:
 * - `settings`: notes a usable « Tout refuser » (`window.consentReadyAt`), presses
 *   « Réglages » (`window.settingsPressedAt`), notes the dialog up with its switches
 *   (`window.settingsUpAt`);
 * - `accept`: presses « Tout accepter »;
 * - `save`: presses « Réglages », then, the dialog up, switches YouTube on and presses
 *   « Enregistrer ».
 * For the last two, the last press is `window.videoAskedAt`, the YouTube frame in the page
 * `window.videoAt`.
 */
function watch(way) {
  // Visible: in the viewport (or, with `scrolled`, anywhere the visitor can scroll the
  // dialog to), its opacity and its ancestors' above 0.5.
  const shown = (element, scrolled = false) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    if (!scrolled && (box.bottom <= 0 || box.top >= innerHeight)) return false;
    let opacity = 1;
    for (let e = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.visibility === 'hidden' || style.display === 'none') return false;
      opacity *= Number(style.opacity);
    }
    return opacity > 0.5;
  };
  const button = (text, root = document, scrolled = false) =>
    [...root.querySelectorAll('button')].find(
      (b) => !b.disabled && b.textContent.trim() === text && shown(b, scrolled),
    );
  const dialogUp = () =>
    [...document.querySelectorAll('dialog[open], [role=dialog]')].find(
      (dialog) => shown(dialog) && dialog.querySelector('input[type=checkbox]') !== null,
    );
  const pressSettings = () => {
    const settings = button('Réglages');
    if (settings) {
      window.settingsPressedAt = performance.now();
      settings.click();
    }
  };
  const askVideo = (control) => {
    window.videoAskedAt = performance.now();
    control.click();
  };
  // One step of the visitor's; true once there is nothing left to watch.
  const step = {
    settings: () => {
      if (window.consentReadyAt === undefined && button('Tout refuser')) window.consentReadyAt = performance.now();
      if (window.settingsPressedAt === undefined) pressSettings();
      else if (dialogUp()) window.settingsUpAt = performance.now();
      return window.consentReadyAt !== undefined && window.settingsUpAt !== undefined;
    },
    accept: () => {
      const accept = button('Tout accepter');
      if (accept) askVideo(accept);
    },
    save: () => {
      if (window.settingsPressedAt === undefined) {
        pressSettings();
        return;
      }
      const dialog = dialogUp();
      const youtube = dialog && [...dialog.querySelectorAll('label')].find((l) => l.textContent.trim() === 'YouTube');
      const save = dialog && button('Enregistrer', dialog, true);
      if (youtube?.control && save) {
        if (!youtube.control.checked) youtube.control.click();
        askVideo(save);
      }
    },
  }[way];
  const look = () => {
    if (window.videoAskedAt === undefined) {
      if (step()) return;
    } else if (document.querySelector('iframe[src*="youtube"]')) {
      window.videoAt = performance.now();
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** One first visit of `url`, throttled, the visitor doing `way` (see `watch`); waits until
 * `done` holds in the page (or `timeout` ms), then returns what `read` gives. */
async function visit(browser, url, way, done, read, timeout = 30_000) {
  const context = await browser.newContext({ viewport: THROTTLING.viewport });
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1') return route.continue();
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stub</title>' });
  });
  await context.addInitScript(watch, way);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: THROTTLING.latency,
    downloadThroughput: THROTTLING.downloadThroughput,
    uploadThroughput: THROTTLING.uploadThroughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuSlowdown });
  await page.goto(url);
  await page.waitForFunction(done, null, { timeout, polling: 100 }).catch(() => {});
  const times = await page.evaluate(read);
  await context.close();
  return times;
}

/** Consent-ready and settings at first sight: `{ ready, pressed, settings }` in ms. */
const once = (browser, url) =>
  visit(
    browser,
    url,
    'settings',
    () => window.consentReadyAt !== undefined && window.settingsUpAt !== undefined,
    () => ({ ready: window.consentReadyAt, pressed: window.settingsPressedAt, settings: window.settingsUpAt }),
  );

/** The video at first sight, asked for `way`, `accept` or `save` (see `watch`):
 * `{ asked, video }` in ms, `video` null if it never came. */
const onceAskingVideo = (browser, url, way) =>
  visit(
    browser,
    url,
    way,
    () => window.videoAt !== undefined,
    () => ({ asked: window.videoAskedAt ?? null, video: window.videoAt ?? null }),
    10_000,
  );

/** Each page's visits, interleaved run by run so that the machine's noise falls on all of
 * them alike: `{ name: { ready: [ms, …], pressed, settings, acceptPressed, video, savePressed,
 * videoSaved } }`, the warm-up left out. */
export async function firstVisitActions(pages, runs = 5) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const measures = ['ready', 'pressed', 'settings', 'acceptPressed', 'video', 'savePressed', 'videoSaved'];
  const times = Object.fromEntries(
    Object.keys(pages).map((name) => [name, Object.fromEntries(measures.map((m) => [m, []]))]),
  );
  try {
    for (let run = 0; run <= runs; run++) {
      for (const [name, url] of Object.entries(pages)) {
        const accepting = await onceAskingVideo(browser, url, 'accept');
        const saving = await onceAskingVideo(browser, url, 'save');
        const visits = {
          ...(await once(browser, url)),
          acceptPressed: accepting.asked,
          video: accepting.video,
          savePressed: saving.asked,
          videoSaved: saving.video,
        };
        if (run > 0) for (const [measure, ms] of Object.entries(visits)) times[name][measure].push(ms);
      }
    }
  } finally {
    await browser.close();
  }
  return times;
}

// `node scripts/bench/consent-ready.mjs NAME=URL …`: prints each page's medians and runs.
if (import.meta.url === `file://${process.argv[1]}`) {
  const pages = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split(/=(.*)/s).slice(0, 2)));
  const times = await firstVisitActions(pages, Number(process.env.RUNS ?? 5));
  const s = (ms) => (ms === null ? 'never' : (ms / 1000).toFixed(2));
  for (const [name, measures] of Object.entries(times)) {
    for (const [measure, values] of Object.entries(measures)) {
      console.log(`${name} ${measure}: median ${s(median(values))} s (runs: ${values.map(s).join(', ')})`);
    }
  }
}
