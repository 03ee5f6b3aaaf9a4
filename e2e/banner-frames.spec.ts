// The banner stays on screen while the app takes the page over: sampled in every animation
// frame, on a phone's CPU (4× slower), from the frame its button is parsed until well after
// the app has taken over, on each kind of document the build writes.
import type { Page } from '@playwright/test';
import { test, expect, appRunning, banner, PATH, COOKIES, seed } from './fixtures';

type Sample = { parsed: boolean; visible: boolean };

/** From the page's first script on, records in each animation frame whether « Tout refuser »
 * is in the document and whether it is visible. */
async function sampleEveryFrame(page: Page) {
  await page.addInitScript(() => {
    const samples: { parsed: boolean; visible: boolean }[] = [];
    (window as unknown as { bannerSamples: typeof samples }).bannerSamples = samples;
    const sample = () => {
      const refuse = [...document.querySelectorAll('.consent-banner button')].find(
        (button) => button.textContent?.trim() === 'Tout refuser',
      );
      const box = refuse?.getBoundingClientRect();
      const visible = !!refuse && refuse.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && !!box && box.height > 0;
      samples.push({ parsed: !!refuse, visible });
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
}

/** Waits until `count` more frames have been sampled. */
async function framesLater(page: Page, count: number) {
  const now = await page.evaluate(() => (window as unknown as { bannerSamples: Sample[] }).bannerSamples.length);
  await page.waitForFunction((target) => (window as unknown as { bannerSamples: Sample[] }).bannerSamples.length >= target, now + count);
}

const DOCUMENTS = [
  { name: 'the page', path: PATH, stored: null },
  { name: 'the cookie page', path: COOKIES, stored: null },
  { name: 'the 404 document, at an unknown address', path: '/fr/nulle-part', stored: null },
  { name: 'the page, with an unreadable stored record', path: PATH, stored: '{"schema":' },
];

for (const { name, path, stored } of DOCUMENTS) {
  test(`on ${name}, « Tout refuser » is visible in every frame while the app takes over`, async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    if (stored !== null) await seed(page, stored);
    await sampleEveryFrame(page);
    await page.goto(path);
    await appRunning(page);
    // The pre-rendered banner is `hidden`, shown by the start-up script: the app's own state
    // shows it once the app unhides it.
    await expect(banner(page)).not.toHaveAttribute('hidden');
    await framesLater(page, 20);
    const samples: Sample[] = await page.evaluate(() => (window as unknown as { bannerSamples: Sample[] }).bannerSamples);
    const sinceParsed = samples.slice(samples.findIndex((s) => s.parsed));
    expect(sinceParsed.length, 'frames sampled since the banner was parsed').toBeGreaterThan(20);
    const missing = sinceParsed.flatMap((s, frame) => (s.visible ? [] : [frame]));
    expect(missing, 'frames, counted from the banner parsed, without a visible « Tout refuser »').toEqual([]);
  });
}
