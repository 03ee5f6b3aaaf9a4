import { test, expect, words, PATH, pageBreadcrumbs, sourceParagraphs } from './fixtures';

test('the page shows every paragraph of the original, in order', async ({ page, thirdParty }) => {
  await page.goto(PATH);
  await expect(page.locator('h1')).toHaveText('Notre raison d’être');
  const main = words(await page.locator('main').innerText());
  let from = 0;
  const paragraphs = sourceParagraphs();
  expect(paragraphs).toHaveLength(10);
  for (const paragraph of paragraphs) {
    const at = main.indexOf(paragraph, from);
    expect(at, paragraph).toBeGreaterThanOrEqual(from);
    from = at + paragraph.length;
  }
  await expect(page.locator('.signature')).toHaveText('Nicolas Glady – Directeur de Télécom Paris');
  await expect(page.locator('blockquote.pull-quote')).toContainText('former, imaginer et entreprendre');
  await expect(page).toHaveTitle('Notre raison d’être | Télécom Paris');
  expect(thirdParty, 'requests that left 127.0.0.1').toEqual([]);
});

test('breadcrumbs lead to the school site and mark the current page', async ({ page }) => {
  await page.goto(PATH);
  const links = page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link');
  const crumbs = pageBreadcrumbs();
  await expect(links).toHaveText(crumbs.map((c) => c.label));
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(crumbs.map((c) => c.href));
  await expect(links.last()).toHaveAttribute('aria-current', 'page');
});

for (const short of ['/', '/fr']) {
  test(`${short} leads to the page`, async ({ page }) => {
    await page.goto(short);
    await expect(page).toHaveURL(PATH);
    await expect(page.locator('h1')).toHaveText('Notre raison d’être');
  });
}

test('an unknown path shows the 404 view, whose link leads back', async ({ page }) => {
  await page.goto('/fr/nulle-part');
  await expect(page.locator('h1')).toHaveText('Page introuvable');
  await expect(page).toHaveTitle('Page introuvable | Télécom Paris');
  await page.getByRole('link', { name: 'Retour à « Notre raison d’être »' }).click();
  await expect(page).toHaveURL(PATH);
  await expect(page.locator('h1')).toHaveText('Notre raison d’être');
});

for (const width of [375, 768, 1280]) {
  test(`fits a ${width} px wide screen`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(PATH);
    await expect(page.locator('h1')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'horizontal scroll').toBeLessThanOrEqual(0);
  });
}
