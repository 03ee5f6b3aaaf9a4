import { readFileSync } from 'node:fs';
import { test as base, expect, type Page, type Request } from '@playwright/test';
import { FACTS } from '../scripts/site.mjs';

/** What the site writer says of the site (src/site/facts.rs): the one source of the routes,
 * the host's rules and the policy in force that these tests take as given. */
export { FACTS };
const { page: PAGE, receiptPath: RECEIPT_PATH } = FACTS;

/**
 * Every test runs with two guards:
 * - a request to any host but our own is never sent: it is recorded and answered here with
 *   a small local page, so a test can assert which third parties were asked, and when;
 * - console errors, uncaught exceptions and Content-Security-Policy violations are
 *   collected and fail the test.
 */
export type Guards = {
  /** Every request that left for another origin, in order. */
  thirdParty: Request[];
  /** Whether the receipts of decisions reach nginx (else answered 204 here, so that the
   * rate limit of its route only sees the tests about it). */
  receiptsToServer: boolean;
  /** Console errors and uncaught exceptions seen by the page. */
  consoleErrors: string[];
};

export const test = base.extend<Guards & { guarded: void }>({
  thirdParty: async ({}, use) => use([]),
  receiptsToServer: [false, { option: true }],
  consoleErrors: async ({}, use) => use([]),
  guarded: [
    async ({ context, thirdParty, consoleErrors, receiptsToServer }, use) => {
      await context.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI}`),
        ),
      );
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.pathname === RECEIPT_PATH && !receiptsToServer) return route.fulfill({ status: 204 });
        if (url.hostname === '127.0.0.1') return route.continue();
        thirdParty.push(route.request());
        return route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: `<!doctype html><title>stub</title><p>stub for ${url.hostname}</p>`,
        });
      });
      context.on('page', (page) => {
        // A static host answers an unknown path with 404.html and the status 404, which
        // Chromium reports on the console: that one is the server's answer, not the page's
        // error. Any other failed load still counts.
        const documentsNotFound = new Set<string>();
        page.on('response', (response) => {
          if (response.request().resourceType() === 'document' && response.status() === 404) {
            documentsNotFound.add(response.url());
          }
        });
        page.on('console', (msg) => {
          if (msg.type() !== 'error') return;
          if (msg.text().includes('status of 404') && documentsNotFound.has(msg.location().url)) return;
          consoleErrors.push(msg.text());
        });
        page.on('pageerror', (err) => consoleErrors.push(String(err)));
      });
      await use();
      expect(consoleErrors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The hosts of the recorded third-party requests, sorted and without repeats. */
export function hostsOf(requests: Request[]): string[] {
  return [...new Set(requests.map((r) => new URL(r.url()).hostname))].sort();
}

/** Text with every kind of space folded to one ASCII space. */
export function words(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** The page's canonical path, where the host's redirects lead. */
export const PATH: string = PAGE;

/** The cookie page's path. */
export const COOKIES: string = FACTS.cookies;

/** Loads a page and waits until the app has read the stored choice (its buttons are live). */
export async function open(page: Page, path = PATH) {
  await page.goto(path);
  await expect(page.locator('h1')).toBeVisible();
  await appRunning(page);
}

/** The original page's breadcrumbs, label and address, from the project's copy; the last
 * is the page itself, whose address there is on the school's site. */
export function sourceBreadcrumbs(): { label: string; href: string }[] {
  const source = readFileSync('tests/fixtures/raison-etre.source.md', 'utf8');
  const line = source.split('\n').find((l) => l.startsWith('## ['));
  if (!line) throw new Error('the source has no breadcrumbs');
  return [...line.matchAll(/\[([^\]]+)\]\((\S+?)[ )]/g)].map((m) => ({ label: m[1], href: m[2] }));
}

/** The page's breadcrumbs as the app shows them: the source's, ending on the app's path. */
export function pageBreadcrumbs(): { label: string; href: string }[] {
  const crumbs = sourceBreadcrumbs();
  crumbs[crumbs.length - 1].href = PATH;
  return crumbs;
}

/** Scrolls the placeholders into view, where lazy embeds would load, and waits until the
 * last is shown: what must come first before "nothing was requested" means anything. */
export async function showPlaceholders(page: Page) {
  const last = page.locator('.embed-placeholder').last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
}

/** The services whose placeholders stand on the page, in order. */
export function placeholderServices(page: Page) {
  return page.locator('.embed:has(.embed-placeholder)').evaluateAll((es) => es.map((e) => e.getAttribute('data-service')));
}

/** The paragraphs and subsection titles of the original page, from the project's copy. */
export function sourceParagraphs(): string[] {
  const source = readFileSync('tests/fixtures/raison-etre.source.md', 'utf8');
  const body = source.split('# Notre raison d’être\n')[1].split('Nicolas Glady')[0];
  return body
    .split('\n\n')
    .map((p) => words(p.replace(/^####/, '')))
    .filter((p) => p.length > 0);
}

/** The app's one localStorage key, how long a choice lasts (about six months), and the
 * services, in the page's order: the policy in force's. */
export const KEY: string = FACTS.policy.storageKey;
export const SIX_MONTHS: number = FACTS.policy.choiceLifetimeMs;
export const SERVICES: string[] = FACTS.policy.services.map((service) => service.id);

/** The page's embeds, in order: each one's service and frame address (`content::embeds`). */
export const EMBEDS: { service: string; src: string }[] = FACTS.embeds.map(([service, src]: [string, string]) => ({ service, src }));
/** The services the page shows an embed of, in order. */
export const EMBEDDED_SERVICES: string[] = EMBEDS.map((embed) => embed.service);
/** The hosts the page's frames load from, once all are allowed: the documented origins. */
export const EMBED_HOSTS: string[] = [...new Set(EMBEDS.map((embed) => new URL(embed.src).hostname))].sort();

/** Every service of the policy, each with the same answer: a complete choice. */
export const everyService = (allowed: boolean): Record<string, boolean> => Object.fromEntries(SERVICES.map((s) => [s, allowed]));

/** The policy the build published (src/site/document.rs), whose version a stored choice answers. */
export const PUBLISHED_POLICY_PATH: string = FACTS.publishedPolicy;
export const PUBLISHED_POLICY = JSON.parse(readFileSync(`dist${PUBLISHED_POLICY_PATH}`, 'utf8'));

/** A valid record, as the app writes it. */
export function validRecord(choices: Record<string, boolean>, decidedAt = Date.now()) {
  const schema = FACTS.policy.recordSchema;
  const policy = PUBLISHED_POLICY.version;
  const receiptId = '5eed'.repeat(8);
  return JSON.stringify({ schema, policy, decidedAt, expiresAt: decidedAt + SIX_MONTHS, choices, receiptId });
}

/** The consent banner, and the settings dialog. */
export const banner = (page: Page) => page.locator('.consent-banner');
export const dialog = (page: Page) => page.locator('dialog.consent-dialog');

/** The text under the app's key, and the record it holds (`null`: nothing stored). */
export const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);
export const record = async (page: Page) => JSON.parse((await stored(page)) ?? 'null');

/** Stores `value` under the app's key before the app loads, in the top page only. */
export async function seed(page: Page, value: string) {
  await page.addInitScript(
    ([key, stored]) => {
      if (window === window.top) localStorage.setItem(key, stored);
    },
    [KEY, value],
  );
}

/** Holds the app's WebAssembly back until the returned function is called: what the page
 * does before the app has arrived. */
export async function holdTheApp(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return () => release();
}

/** From the page's first script on, paint timing says it knows paint entries and never
 * reports one. */
export async function silencePaintTiming(page: Page) {
  await page.addInitScript(() => {
    class Silent {
      static supportedEntryTypes = ['paint'];
      observe() {}
      disconnect() {}
    }
    (window as unknown as { PerformanceObserver: unknown }).PerformanceObserver = Silent;
  });
}

/** Waits until the app runs: « Gestion des cookies » is enabled by the app alone. */
export async function appRunning(page: Page) {
  await expect(page.getByRole('button', { name: 'Gestion des cookies' })).toBeEnabled();
}

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** Runs axe-core with the WCAG 2.2 AA tags and target-size on; returns what it found. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Injected through the DevTools protocol: the page's CSP rightly refuses inline scripts.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is the global the script above defined
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      rules: { 'target-size': { enabled: true } },
      // The embeds are third-party documents (stubs here), not ours to audit.
      iframes: false,
    });
    return results.violations.map(
      (v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
  return violations;
}
