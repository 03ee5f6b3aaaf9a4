// The pages with the visitor's own display settings: Windows high contrast (forced colours,
// as Chromium emulates it), a 320 px wide window (1280 px at 400 %), and WCAG 1.4.12's text
// spacing. The banner, the settings dialog and the cookie page keep every control visible
// and usable in each.
import type { Locator, Page } from '@playwright/test';
import { test, expect, axeViolations, open, banner, dialog, PATH, COOKIES } from './fixtures';

const openSettings = async (page: Page) => {
  await banner(page).getByRole('button', { name: 'Réglages' }).click();
  await expect(dialog(page)).toBeVisible();
};

/** How each control is drawn: its edge, and its outline once focused. */
async function controlEdges(controls: Locator) {
  return controls.evaluateAll((elements) =>
    elements
      .filter((e) => (e as HTMLElement).checkVisibility())
      .map((e) => {
        const style = getComputedStyle(e);
        const name = e.getAttribute('aria-label') ?? e.textContent?.trim() ?? e.id;
        return { name: `${e.tagName.toLowerCase()} ${name}`, edge: style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) >= 1 };
      }),
  );
}

test.describe('in forced colours', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
  });

  test('a switch looks different on and off, in the dialog and on the cookie page', async ({ page }) => {
    for (const [path, scope] of [
      [PATH, (p: Page) => dialog(p)],
      [COOKIES, (p: Page) => p.locator('.cookie-services')],
    ] as const) {
      await open(page, path);
      if (path === PATH) await openSettings(page);
      const toggle = scope(page).getByRole('switch').first();
      await expect(toggle).not.toBeChecked();
      const off = await toggle.screenshot({ animations: 'disabled' });
      await toggle.click();
      await expect(toggle).toBeChecked();
      const on = await toggle.screenshot({ animations: 'disabled' });
      expect(on.equals(off), `${path}: the switch is drawn the same on and off`).toBe(false);
    }
  });

  test('every control of the banner, the dialog and the pages has a visible edge', async ({ page }) => {
    await open(page);
    const onPage = await controlEdges(page.locator('button, input'));
    await openSettings(page);
    const inDialog = await controlEdges(dialog(page).locator('button, input'));
    await page.keyboard.press('Escape');
    await open(page, COOKIES);
    const onCookies = await controlEdges(page.locator('main button, main input'));
    const all = [...onPage, ...inDialog, ...onCookies];
    expect(all.length).toBeGreaterThan(15);
    expect(all.filter((c) => !c.edge).map((c) => c.name)).toEqual([]);
  });

  test('focus is visible on every control of the dialog, reached by keyboard', async ({ page }) => {
    await open(page);
    await banner(page).getByRole('button', { name: 'Réglages' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    const seen = new Map<string, { style: string; width: number }>();
    for (let press = 0; press < 40 && !seen.has('BUTTON Enregistrer'); press++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        const style = getComputedStyle(e);
        return { name: `${e.tagName} ${e.id || e.textContent?.trim()}`, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      seen.set(focused.name, focused);
    }
    const names = [...seen.keys()];
    expect(names.some((n) => n.startsWith('INPUT')) && names.some((n) => n.startsWith('BUTTON')), names.join(' | ')).toBe(true);
    for (const [name, outline] of seen) {
      expect(outline.style, name).not.toBe('none');
      expect(outline.width, name).toBeGreaterThanOrEqual(2);
    }
  });

  test('axe: no violation, banner, dialog and cookie page', async ({ page }) => {
    await open(page);
    expect(await axeViolations(page)).toEqual([]);
    await openSettings(page);
    expect(await axeViolations(page)).toEqual([]);
    await open(page, COOKIES);
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  /** How far the document scrolls sideways. */
  const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  for (const [name, path] of [
    ['the page, banner shown', PATH],
    ['the cookie page', COOKIES],
    ['the 404 document', '/fr/nulle-part'],
  ] as const) {
    test(`${name} does not scroll sideways, nor does the dialog`, async ({ page }) => {
      await open(page, path);
      await expect(banner(page)).toBeVisible();
      expect(await sideways(page)).toBe(0);
      await openSettings(page);
      expect(await dialog(page).evaluate((d) => d.scrollWidth - d.clientWidth)).toBe(0);
      expect(await sideways(page)).toBe(0);
    });
  }
});

test.describe("with WCAG 1.4.12's text spacing", () => {
  /** What 1.4.12 asks a page to bear, set as a reader's own styles would. */
  async function spaceText(page: Page) {
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
      );
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
  }

  /** The elements under `scope` that clip their content and have some clipped. */
  const clipped = (scope: Locator) =>
    scope.evaluate((root) =>
      [root, ...root.querySelectorAll('*')]
        .filter((e) => !e.closest('.visually-hidden') && (e as HTMLElement).checkVisibility())
        .filter((e) => {
          const style = getComputedStyle(e);
          const clips = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
          return (
            (clips(style.overflowX) && e.scrollWidth > e.clientWidth + 1) || (clips(style.overflowY) && e.scrollHeight > e.clientHeight + 1)
          );
        })
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
    );

  for (const width of [320, 1280]) {
    test(`nothing in the banner or the dialog is cut off at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await open(page);
      await spaceText(page);
      await expect(banner(page)).toBeVisible();
      expect(await clipped(banner(page))).toEqual([]);
      await openSettings(page);
      expect(await clipped(dialog(page))).toEqual([]);
      // Every button stays whole and reachable in the banner and the dialog.
      for (const button of await dialog(page).getByRole('button').all()) {
        await button.scrollIntoViewIfNeeded();
        await expect(button).toBeInViewport({ ratio: 1 });
      }
    });
  }
});
