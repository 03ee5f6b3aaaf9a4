// What a visitor does before the app's WebAssembly has arrived (held back by routing until
// the test releases it), on every document the build writes and at every address a host may
// answer with one of them: nothing is lost, nothing contradicted, and the app takes over the
// page as the visitor left it.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  test,
  expect,
  appRunning,
  holdTheApp,
  PATH,
  COOKIES,
  SERVICES,
  SIX_MONTHS,
  validRecord,
  seed,
  banner,
  dialog,
  record,
} from './fixtures';

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);
const all = (allowed: boolean) => Object.fromEntries(SERVICES.map((s) => [s, allowed]));

/** A host that answers every path with index.html (as single-page-app hosts do). */
const SPA_ADDRESS = '/fr/une-adresse-inconnue';

const ADDRESSES = [
  { name: 'the page', path: PATH },
  { name: 'the cookie page', path: COOKIES },
  { name: 'the 404 document, served at an unknown path', path: '/fr/nulle-part' },
  { name: 'index.html, served at an unknown /fr/ address', path: SPA_ADDRESS },
];

/** Opens `path` with the app held back; index.html answers the SPA address. */
async function openHeld(page: Page, path: string) {
  if (path === SPA_ADDRESS) {
    const index = readFileSync('dist/index.html', 'utf8');
    await page.route(`**${SPA_ADDRESS}`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: index }));
  }
  const release = await holdTheApp(page);
  await page.goto(path);
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gestion des cookies' }), 'the app has not run').toBeDisabled();
  return release;
}

for (const { name, path } of ADDRESSES) {
  test.describe(`before the app, on ${name}`, () => {
    for (const [button, allowed, sentence] of [
      ['Tout refuser', false, 'Choix enregistré : tous les contenus tiers sont refusés.'],
      ['Tout accepter', true, 'Choix enregistré : tous les contenus tiers sont autorisés.'],
    ] as const) {
      test(`« ${button} » is kept, focus goes on to the content, and the app applies it`, async ({ page, thirdParty }) => {
        const release = await openHeld(page, path);
        const choice = banner(page).getByRole('button', { name: button });
        await expect(choice).toBeVisible();
        await choice.click();
        await expect(banner(page)).toBeHidden();
        expect(await focusedId(page), 'focus goes on, not back to the top').toBe('contenu');
        expect(await record(page), 'the app stores it, not the start-up script').toBeNull();
        release();
        await appRunning(page);
        await expect(page.getByRole('status')).toHaveText(sentence);
        const stored = await record(page);
        expect(stored.choices).toEqual(all(allowed));
        expect(Date.now() - stored.decidedAt, 'dated when the visitor chose').toBeGreaterThan(0);
        expect(stored.expiresAt - stored.decidedAt).toBe(SIX_MONTHS);
        await expect(banner(page)).toBeHidden();
        expect(await focusedId(page)).toBe('contenu');
        if (allowed && path === PATH) {
          await expect(page.locator('iframe').first()).toBeAttached();
        } else {
          expect(thirdParty).toEqual([]);
        }
        await page.reload();
        await appRunning(page);
        await expect(banner(page), 'kept: not asked again').toBeHidden();
      });
    }

    test('« Réglages » opens the settings at once; the app keeps them open, switched and focused as left', async ({ page }) => {
      const release = await openHeld(page, path);
      await banner(page).getByRole('button', { name: 'Réglages' }).click();
      await expect(dialog(page), 'by the HTML itself').toBeVisible();
      const youtube = dialog(page).getByRole('switch', { name: 'YouTube' });
      await expect(youtube).not.toBeChecked();
      await youtube.check();
      await expect(youtube).toBeFocused();
      release();
      await appRunning(page);
      await expect(dialog(page)).toBeVisible();
      await expect(youtube).toBeChecked();
      await expect(youtube).toBeFocused();
      await expect(dialog(page).getByRole('switch', { name: 'Instagram' })).not.toBeChecked();
      expect(await record(page), 'nothing decided yet').toBeNull();
      await dialog(page).getByRole('button', { name: 'Enregistrer' }).click();
      await expect(dialog(page)).toBeHidden();
      await expect(banner(page)).toBeHidden();
      expect((await record(page)).choices).toEqual({ ...all(false), youtube: true });
      expect(await focusedId(page)).toBe('contenu');
    });

    test('the settings saved before the app are applied switch by switch', async ({ page }) => {
      const release = await openHeld(page, path);
      await banner(page).getByRole('button', { name: 'Réglages' }).click();
      await dialog(page).getByRole('switch', { name: 'X (Twitter)' }).check();
      await dialog(page).getByRole('button', { name: 'Enregistrer' }).click();
      await expect(dialog(page)).toBeHidden();
      await expect(banner(page)).toBeHidden();
      expect(await focusedId(page)).toBe('contenu');
      release();
      await appRunning(page);
      await expect(page.getByRole('status')).toHaveText('Choix enregistré.');
      expect((await record(page)).choices).toEqual({ ...all(false), x: true });
      await expect(banner(page)).toBeHidden();
    });

    test('closing the settings with Escape decides nothing and keeps the banner', async ({ page }) => {
      const release = await openHeld(page, path);
      const settings = banner(page).getByRole('button', { name: 'Réglages' });
      await settings.click();
      await dialog(page).getByRole('switch', { name: 'Facebook' }).check();
      await page.keyboard.press('Escape');
      await expect(dialog(page)).toBeHidden();
      await expect(settings).toBeFocused();
      release();
      await appRunning(page);
      await expect(banner(page)).toBeVisible();
      expect(await record(page)).toBeNull();
      await settings.click();
      await expect(dialog(page).getByRole('switch', { name: 'Facebook' }), 'a cancelled draft is dropped').not.toBeChecked();
    });
  });
}

test.describe('before the app', () => {
  test('another tab deciding first wins, before this tab has its app and after', async ({ context }) => {
    const here = await context.newPage();
    const release = await openHeld(here, PATH);
    await expect(banner(here)).toBeVisible();
    // The visitor refuses here; then decides otherwise in another tab, whose app runs.
    await banner(here).getByRole('button', { name: 'Tout refuser' }).click();
    const there = await context.newPage();
    await there.goto(PATH);
    await appRunning(there);
    await banner(there).getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(() => record(there)).not.toBeNull();
    release();
    await appRunning(here);
    await expect(banner(here)).toBeHidden();
    expect((await record(here)).choices, 'the later decision, made there, is kept').toEqual(all(true));
    await expect(here.locator('iframe').first()).toBeAttached();
  });

  test('another tab deciding while the banner waits here hides it at once', async ({ context }) => {
    const here = await context.newPage();
    const release = await openHeld(here, PATH);
    await expect(banner(here)).toBeVisible();
    const there = await context.newPage();
    await there.goto(COOKIES);
    await appRunning(there);
    await banner(there).getByRole('button', { name: 'Tout refuser' }).click();
    await expect(banner(here), 'before this tab has its app').toBeHidden();
    release();
    await appRunning(here);
    await expect(banner(here)).toBeHidden();
    await here.getByRole('button', { name: 'Gestion des cookies' }).click();
    await expect(dialog(here).getByRole('switch', { name: 'YouTube' })).not.toBeChecked();
    await expect(dialog(here), 'the choice made there').toContainText('Choix actuel fait le');
  });

  for (const [what, value] of [
    ['expired', validRecord(all(true), Date.now() - SIX_MONTHS - 1000)],
    ['of another policy version', JSON.stringify({ ...JSON.parse(validRecord(all(true))), policy: '0123456789ab' })],
    ['of another schema', JSON.stringify({ ...JSON.parse(validRecord(all(true))), schema: 3 })],
    [
      'of the old numeric revision',
      JSON.stringify({ schema: 1, revision: 1, decidedAt: Date.now(), expiresAt: Date.now() + SIX_MONTHS, choices: all(true) }),
    ],
    ['unreadable', '{"schema":2,"policy":'],
  ]) {
    test(`a returning visitor whose choice is ${what} is asked at once`, async ({ page }) => {
      await seed(page, value);
      const release = await openHeld(page, PATH);
      await expect(banner(page)).toBeVisible();
      release();
      await appRunning(page);
      await expect(banner(page)).toBeVisible();
    });
  }

  test('storage blocked: the banner shows at once, and the choice holds for the visit', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    const release = await openHeld(page, PATH);
    await banner(page).getByRole('button', { name: 'Tout refuser' }).click();
    await expect(banner(page)).toBeHidden();
    release();
    await appRunning(page);
    await expect(banner(page)).toBeHidden();
    await expect(page.getByText('Votre navigateur ne nous laisse pas garder votre choix', { exact: false }).first()).toBeAttached();
    await expect(page.getByRole('status')).toHaveText('Choix enregistré : tous les contenus tiers sont refusés.');
  });

  test('a returning visitor whose choice counts, and Global Privacy Control, are never asked', async ({ context }) => {
    const returning = await context.newPage();
    await seed(returning, validRecord(all(false)));
    const gpc = await context.newPage();
    await gpc.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    for (const page of [returning, gpc]) {
      const release = await openHeld(page, PATH);
      await page.waitForFunction(() => document.readyState === 'complete');
      await expect(banner(page)).toBeHidden();
      release();
      await appRunning(page);
      await expect(banner(page)).toBeHidden();
    }
  });
});

test.describe('the banner never hides the page', () => {
  for (const width of [320, 375, 768, 1280]) {
    test(`at ${width} px, the signature and the footer scroll into view above it, before the app and after`, async ({ page }) => {
      await page.setViewportSize({ width, height: 667 });
      const release = await openHeld(page, PATH);
      const clearOfBanner = async () => {
        await expect(banner(page)).toBeVisible();
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        const top = (await banner(page).boundingBox())!.y;
        for (const locator of [
          page.locator('.signature'),
          page.locator('footer').getByRole('link', { name: 'Tout savoir sur les cookies' }),
          page.locator('footer').getByRole('button', { name: 'Gestion des cookies' }),
        ]) {
          const box = (await locator.boundingBox())!;
          expect(box.y + box.height, await locator.innerText()).toBeLessThanOrEqual(top);
        }
      };
      await clearOfBanner();
      release();
      await appRunning(page);
      await clearOfBanner();
    });
  }
});

test('with the app running, a choice on the banner sends focus on to the content', async ({ page }) => {
  await page.goto(PATH);
  await appRunning(page);
  await banner(page).getByRole('button', { name: 'Tout refuser' }).click();
  await expect(banner(page)).toBeHidden();
  expect(await focusedId(page)).toBe('contenu');
  await expect(page.getByRole('status')).toHaveText('Choix enregistré : tous les contenus tiers sont refusés.');
});
