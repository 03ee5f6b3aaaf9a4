import { test, expect, words, appRunning, PATH, COOKIES, pageBreadcrumbs, sourceParagraphs } from './fixtures';

test('the built index.html holds the h1, every paragraph and the breadcrumbs', async ({ request }) => {
  for (const path of [PATH, '/']) {
    const html = await (await request.get(path)).text();
    const text = words(html.replace(/<[^>]+>/g, ' '));
    expect(html).toContain('<h1 id="article-title">Notre raison d’être</h1>');
    for (const paragraph of sourceParagraphs()) expect(text).toContain(paragraph);
    expect(text).toContain('Nicolas Glady – Directeur de Télécom Paris');
    const crumbs = pageBreadcrumbs();
    for (const { href } of crumbs.slice(0, -1)) expect(html).toContain(`<li><a href="${href}">`);
    expect(html).toContain(`<a href="${PATH}" aria-current="page">`);
    expect(html, 'the banner is there, hidden until the page knows a choice is due').toContain(
      '<section id="consent-banner" hidden',
    );
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
    await expect(page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link')).toHaveText(
      pageBreadcrumbs().map((c) => c.label),
    );
    await expect(page.getByText('s’affichent avec JavaScript, et seulement avec votre accord')).toBeVisible();
    await expect(page.locator('.embed-grid'), 'buttons that cannot work are hidden').toBeHidden();
    await expect(page.getByRole('button', { name: 'Gestion des cookies' })).toBeHidden();
    await expect(page.locator('.consent-banner')).toBeHidden();
    expect(thirdParty).toEqual([]);
  });
});

test('the app hydrates the pre-rendered page: same nodes, no frame without the page, no warning', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  await page.addInitScript(() => {
    const w = window as unknown as { painted: boolean[]; firstH1: Element | null; lcp: Element[] };
    // Once a frame has shown the page, every later one must: the app never blanks it. (A
    // frame before the parser reached the h1 is the HTML arriving, not the app.)
    w.painted = [];
    const watch = () => {
      w.painted.push(document.querySelector('main h1') !== null);
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    // The h1 as parsed from the HTML, before any script of ours ran.
    document.addEventListener('DOMContentLoaded', () => (w.firstH1 = document.querySelector('h1')));
    w.lcp = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.lcp.push((entry as PerformanceEntry & { element: Element }).element);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(PATH);
  // The app has hydrated and read the (empty) stored choice: only it enables this button.
  // (The banner alone would not tell: the start-up script shows it before the app runs.)
  await expect(page.getByRole('button', { name: 'Gestion des cookies' })).toBeEnabled();
  const check = await page.evaluate(() => {
    const w = window as unknown as { painted: boolean[]; firstH1: Element | null; lcp: Element[] };
    return {
      frames: w.painted.length,
      painted: w.painted.includes(true),
      blank: w.painted.slice(w.painted.indexOf(true)).filter((shown) => !shown).length,
      sameH1: w.firstH1 !== null && w.firstH1 === document.querySelector('h1'),
      largestPaintsStillInPage: w.lcp.every((element) => element?.isConnected),
    };
  });
  expect(check.frames).toBeGreaterThan(1);
  expect(check.painted, 'a frame showed the page').toBe(true);
  expect(check.blank, 'frames without the page').toBe(0);
  expect(check.sameH1, 'the app kept the parsed nodes').toBe(true);
  expect(check.largestPaintsStillInPage, 'no largest paint was thrown away and painted again').toBe(true);
  expect(messages.filter((m) => /hydrat/i.test(m))).toEqual([]);
  // It is live: a choice still works on the hydrated markup.
  await page.getByRole('button', { name: 'Tout refuser' }).click();
  await expect(page.locator('.consent-banner')).toBeHidden();
});

// A part hydration did not find is built again, its element with it. An empty comment may
// go only from an element that was kept: a reactive part the app changed once it had read
// the stored choice (« Vous n’avez encore fait aucun choix. » where nothing stood).
test('hydration finds every node the HTML made, its empty comments included, and replaces none', async ({ page }) => {
  // Every node of the body as parsed, and its parent, before any script of ours ran on it.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const nodes: Node[] = [];
      const walker = document.createTreeWalker(document.body);
      while (walker.nextNode()) nodes.push(walker.currentNode);
      (window as unknown as { parsed: Node[] }).parsed = nodes;
      (window as unknown as { parents: Map<Node, Element | null> }).parents = new Map(nodes.map((n) => [n, n.parentElement]));
    });
  });
  for (const path of [PATH, COOKIES]) {
    await page.goto(path);
    await appRunning(page);
    const result = await page.evaluate(() => {
      const parsed = (window as unknown as { parsed: Node[] }).parsed;
      const parents = (window as unknown as { parents: Map<Node, Element | null> }).parents;
      return {
        comments: parsed.filter((node) => node.nodeType === Node.COMMENT_NODE).length,
        replaced: parsed
          .filter((node) => !node.isConnected)
          .filter((node) => node.nodeType !== Node.COMMENT_NODE || !parents.get(node)?.isConnected)
          .map((node) => `${node.nodeName} ${node.textContent?.slice(0, 40)}`),
      };
    });
    expect(result.comments, `${path}: tachys's markers, parsed as empty comments`).toBeGreaterThan(20);
    expect(result.replaced, `${path}: nodes the app did not find and made again`).toEqual([]);
  }
});

test('an address the build did not pre-render is built in place of the served page', async ({ page }) => {
  await page.goto('/fr/nulle-part');
  await expect(page.locator('h1')).toHaveText('Page introuvable');
  // Built in place of the served page, not beside it: one main, holding the 404 view only.
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.locator('main h1')).toHaveText(['Page introuvable']);
  await expect(page.locator('article')).toHaveCount(0);
});
