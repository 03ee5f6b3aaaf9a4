// Consent-ready: the time from navigation start until a visitor can refuse, that is until a
// « Tout refuser » button is in the viewport, visible (its opacity, and its ancestors', above
// 0.5) and enabled, on a first visit. Measured in Chromium with DevTools throttling (150 ms
// latency, 1.6 Mbps down, 750 kbps up, CPU 4x) at 412x823; every request that leaves
// 127.0.0.1 is answered locally. One warm-up run is discarded; the median of the others is
// the result.
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../chromium.mjs';

export const THROTTLING = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  cpuSlowdown: 4,
  viewport: { width: 412, height: 823 },
};

/** Watches every frame for the refusal button; the time it is first usable goes on `window`. */
function watchForRefusal() {
  const usable = (button) => {
    if (button.disabled || button.textContent.trim() !== 'Tout refuser') return false;
    const box = button.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.bottom <= 0 || box.top >= innerHeight) return false;
    let opacity = 1;
    for (let element = button; element; element = element.parentElement) {
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') return false;
      opacity *= Number(style.opacity);
    }
    return opacity > 0.5;
  };
  const look = () => {
    if ([...document.querySelectorAll('button')].some(usable)) {
      window.consentReadyAt = performance.now();
    } else {
      requestAnimationFrame(look);
    }
  };
  requestAnimationFrame(look);
}

/** One first visit of `url`, throttled: milliseconds until the visitor can refuse. */
async function once(browser, url) {
  const context = await browser.newContext({ viewport: THROTTLING.viewport });
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1') return route.continue();
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stub</title>' });
  });
  await context.addInitScript(watchForRefusal);
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
  await page.waitForFunction(() => window.consentReadyAt !== undefined, null, { timeout: 30_000, polling: 100 });
  const readyAt = await page.evaluate(() => window.consentReadyAt);
  await context.close();
  return readyAt;
}

/** Consent-ready of each page, interleaved run by run so that the machine's noise falls on
 * all of them alike: `{ name: [ms, …] }`, the warm-up left out. */
export async function consentReady(pages, runs = 5) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const times = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
  try {
    for (let run = 0; run <= runs; run++) {
      for (const [name, url] of Object.entries(pages)) {
        const ms = await once(browser, url);
        if (run > 0) times[name].push(ms);
      }
    }
  } finally {
    await browser.close();
  }
  return times;
}

// `node scripts/bench/consent-ready.mjs NAME=URL …`: prints each page's median.
if (import.meta.url === `file://${process.argv[1]}`) {
  const pages = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split(/=(.*)/s).slice(0, 2)));
  const times = await consentReady(pages, Number(process.env.RUNS ?? 5));
  for (const [name, values] of Object.entries(times)) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(`${name}: median ${(sorted[Math.floor(sorted.length / 2)] / 1000).toFixed(2)} s (${sorted.map((v) => (v / 1000).toFixed(2)).join(', ')})`);
  }
}
