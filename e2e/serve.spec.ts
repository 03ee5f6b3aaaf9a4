import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { test, expect, PATH } from './fixtures';

/**
 * `trunk serve` as a developer runs it after `make setup`, with a plain PATH (no
 * node_modules/.bin), in a copy of the project on a free port of 127.0.0.1: the page and its
 * consent banner, with no CSP violation nor console error (the fixtures), then an edit of
 * the text that the open page shows by reloading itself. Run by `make test-serve`.
 *
 * The copy has no node_modules: a debug build does not use it, and Trunk would watch it.
 * It builds in a target directory of its own, kept from run to run: Cargo names this
 * crate's artifacts after its path inside the project, the same in the copy, and judges
 * them by dates, so with target/ shared the project's next build could take the copy's
 * edited text for its own.
 */

const ROOT = process.cwd();
const LOG = join(ROOT, 'test-output', 'trunk-serve.log');
/** Not copied: built, installed or written by the tests. */
const LEFT_OUT = new Set(['.git', 'target', 'dist', 'node_modules', 'test-output', 'bench-output']);

const env = {
  ...process.env,
  PATH: [join(homedir(), '.cargo', 'bin'), ...(process.env.PATH ?? '').split(':').filter((dir) => !dir.includes('node_modules'))].join(':'),
  CARGO_TARGET_DIR: join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'trunk-serve-test'),
};

test('trunk is the version Trunk.toml pins, whose reload script src/site/document.rs knows', () => {
  const pinned = readFileSync('Trunk.toml', 'utf8').match(/^trunk-version = "(.+)"$/m)?.[1];
  expect(spawnSync('trunk', ['--version'], { env, encoding: 'utf8' }).stdout.trim()).toBe(`trunk ${pinned}`);
});

test.describe('trunk serve', () => {
  let copy: string;
  let trunk: ChildProcess | undefined;
  let origin: string;
  // Trunk, its cargo, the hook's node and cargo: one process group (Trunk's pid), stopped
  // whatever happens, even if the worker exits before afterAll.
  let group: number | undefined;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (group !== undefined) process.kill(-group, signal);
    } catch {
      // No process left in it.
    }
  };
  process.on('exit', () => signalGroup('SIGKILL'));

  test.beforeAll(async () => {
    // The first run compiles every dependency in debug, for wasm32 and the host.
    test.setTimeout(30 * 60_000);
    copy = mkdtempSync(join(tmpdir(), 'raison-etre-serve-'));
    cpSync(ROOT, copy, { recursive: true, filter: (src) => !LEFT_OUT.has(relative(ROOT, src).split(sep)[0]) });
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const log = openSync(LOG, 'w');
    trunk = spawn('trunk', ['serve', '--port', String(port)], { cwd: copy, env, detached: true, stdio: ['ignore', log, log] });
    group = trunk.pid;
    const started = Date.now();
    for (;;) {
      if (trunk.exitCode !== null || trunk.signalCode !== null) throw new Error(`trunk serve stopped; see ${LOG}`);
      const html = await fetch(`${origin}${PATH}`)
        .then((response) => response.text())
        .catch(() => '');
      if (html.includes('data-prerendered')) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    console.log(`trunk serve: first build served after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });

  test.afterAll(async () => {
    const exited = trunk?.exitCode === null && trunk.signalCode === null ? new Promise((resolve) => trunk?.once('exit', resolve)) : null;
    signalGroup('SIGTERM');
    if (exited) await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    signalGroup('SIGKILL');
    group = undefined;
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  test('serves the page, then reloads it by itself with the text just edited', async ({ page }) => {
    test.setTimeout(5 * 60_000);
    const socket = page.waitForEvent('websocket', { predicate: (ws) => ws.url().endsWith('/.well-known/trunk/ws'), timeout: 30_000 });
    await page.goto(`${origin}${PATH}`);
    await expect(page.locator('h1')).toHaveText('Notre raison d’être');
    // The banner shows before the app (the start-up script); only the running app enables this.
    await expect(page.locator('.consent-banner').getByRole('button', { name: 'Tout refuser' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Gestion des cookies' })).toBeEnabled();
    const reloadScripts = await page.evaluate(
      () => [...document.body.querySelectorAll('script')].filter((s) => s.textContent?.includes('.well-known/trunk/ws')).length,
    );
    expect(reloadScripts, "Trunk's reload script, after the page").toBe(1);
    expect((await socket).isClosed(), 'the reload script is connected').toBe(false);
    await page.evaluate(() => ((window as unknown as { beforeEdit: boolean }).beforeEdit = true));

    const source = join(copy, 'src', 'content', 'raison_etre.rs');
    const edit = `Paragraphe modifié pendant le test (${Date.now()}).`;
    const text = readFileSync(source, 'utf8');
    const edited = text.replace(/(Block::Paragraph\(\s*")/, `$1${edit} `);
    expect(edited, 'a paragraph to edit').not.toBe(text);
    const editedAt = Date.now();
    writeFileSync(source, edited);

    await expect(page.locator('main')).toContainText(edit, { timeout: 4 * 60_000 });
    console.log(`trunk serve: the edit was on the page ${((Date.now() - editedAt) / 1000).toFixed(1)} s after it was saved`);
    expect(await page.evaluate(() => (window as unknown as { beforeEdit?: boolean }).beforeEdit), 'a new document').toBeUndefined();
    await expect(page.locator('h1')).toHaveText('Notre raison d’être');
    await expect(page.locator('.consent-banner').getByRole('button', { name: 'Tout refuser' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Gestion des cookies' })).toBeEnabled();
  });
});

/** A port no one listens on now, on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
