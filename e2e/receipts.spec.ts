// Proof of consent, end to end against the real nginx of deploy/nginx.conf: the receipt the
// server keeps for each decision, the one the visitor downloads, and what the server's route
// refuses. The tests of this file alone send receipts to nginx (the others answer them
// here), and run one after the other: the route's rate limit counts them all.
import { readFileSync } from 'node:fs';
import { test, expect, open, banner, dialog, record, COOKIES, EMBEDS, FACTS, PUBLISHED_POLICY, SERVICES } from './fixtures';

/** The route's address and limits, as the site writer sets them (src/site/nginx.rs). */
const {
  receiptPath: RECEIPT_PATH,
  receiptMaxBytes: RECEIPT_MAX_BYTES,
  receiptsPerMinute: RECEIPTS_PER_MINUTE,
  receiptBurst: RECEIPT_BURST,
} = FACTS;

test.use({ receiptsToServer: true });
test.describe.configure({ mode: 'serial' });

/** Where scripts/nginx.mjs has nginx write the receipts, for the tests' server. */
const LOG = 'test-output/nginx-4173/consent-receipts.log';
const logLines = (): string[] => {
  try {
    return readFileSync(LOG, 'utf8').split('\n').filter((line) => line.length > 0);
  } catch {
    return [];
  }
};

test('each decision leaves one line in the server log: the receipt, exactly, and nothing of the visitor', async ({ page }) => {
  await open(page);
  const sent = page.waitForRequest((request) => new URL(request.url()).pathname === RECEIPT_PATH);
  await banner(page).getByRole('button', { name: 'Tout refuser' }).click();
  const request = await sent;
  expect(request.method()).toBe('POST');
  expect(new URL(request.url()).origin, 'our own origin only').toBe(new URL(page.url()).origin);
  expect((await request.response())?.status()).toBe(204);
  const saved = await record(page);
  expect(saved.receiptId).toMatch(/^[0-9a-f]{32}$/);
  const lineOf = (id: string) => logLines().find((l) => l.includes(id));
  await expect.poll(() => lineOf(saved.receiptId), { message: 'the line is written' }).toBeDefined();
  const line = lineOf(saved.receiptId)!;
  const logged = JSON.parse(line);
  expect(Object.keys(logged)).toEqual(['receiptId', 'policy', 'decidedAt', 'choices']);
  expect(logged).toEqual({
    receiptId: saved.receiptId,
    policy: PUBLISHED_POLICY.version,
    decidedAt: saved.decidedAt,
    choices: saved.choices,
  });
  expect(line, 'no address, no browser, no page of origin').not.toMatch(/127\.0\.0\.1|Mozilla|Chrome|http/);
  // A second decision: a new receipt, a second line.
  await page.getByRole('button', { name: 'Gestion des cookies' }).click();
  await dialog(page).getByRole('button', { name: 'Tout accepter' }).click();
  const second = await record(page);
  expect(second.receiptId).not.toBe(saved.receiptId);
  await expect.poll(() => logLines().some((l) => l.includes(second.receiptId))).toBe(true);
});

test('« Télécharger mon reçu » gives the stored record as a JSON file', async ({ page }) => {
  await open(page);
  await banner(page).getByRole('button', { name: 'Réglages' }).click();
  await dialog(page).getByRole('switch', { name: 'YouTube' }).check();
  await dialog(page).getByRole('button', { name: 'Enregistrer' }).click();
  const saved = await record(page);
  await page.goto(COOKIES);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger mon reçu' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`recu-consentement-${saved.receiptId}.json`);
  const receipt = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(receipt).toEqual(saved);
  expect(receipt.policy).toBe(PUBLISHED_POLICY.version);
  expect(receipt.expiresAt - receipt.decidedAt).toBe(PUBLISHED_POLICY.choiceLifetimeMs);
  expect(receipt.choices).toEqual({ ...Object.fromEntries(SERVICES.map((s) => [s, false])), youtube: true });
});

test('with the route blocked, nothing changes for the visitor, and nothing is sent again', async ({ page, thirdParty, consoleErrors }) => {
  const sent: string[] = [];
  await page.route(`**${RECEIPT_PATH}`, (route) => {
    sent.push(route.request().postData() ?? '');
    return route.abort();
  });
  await open(page);
  await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
  await expect(banner(page)).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Choix enregistré : tous les contenus tiers sont autorisés.');
  expect((await record(page)).choices).toEqual(Object.fromEntries(SERVICES.map((s) => [s, true])));
  await expect(page.locator('iframe')).toHaveCount(EMBEDS.length);
  await page.locator('iframe').first().scrollIntoViewIfNeeded();
  await expect.poll(() => thirdParty.length).toBeGreaterThan(0);
  // No retry: the route's next request is the next decision's receipt, not the first again.
  await page.getByRole('button', { name: 'Gestion des cookies' }).click();
  await dialog(page).getByRole('button', { name: 'Tout refuser' }).click();
  await expect.poll(() => sent.length).toBe(2);
  expect(sent.map((body) => Object.values(JSON.parse(body).choices).every(Boolean))).toEqual([true, false]);
  // The browser's own line about each failed request is all the console says.
  const others = consoleErrors.filter((e) => !e.includes('ERR_FAILED'));
  expect(consoleErrors.length - others.length).toBeLessThanOrEqual(2);
  consoleErrors.splice(0, consoleErrors.length, ...others);
});

test('the route keeps only the shape the app sends: anything else is refused and logged nowhere', async ({ request }) => {
  const before = logLines().length;
  const good = {
    receiptId: '0123456789abcdef0123456789abcdef',
    policy: PUBLISHED_POLICY.version,
    decidedAt: 1790000000000,
    choices: { youtube: true, x: false },
  };
  for (const [body, status] of [
    [JSON.stringify({ ...good, receiptId: 'not-hex' }), 400],
    [JSON.stringify({ ...good, ip: '203.0.113.7' }), 400],
    [JSON.stringify({ ...good, choices: {} }), 400],
    ['{"receiptId":', 400],
    [`${JSON.stringify(good)}\n${JSON.stringify(good)}`, 400],
    [JSON.stringify({ ...good, choices: { [`x${'a'.repeat(RECEIPT_MAX_BYTES)}`]: true } }), 413],
  ] as const) {
    const response = await request.post(RECEIPT_PATH, { data: body, headers: { 'content-type': 'application/json' } });
    expect(response.status(), body.slice(0, 60)).toBe(status);
  }
  expect((await request.get(RECEIPT_PATH)).status(), 'POST only').toBe(403);
  expect(logLines().length).toBe(before);
  const ok = await request.post(RECEIPT_PATH, { data: JSON.stringify(good), headers: { 'content-type': 'application/json' } });
  expect(ok.status()).toBe(204);
  await expect.poll(() => logLines().length).toBe(before + 1);
  expect(logLines().at(-1)).toBe(JSON.stringify(good));
});

test('a flood is cut by the rate limit: the log grows by at most the burst and the rate', async ({ request }) => {
  const before = logLines().length;
  const statuses: number[] = [];
  const started = Date.now();
  // Twice the burst, as fast as one client sends them.
  for (let i = 0; i < 2 * RECEIPT_BURST; i++) {
    const body = JSON.stringify({
      receiptId: i.toString(16).padStart(32, '0'),
      policy: PUBLISHED_POLICY.version,
      decidedAt: 1790000000000 + i,
      choices: { youtube: false },
    });
    statuses.push((await request.post(RECEIPT_PATH, { data: body, headers: { 'content-type': 'application/json' } })).status());
  }
  const elapsed = Date.now() - started;
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  const kept = statuses.filter((s) => s === 204).length;
  // One, the burst, and what the rate gave back while the flood lasted.
  expect(kept).toBeLessThanOrEqual(1 + RECEIPT_BURST + Math.floor((elapsed * RECEIPTS_PER_MINUTE) / 60_000));
  await expect.poll(() => logLines().length).toBe(before + kept);
});
