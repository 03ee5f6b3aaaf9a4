import type { Page } from '@playwright/test';
import {
  test,
  expect,
  hostsOf,
  open,
  PATH,
  KEY,
  SIX_MONTHS,
  SERVICES,
  validRecord,
  seed,
  PUBLISHED_POLICY,
  showPlaceholders,
  placeholderServices,
  banner,
  dialog,
  stored,
  record,
  silencePaintTiming,
  FACTS,
  everyService,
  EMBEDS,
  EMBEDDED_SERVICES,
  EMBED_HOSTS,
} from './fixtures';


/** Scrolls every iframe into view (they load lazily) and waits for them to be asked for. */
async function loadFrames(page: Page, thirdParty: unknown[], count: number) {
  const frames = page.locator('iframe');
  await expect(frames).toHaveCount(count);
  for (let i = 0; i < count; i++) await frames.nth(i).scrollIntoViewIfNeeded();
  await expect.poll(() => thirdParty.length).toBe(count);
}


test('first visit: a banner with three equal choices, and nothing leaves 127.0.0.1', async ({ page, thirdParty }) => {
  await open(page);
  await expect(banner(page)).toBeVisible();
  const buttons = banner(page).getByRole('button');
  await expect(buttons).toHaveText(['Tout accepter', 'Tout refuser', 'Réglages']);
  const boxes = await buttons.evaluateAll((bs) =>
    bs.map((b) => {
      const style = getComputedStyle(b);
      return [b.getBoundingClientRect().height, style.fontWeight, style.fontSize, style.backgroundColor];
    }),
  );
  expect(new Set(boxes.map((b) => JSON.stringify(b))).size, 'same size and weight').toBe(1);
  expect(await placeholderServices(page)).toEqual(EMBEDDED_SERVICES);
  // The page behind stays usable: its links can be reached and followed.
  await expect(page.getByRole('link', { name: 'Télécom Paris en bref' })).toBeVisible();
  await showPlaceholders(page);
  await expect(page.locator('iframe')).toHaveCount(0);
  expect(thirdParty, 'silence is refusal').toEqual([]);
  expect(await stored(page)).toBeNull();
});

test('"Tout refuser" hides the banner, is stored for six months, and survives a reload', async ({ page, thirdParty }) => {
  await open(page);
  await banner(page).getByRole('button', { name: 'Tout refuser' }).click();
  await expect(banner(page)).toBeHidden();
  const saved = await record(page);
  expect(saved.schema).toBe(2);
  expect(saved.policy).toBe(PUBLISHED_POLICY.version);
  expect(saved.choices).toEqual(Object.fromEntries(SERVICES.map((s) => [s, false])));
  expect(saved.expiresAt - saved.decidedAt).toBe(SIX_MONTHS);
  expect(Math.abs(saved.decidedAt - Date.now())).toBeLessThan(60_000);
  await page.reload();
  await open(page);
  await expect(banner(page)).toBeHidden();
  await showPlaceholders(page);
  expect(await placeholderServices(page)).toEqual(EMBEDDED_SERVICES);
  expect(thirdParty).toEqual([]);
});

test('"Tout accepter" loads every embed, from the documented origins only, none before', async ({ page, thirdParty }) => {
  await open(page);
  expect(thirdParty, 'before consent').toEqual([]);
  await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
  await expect(banner(page)).toBeHidden();
  await loadFrames(page, thirdParty, EMBEDS.length);
  expect(hostsOf(thirdParty)).toEqual(EMBED_HOSTS);
  expect(thirdParty.every((r) => r.url().startsWith('https://'))).toBe(true);
  const frames = await page.locator('iframe').evaluateAll((fs) =>
    fs.map((f) => ({
      title: f.getAttribute('title'),
      loading: f.getAttribute('loading'),
      referrer: f.getAttribute('referrerpolicy'),
      sandbox: f.getAttribute('sandbox'),
    })),
  );
  for (const frame of frames) {
    expect(frame.title).toBeTruthy();
    expect(frame.loading).toBe('lazy');
    expect(frame.referrer).toBe('strict-origin');
    expect(frame.sandbox).toContain('allow-scripts');
    expect(frame.sandbox).not.toContain('allow-top-navigation');
  }
  expect((await record(page)).choices).toEqual(Object.fromEntries(SERVICES.map((s) => [s, true])));
});

test('the settings dialog saves a choice per service', async ({ page, thirdParty }) => {
  await open(page);
  await banner(page).getByRole('button', { name: 'Réglages' }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page)).toContainText('Vous n’avez encore fait aucun choix.');
  for (const name of ['YouTube', 'LinkedIn']) await dialog(page).getByRole('switch', { name }).check();
  await dialog(page).getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(banner(page)).toBeHidden();
  await loadFrames(page, thirdParty, 2);
  expect(hostsOf(thirdParty)).toEqual(['www.linkedin.com', 'www.youtube-nocookie.com']);
  expect((await record(page)).choices).toEqual({ ...everyService(false), youtube: true, linkedin: true });
  // Reopened, it shows the choice in force and when it was made.
  await page.getByRole('button', { name: 'Gestion des cookies' }).click();
  await expect(dialog(page).getByRole('switch', { name: 'YouTube' })).toBeChecked();
  await expect(dialog(page).getByRole('switch', { name: 'Instagram' })).not.toBeChecked();
  // « 1er décembre 2026 à 09:05 », day, month and year held together by no-break spaces.
  await expect(dialog(page)).toContainText(/Choix actuel fait le \d{1,2}(er)?\u00a0\S+\u00a0\d{4} à \d{2}:\d{2}\./);
});

test('"Autoriser" on a placeholder allows its service and remembers it', async ({ page, thirdParty }) => {
  await open(page);
  await page.getByRole('button', { name: 'Autoriser YouTube' }).click();
  await loadFrames(page, thirdParty, 1);
  expect(hostsOf(thirdParty)).toEqual(['www.youtube-nocookie.com']);
  expect((await record(page)).choices).toEqual({ youtube: true });
  await expect(banner(page), 'the other services are still to decide').toBeVisible();
  await page.reload();
  await open(page);
  await expect(page.locator('[data-service=youtube] iframe')).toHaveCount(1);
  await expect(page.locator('iframe')).toHaveCount(1);
});

test('"Afficher une fois" shows the embed for this page view only', async ({ page, thirdParty }) => {
  await open(page);
  const instagram = page.locator('[data-service=instagram]');
  await instagram.getByRole('button', { name: 'Afficher une fois' }).click();
  await loadFrames(page, thirdParty, 1);
  expect(hostsOf(thirdParty)).toEqual(['www.instagram.com']);
  expect(await stored(page)).toBeNull();
  await page.reload();
  await open(page);
  await expect(page.locator('iframe')).toHaveCount(0);
  await expect(instagram.locator('.embed-placeholder')).toBeVisible();
});

test('a placeholder takes exactly the room of its embed', async ({ page, thirdParty }) => {
  await open(page);
  const boxes = () =>
    page.locator('.embed').evaluateAll((es) => es.map((e) => JSON.stringify(e.getBoundingClientRect())));
  const before = await boxes();
  await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
  await loadFrames(page, thirdParty, EMBEDS.length);
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await boxes()).toEqual(before);
});

test('withdrawing a service removes its iframe at once', async ({ page, thirdParty }) => {
  await open(page);
  await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
  await loadFrames(page, thirdParty, EMBEDS.length);
  // Mark the frames as they are, to tell whether the others are kept or built again.
  await page.locator('iframe').evaluateAll((frames) => frames.forEach((f) => f.setAttribute('data-kept', '')));
  await page.getByRole('button', { name: 'Gestion des cookies' }).click();
  await dialog(page).getByRole('switch', { name: 'YouTube' }).uncheck();
  await dialog(page).getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('[data-service=youtube] iframe')).toHaveCount(0);
  await expect(page.locator('[data-service=youtube] .embed-placeholder')).toBeVisible();
  await expect(page.locator('iframe[data-kept]'), 'the other embeds are not reloaded').toHaveCount(EMBEDS.length - 1);
  await expect(page.locator('iframe')).toHaveCount(EMBEDS.length - 1);
  expect(thirdParty, 'no new request to any service').toHaveLength(EMBEDS.length);
  expect((await record(page)).choices.youtube).toBe(false);
});

test('two tabs follow each other: accept in one, withdraw in one', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await open(first);
  await open(second);
  await expect(second.locator('iframe')).toHaveCount(0);
  await banner(first).getByRole('button', { name: 'Tout accepter' }).click();
  await expect(second.locator('iframe')).toHaveCount(EMBEDS.length);
  await expect(banner(second)).toBeHidden();
  await first.getByRole('button', { name: 'Gestion des cookies' }).click();
  await dialog(first).getByRole('button', { name: 'Tout refuser' }).click();
  await expect(second.locator('iframe')).toHaveCount(0);
  expect(await placeholderServices(second)).toEqual(EMBEDDED_SERVICES);
});

test('another tab clearing or corrupting the record: this one asks again and unloads', async ({ context }) => {
  const warnings: string[] = [];
  const first = await context.newPage();
  first.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const second = await context.newPage();
  await open(first);
  await open(second);
  await banner(first).getByRole('button', { name: 'Tout accepter' }).click();
  await expect(second.locator('iframe')).toHaveCount(EMBEDS.length);

  await first.evaluate((key) => localStorage.removeItem(key), KEY);
  await expect(second.locator('iframe')).toHaveCount(0);
  await expect(banner(second)).toBeVisible();
  await expect(second.getByRole('status')).toHaveText('Choix mis à jour depuis un autre onglet.');

  await banner(second).getByRole('button', { name: 'Tout accepter' }).click();
  await expect(first.locator('iframe')).toHaveCount(EMBEDS.length);
  await second.evaluate((key) => localStorage.setItem(key, '{"schema":1,"choices":'), KEY);
  await expect(first.locator('iframe')).toHaveCount(0);
  await expect(banner(first)).toBeVisible();
  expect(warnings.filter((w) => w.startsWith('Consent:')), 'said once').toHaveLength(1);
});

test('an expired choice asks again', async ({ page, thirdParty }) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const sevenMonthsAgo = Date.now() - SIX_MONTHS - 30 * 24 * 3600 * 1000;
  await seed(page, validRecord(Object.fromEntries(SERVICES.map((s) => [s, true])), sevenMonthsAgo));
  await open(page);
  await expect(banner(page)).toBeVisible();
  await expect(page.locator('iframe')).toHaveCount(0);
  expect(thirdParty).toEqual([]);
  expect(warnings.filter((w) => w.includes('expired'))).toHaveLength(1);
});

const now = Date.now();
const badValues: Record<string, string> = {
  'malformed JSON': '{"schema":1,"choices":',
  'another schema': JSON.stringify({ ...JSON.parse(validRecord({ youtube: true })), schema: FACTS.policy.recordSchema + 1 }),
  'a date in the future': validRecord({ youtube: true }, now + 365 * 24 * 3600 * 1000),
  'an unreadable date': validRecord({ youtube: true }).replace(/"decidedAt":\d+/, '"decidedAt":"hier"'),
  'a huge value': JSON.stringify({ schema: 1, pad: 'x'.repeat(1_000_000) }),
};

for (const [what, value] of Object.entries(badValues)) {
  test(`a stored value with ${what} leaves a working page`, async ({ page, thirdParty }) => {
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.addInitScript(([key, bad]) => {
      // Init scripts run in the embeds' frames too; seed our own page, once.
      if (window !== window.top || sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key, bad);
      localStorage.setItem('someone-else', 'untouched');
    }, [KEY, value]);
    await open(page);
    await expect(banner(page)).toBeVisible();
    await expect(page.locator('iframe')).toHaveCount(0);
    expect(thirdParty).toEqual([]);
    expect(warnings.filter((w) => w.startsWith('Consent:')), 'said once').toHaveLength(1);
    expect(await stored(page), 'kept until the visitor decides').toBe(value);
    await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
    await loadFrames(page, thirdParty, EMBEDS.length);
    expect((await record(page)).choices.youtube).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('someone-else'))).toBe('untouched');
    expect(await page.evaluate(() => localStorage.length)).toBe(2);
  });
}

test('a record naming a service the policy no longer has keeps the other choices', async ({ page, thirdParty }) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await seed(page, validRecord({ ...everyService(false), youtube: true, myspace: true }));
  await open(page);
  await expect(banner(page)).toBeHidden();
  await loadFrames(page, thirdParty, 1);
  expect(hostsOf(thirdParty)).toEqual(['www.youtube-nocookie.com']);
  expect(warnings.filter((w) => w.startsWith('Consent:'))).toEqual([]);
});

test('cancelling the settings keeps the stored choice', async ({ page, thirdParty }) => {
  await seed(page, validRecord({ ...everyService(false), youtube: true }));
  await open(page);
  await page.getByRole('button', { name: 'Gestion des cookies' }).click();
  await dialog(page).getByRole('switch', { name: 'YouTube' }).uncheck();
  await dialog(page).getByRole('switch', { name: 'LinkedIn' }).check();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await page.getByRole('button', { name: 'Gestion des cookies' }).click();
  await expect(dialog(page).getByRole('switch', { name: 'YouTube' })).toBeChecked();
  await expect(dialog(page).getByRole('switch', { name: 'LinkedIn' })).not.toBeChecked();
  await dialog(page).getByRole('button', { name: 'Fermer' }).click();
  expect((await record(page)).choices).toEqual({ ...everyService(false), youtube: true });
  await loadFrames(page, thirdParty, 1);
  expect(hostsOf(thirdParty)).toEqual(['www.youtube-nocookie.com']);
});

test('storage that throws on access: the choice holds for the visit', async ({ page, thirdParty }) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await open(page);
  await expect(banner(page)).toBeVisible();
  await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
  await loadFrames(page, thirdParty, EMBEDS.length);
  expect(warnings.filter((w) => w.startsWith('Consent:')), 'said once').toHaveLength(1);
  await page.getByRole('button', { name: 'Gestion des cookies' }).click();
  await expect(dialog(page)).toContainText('il vaut pour cette visite seulement');
});

test('storage that throws on write (full quota): the choice holds for the visit', async ({ page, thirdParty }) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await open(page);
  await banner(page).getByRole('button', { name: 'Tout refuser' }).click();
  await expect(banner(page)).toBeHidden();
  await page.getByRole('button', { name: 'Autoriser YouTube' }).click();
  await loadFrames(page, thirdParty, 1);
  expect(warnings.filter((w) => w.startsWith('Consent:')), 'said once').toHaveLength(1);
  expect(await stored(page)).toBeNull();
});

test('storage that refused a write and then accepts one: the visit-only note goes away', async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if ((window as unknown as { storageFull?: boolean }).storageFull !== false) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  await open(page);
  await banner(page).getByRole('button', { name: 'Tout refuser' }).click();
  await page.getByRole('button', { name: 'Gestion des cookies' }).click();
  const note = dialog(page).getByText('il vaut pour cette visite seulement');
  await expect(note).toBeVisible();
  await page.evaluate(() => ((window as unknown as { storageFull: boolean }).storageFull = false));
  await dialog(page).getByRole('switch', { name: 'X (Twitter)' }).check();
  await dialog(page).getByRole('button', { name: 'Enregistrer' }).click();
  expect((await record(page)).choices.x).toBe(true);
  await page.getByRole('button', { name: 'Gestion des cookies' }).click();
  await expect(dialog(page)).toContainText('Choix actuel fait le');
  await expect(note).toHaveCount(0);
});

test('the app starts where paint timing never reports', async ({ page }) => {
  await silencePaintTiming(page);
  await page.goto(PATH);
  await expect(page.getByRole('button', { name: 'Gestion des cookies' })).toBeEnabled();
  await expect(banner(page)).toBeVisible();
});

test('a visitor who answers the banner starts the app, before any paint is reported', async ({ page }) => {
  await silencePaintTiming(page);
  await page.addInitScript(() => {
    // Nor do the start-up script's later fallbacks come: timers of a second or more never
    // fire. Only the visitor's answer can start the app.
    const setTimeoutAsIs = window.setTimeout.bind(window);
    window.setTimeout = ((handler: TimerHandler, delay = 0, ...args: unknown[]) =>
      delay >= 1000 ? 0 : setTimeoutAsIs(handler, delay, ...args)) as typeof setTimeout;
  });
  await page.goto(PATH);
  await banner(page).getByRole('button', { name: 'Tout refuser' }).click();
  await expect(page.getByRole('button', { name: 'Gestion des cookies' }), 'the app runs').toBeEnabled();
  await expect.poll(async () => (await record(page))?.choices).toEqual(
    Object.fromEntries(SERVICES.map((service) => [service, false])),
  );
});

test('Global Privacy Control: refused from the start, no banner, opting in still works', async ({ page, thirdParty }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true });
  });
  await open(page);
  await expect(banner(page)).toBeHidden();
  await showPlaceholders(page);
  await expect(page.locator('iframe')).toHaveCount(0);
  expect(thirdParty).toEqual([]);
  await page.getByRole('button', { name: 'Gestion des cookies' }).click();
  await expect(dialog(page)).toContainText('Global Privacy Control');
  await dialog(page).getByRole('button', { name: 'Fermer' }).click();
  await page.getByRole('button', { name: 'Autoriser YouTube' }).click();
  await loadFrames(page, thirdParty, 1);
  expect(hostsOf(thirdParty)).toEqual(['www.youtube-nocookie.com']);
});

test('keyboard only: from the first Tab to a saved choice, focus always where it should be', async ({ page, thirdParty }) => {
  await open(page);
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent?.trim()}` : '';
    });
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('a:Aller au contenu');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('a:Tout savoir sur les cookies');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('button:Tout accepter');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('button:Tout refuser');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('button:Réglages');
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  // Focus moved into the dialog: its first control.
  expect(await focused()).toBe('button:Fermer');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('a:Tout savoir sur les cookies');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('input:');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('consent-switch-youtube');
  await page.keyboard.press('Space');
  // Shift+Tab from the first control wraps to the last, Tab from the last to the first.
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).toBe('a:Tout savoir sur les cookies');
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).toBe('button:Fermer');
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).toBe('button:Enregistrer');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('button:Fermer');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeHidden();
  await expect(banner(page)).toBeHidden();
  expect((await record(page)).choices.youtube).toBe(true);
  expect((await record(page)).choices.x).toBe(false);
  // The banner went away with the choice: focus lands on the content, not on nothing.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
  // Escape closes the reopened dialog and gives focus back to its trigger.
  const manage = page.getByRole('button', { name: 'Gestion des cookies' });
  await manage.focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(manage).toBeFocused();
  await loadFrames(page, thirdParty, 1);
});
