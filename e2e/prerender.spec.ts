import { readFileSync } from 'node:fs';
import { test, expect, words } from './fixtures';

const PATH = '/fr/ecole/bref/raison-etre';

/** The paragraphs and subsection titles of the original page, from the project's copy. */
function sourceParagraphs(): string[] {
  const source = readFileSync('tests/fixtures/raison-etre.source.md', 'utf8');
  const body = source.split('# Notre raison d’être\n')[1].split('Nicolas Glady')[0];
  return body
    .split('\n\n')
    .map((p) => words(p.replace(/^####/, '')))
    .filter((p) => p.length > 0);
}

test('the built index.html holds the h1, every paragraph and the breadcrumbs', async ({ request }) => {
  for (const path of [PATH, '/']) {
    const html = await (await request.get(path)).text();
    const text = words(html.replace(/<[^>]+>/g, ' '));
    expect(html).toContain('<h1 id="article-title">Notre raison d’être</h1>');
    for (const paragraph of sourceParagraphs()) expect(text).toContain(paragraph);
    expect(text).toContain('Nicolas Glady – Directeur de Télécom Paris');
    for (const href of [
      'https://www.telecom-paris.fr',
      'https://www.telecom-paris.fr/fr',
      'https://www.telecom-paris.fr/fr/ecole',
      'https://www.telecom-paris.fr/fr/ecole/bref',
    ]) {
      expect(html).toContain(`<li><a href="${href}">`);
    }
    expect(html).toContain(`<a href="${PATH}" aria-current="page">`);
    expect(html, 'no banner before the app knows the choice').not.toContain('consent-banner"');
    expect(html, 'no third-party frame in the HTML').not.toContain('<iframe');
  }
  const notFound = await (await request.get('/404.html')).text();
  expect(notFound).toContain('<title>Page introuvable | Télécom Paris</title>');
  expect(notFound).toContain('<h1>Page introuvable</h1>');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page shows all its text, its breadcrumbs, and a note for the embeds', async ({ page, thirdParty }) => {
    await page.goto(PATH);
    await expect(page.locator('h1')).toHaveText('Notre raison d’être');
    const main = words(await page.locator('main').innerText());
    for (const paragraph of sourceParagraphs()) expect(main).toContain(paragraph);
    await expect(page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link')).toHaveCount(5);
    await expect(page.getByText('s’affichent avec JavaScript, et seulement avec votre accord')).toBeVisible();
    await expect(page.locator('.embed-grid'), 'buttons that cannot work are hidden').toBeHidden();
    await expect(page.getByRole('button', { name: 'Gestion des cookies' })).toBeHidden();
    await expect(page.locator('.consent-banner')).toHaveCount(0);
    await page.screenshot({ path: 'test-output/screenshots/no-javascript.png', fullPage: true });
    expect(thirdParty).toEqual([]);
  });
});

test('the app takes over without a frame of blank page, and says nothing about it', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  // Every frame painted from the first byte to the app's start must show the page.
  await page.addInitScript(() => {
    const frames: boolean[] = ((window as unknown as { frames_: boolean[] }).frames_ = []);
    const watch = () => {
      frames.push(document.querySelector('main h1') !== null);
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  await page.goto(PATH);
  const before = await page.evaluate(() => document.querySelector('h1'));
  expect(before).not.toBeNull();
  await page.waitForFunction(() => document.querySelector('.consent-banner') !== null);
  const frames = await page.evaluate(() => (window as unknown as { frames_: boolean[] }).frames_);
  expect(frames.length).toBeGreaterThan(1);
  expect(frames.filter((shown) => !shown), 'frames without the page').toEqual([]);
  expect(messages.filter((m) => /hydrat/i.test(m))).toEqual([]);
  // The app's markup is the pre-rendered markup: one main, one h1, the same text.
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveCount(1);
});
