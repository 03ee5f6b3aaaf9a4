import type { Page } from '@playwright/test';
import { test, expect, axeViolations, holdTheApp, open, PATH, SERVICES, EMBEDS, validRecord, seed } from './fixtures';

const states: Record<string, (page: Page) => Promise<void>> = {
  'first visit, banner shown': async (page) => {
    await expect(page.locator('.consent-banner')).toBeVisible();
  },
  'settings dialog open': async (page) => {
    await page.locator('.consent-banner').getByRole('button', { name: 'Réglages' }).click();
    await expect(page.locator('dialog.consent-dialog')).toBeVisible();
  },
  'everything accepted': async (page) => {
    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await expect(page.locator('iframe')).toHaveCount(EMBEDS.length);
  },
  'everything refused': async (page) => {
    await page.getByRole('button', { name: 'Tout refuser' }).click();
    await expect(page.locator('.consent-banner')).toBeHidden();
  },
  'a placeholder focused': async (page) => {
    await page.getByRole('button', { name: 'Tout refuser' }).click();
    await page.getByRole('button', { name: 'Autoriser Instagram' }).focus();
  },
};

for (const width of [375, 1280]) {
  for (const [state, reach] of Object.entries(states)) {
    test(`axe: no WCAG 2.2 AA violation at ${width} px, ${state}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await open(page);
      await reach(page);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
  test(`axe: no WCAG 2.2 AA violation at ${width} px, 404 view`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await open(page, '/fr/nulle-part');
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('axe: no violation before the app has arrived, banner and dialog as the HTML shows them', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.setViewportSize({ width: 375, height: 900 });
  await page.goto(PATH);
  await expect(page.locator('.consent-banner')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gestion des cookies' }), 'the app has not run').toBeDisabled();
  expect(await axeViolations(page)).toEqual([]);
  await page.locator('.consent-banner').getByRole('button', { name: 'Réglages' }).click();
  await expect(page.locator('dialog.consent-dialog')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  release();
});

test('axe: no violation in the dark colour scheme, banner and dialog', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page);
  expect(await axeViolations(page)).toEqual([]);
  await page.locator('.consent-banner').getByRole('button', { name: 'Réglages' }).click();
  expect(await axeViolations(page)).toEqual([]);
});

test('the skip link takes focus to the content', async ({ page }) => {
  await open(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeInViewport();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Accueil' })).toBeFocused();
});

test('focus is never hidden under the banner', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 700 });
  await open(page);
  const banner = page.locator('.consent-banner');
  await expect(banner).toBeVisible();
  let outside = 0;
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const bar = document.querySelector('.consent-banner') as HTMLElement;
      if (bar.contains(el)) return 'in banner';
      const r = el.getBoundingClientRect();
      return r.top < bar.getBoundingClientRect().top ? 'visible' : `hidden: ${el.outerHTML.slice(0, 80)}`;
    });
    if (where === 'in banner') continue;
    outside++;
    expect(where).toBe('visible');
  }
  expect(outside, 'the walk reached the page behind the banner').toBeGreaterThan(10);
});

test('changes of consent are announced politely', async ({ page }) => {
  await open(page);
  const status = page.getByRole('status');
  await expect(status).toHaveCount(1);
  await page.getByRole('button', { name: 'Tout accepter' }).click();
  await expect(status).toHaveText('Choix enregistré : tous les contenus tiers sont autorisés.');
});

test('the page honours reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page);
  await page.locator('.consent-banner').getByRole('button', { name: 'Réglages' }).click();
  const transition = await page
    .getByRole('switch', { name: 'YouTube' })
    .evaluate((el) => getComputedStyle(el, '::before').transitionDuration);
  expect(transition).toBe('0s');
});

/** The layout shifts the page saw up to its next two frames, as Lighthouse counts them (no
 * recent input): what the app's last task changed is laid out and painted by then. */
async function cumulativeLayoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean };
        let total = 0;
        const count = (entries: PerformanceEntry[]) => {
          for (const entry of entries as Shift[]) if (!entry.hadRecentInput) total += entry.value;
        };
        const observer = new PerformanceObserver((list) => count(list.getEntries()));
        observer.observe({ type: 'layout-shift', buffered: true });
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            count(observer.takeRecords());
            observer.disconnect();
            done(total);
          }),
        );
      }),
  );
}

test('no layout shift when the banner shows', async ({ page }) => {
  await open(page);
  await expect(page.locator('.consent-banner')).toBeVisible();
  expect(await cumulativeLayoutShift(page)).toBe(0);
});

test('no layout shift when allowed embeds load', async ({ page, thirdParty }) => {
  await seed(page, validRecord(Object.fromEntries(SERVICES.map((s) => [s, true]))));
  await page.setViewportSize({ width: 1280, height: 3000 });
  await open(page);
  await expect(page.locator('iframe')).toHaveCount(EMBEDS.length);
  await expect.poll(() => thirdParty.length).toBe(EMBEDS.length);
  expect(await cumulativeLayoutShift(page)).toBe(0);
});

test('the CSP blocks an injected inline script and a frame from elsewhere', async ({ page, consoleErrors }) => {
  await open(page);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
    const frame = document.createElement('iframe');
    frame.src = 'https://evil.example/';
    document.body.append(frame);
  });
  await expect.poll(() => consoleErrors.filter((e) => e.startsWith('CSP violation')).length).toBe(2);
  const seen = [...consoleErrors];
  consoleErrors.length = 0; // expected here, and only here
  expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
  expect(seen.filter((e) => e.startsWith('CSP violation')).sort()).toEqual([
    'CSP violation: frame-src blocked https://evil.example',
    'CSP violation: script-src-elem blocked inline',
  ]);
});
