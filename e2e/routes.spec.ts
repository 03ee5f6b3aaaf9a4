import {
  test,
  expect,
  FACTS,
  holdTheApp,
  open,
  PATH,
  COOKIES,
  KEY,
  PUBLISHED_POLICY,
  PUBLISHED_POLICY_PATH,
  seed,
  validRecord,
  words,
  everyService,
} from './fixtures';

/**
 * Every address a visitor can come by, served by nginx as deploy/nginx.conf says (`/` and
 * `/fr` redirected to the page, each file at its path, 404.html with the status 404 for the
 * rest): the view, the title and the status the browser ends with, and a consent UI that
 * works. The fixtures fail any test on a console error, a hydration warning included.
 */
const addresses = [
  { path: '/', status: 200, lands: PATH, h1: 'Notre raison d’être' },
  { path: '/fr', status: 200, lands: PATH, h1: 'Notre raison d’être' },
  { path: PATH, status: 200, lands: PATH, h1: 'Notre raison d’être' },
  { path: COOKIES, status: 200, lands: COOKIES, h1: 'Gestion des cookies' },
  { path: '/fr/nulle-part', status: 404, lands: '/fr/nulle-part', h1: 'Page introuvable' },
  { path: '/404.html', status: 200, lands: '/404.html', h1: 'Page introuvable' },
];

const titles: Record<string, string> = {
  'Notre raison d’être': 'Notre raison d’être | Télécom Paris',
  'Gestion des cookies': 'Gestion des cookies | Télécom Paris',
  'Page introuvable': 'Page introuvable | Télécom Paris',
};

for (const { path, status, lands, h1 } of addresses) {
  test(`${path} starts cleanly: ${h1}, status ${status}, consent UI live`, async ({ page }) => {
    const messages: string[] = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    const response = await page.goto(path);
    expect(response?.status()).toBe(status);
    await expect(page).toHaveURL(lands);
    await expect(page.locator('h1')).toHaveText(h1);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page).toHaveTitle(titles[h1]);
    await expect(page.locator('head link[rel=canonical]')).toHaveCount(h1 === 'Page introuvable' ? 0 : 1);
    await expect(page.locator('head meta[name=description]')).toHaveCount(h1 === 'Page introuvable' ? 0 : 1);
    await expect(page.locator('head meta[name=robots]')).toHaveCount(h1 === 'Page introuvable' ? 1 : 0);
    await page.getByRole('button', { name: 'Gestion des cookies' }).click();
    await expect(page.locator('dialog.consent-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await page.locator('.consent-banner').getByRole('button', { name: 'Tout refuser' }).click();
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toContain('"youtube":false');
    expect(messages.filter((m) => /hydrat|panick|unreachable/i.test(m))).toEqual([]);
  });
}

test('the links between the pages navigate without reloading the document', async ({ page }) => {
  await open(page);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const sameDocument = () => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

  await page.locator('footer').getByRole('link', { name: 'Tout savoir sur les cookies' }).click();
  await expect(page).toHaveURL(COOKIES);
  await expect(page.locator('h1')).toHaveText('Gestion des cookies');
  await expect(page).toHaveTitle('Gestion des cookies | Télécom Paris');
  await expect(page.locator('head link[rel=canonical]')).toHaveAttribute('href', `https://www.telecom-paris.fr${COOKIES}`);
  await expect(page.locator('head meta[name=description]')).toHaveCount(1);
  await expect(page.locator('nav [aria-current=page]')).toHaveText('Gestion des cookies');
  expect(await sameDocument()).toBe(true);

  await page.goBack();
  await expect(page).toHaveURL(PATH);
  await expect(page.locator('h1')).toHaveText('Notre raison d’être');
  await expect(page).toHaveTitle('Notre raison d’être | Télécom Paris');
  await expect(page.locator('head link[rel=canonical]')).toHaveAttribute('href', `https://www.telecom-paris.fr${PATH}`);
  expect(await sameDocument()).toBe(true);

  // From the banner's text and from the dialog too.
  await page.locator('.consent-banner').getByRole('link', { name: 'Tout savoir sur les cookies' }).click();
  await expect(page).toHaveURL(COOKIES);
  await page.goBack();
  await expect(page).toHaveURL(PATH);
  await page.locator('footer').getByRole('button', { name: 'Gestion des cookies' }).click();
  await page.locator('dialog').getByRole('link', { name: 'Tout savoir sur les cookies' }).click();
  await expect(page).toHaveURL(COOKIES);
  await expect(page.locator('dialog.consent-dialog')).toBeHidden();
  await expect(page.locator('main')).toBeFocused();
  expect(await sameDocument()).toBe(true);

  // The 404 view's way back is a link of the app too, once the app runs.
  await open(page, '/fr/nulle-part');
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await page.getByRole('link', { name: 'Retour à « Notre raison d’être »' }).click();
  await expect(page.locator('h1')).toHaveText('Notre raison d’être');
  expect(await sameDocument()).toBe(true);
});

test.describe('the cookie page', () => {
  test('tells what the policy says and shows no choice before the app has read it', async ({ page, thirdParty }) => {
    const release = await holdTheApp(page);
    await page.goto(COOKIES);
    const main = words(await page.locator('main').innerText());
    for (const { name, 'frame-origin': origin } of FACTS.policy.services) {
      await expect(page.getByRole('heading', { name, level: 3 })).toBeVisible();
      expect(main).toContain(origin);
    }
    expect(main).toContain(words(FACTS.policy.choiceLifetime));
    expect(main).toContain(KEY);
    expect(main).toContain('Global Privacy Control');
    // Before the app: the switches cannot be used, and no choice is shown as if known.
    await expect(page.locator('main').getByRole('switch', { name: 'YouTube' })).toBeDisabled();
    await expect(page.locator('main .consent-decided-at')).toHaveText('');
    await expect(page.locator('main .cookie-service-state').first()).toHaveText('');
    release();
    await expect(page.locator('main').getByRole('switch', { name: 'YouTube' })).toBeEnabled();
    await expect(page.locator('main')).toContainText('Vous n’avez encore fait aucun choix.');
    expect(thirdParty).toEqual([]);
  });

  test('shows the stored choice, when it was made and under which policy version', async ({ page }) => {
    await seed(page, validRecord({ ...everyService(false), youtube: true }, Date.UTC(2026, 10, 27, 12, 0)));
    await page.goto(COOKIES);
    const main = page.locator('main');
    await expect(main.getByRole('switch', { name: 'YouTube' })).toBeChecked();
    await expect(main.getByRole('switch', { name: 'Instagram' })).not.toBeChecked();
    await expect(main).toContainText('Choix actuel fait le 27 novembre 2026');
    await expect(main).toContainText(`version ${PUBLISHED_POLICY.version} de cette politique`);
  });

  test.describe('in New York', () => {
    test.use({ timezoneId: 'America/New_York' });
    test('the choice is dated on the visitor\'s clock, to the minute', async ({ page }) => {
      // 2026-11-01T03:30Z: still 31 October in New York, on summer time (UTC-4) until 06:00Z.
      await seed(page, validRecord({ ...everyService(false), youtube: true }, Date.UTC(2026, 10, 1, 3, 30)));
      await page.goto(COOKIES);
      await expect(page.locator('main .consent-decided-at')).toHaveText('Choix actuel fait le 31 octobre 2026 à 23:30.');
    });
  });

  test('links to the policy it publishes, whose version and day it shows, served as JSON', async ({ page, request }) => {
    await open(page, COOKIES);
    const link = page.locator('main').getByRole('link', { name: 'la politique en vigueur, lisible par une machine' });
    expect(await link.getAttribute('href')).toBe(PUBLISHED_POLICY_PATH);
    const response = await request.get(PUBLISHED_POLICY_PATH);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/json');
    expect(response.headers()['cache-control']).toBe(FACTS.cacheOther);
    const published = await response.json();
    expect(published).toEqual(PUBLISHED_POLICY);
    const main = page.locator('main');
    await expect(main).toContainText(`version ${published.version}`);
    const [year, month, day] = published.inForceFrom.split('-').map(Number);
    const inWords = new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
    expect(words(await main.innerText())).toContain(`en vigueur depuis le ${words(inWords.replace(/^1 /, '1er '))}`);
    // What the page lists is what the document says, service by service.
    for (const service of published.services) {
      await expect(page.getByRole('heading', { name: service.name, level: 3 })).toBeVisible();
      expect(words(await main.innerText())).toContain(words(service.purpose));
    }
    expect(published.canonical).toContain(`choice-lifetime-ms ${published.choiceLifetimeMs}`);
  });

  test('a switch there decides at once, is announced, and the main page follows in the same tab', async ({ page, thirdParty }) => {
    await open(page);
    await page.locator('footer').getByRole('link', { name: 'Tout savoir sur les cookies' }).click();
    await expect(page.locator('h1')).toHaveText('Gestion des cookies');
    await page.locator('main').getByRole('switch', { name: 'YouTube' }).check();
    await expect(page.getByRole('status')).toHaveText('YouTube est autorisé.');
    const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY)) ?? '{}');
    expect(stored.choices).toEqual({ youtube: true });
    expect(thirdParty, 'nothing loads on the cookie page itself').toEqual([]);
    await page.goBack();
    await expect(page.locator('h1')).toHaveText('Notre raison d’être');
    await expect(page.locator('iframe')).toHaveCount(1);
    await expect(page.locator('iframe')).toHaveAttribute('src', /youtube-nocookie/);
    await expect(page.locator('.consent-banner'), 'the others are still to decide').toBeVisible();
  });

  test('a change there reaches the main page in another tab', async ({ context, page }) => {
    await seed(page, validRecord({ ...everyService(false), youtube: false }));
    await open(page);
    const other = await context.newPage();
    await open(other, COOKIES);
    await other.locator('main').getByRole('switch', { name: 'Instagram' }).check();
    await expect(page.locator('iframe')).toHaveCount(1);
    await expect(page.locator('iframe')).toHaveAttribute('src', /instagram/);
    await other.locator('main').getByRole('switch', { name: 'Instagram' }).uncheck();
    await expect(page.locator('iframe')).toHaveCount(0);
  });
});
