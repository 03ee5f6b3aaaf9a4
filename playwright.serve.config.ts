import { defineConfig } from '@playwright/test';
import { PLAYWRIGHT_CHROMIUM } from './scripts/chromium.mjs';

/**
 * `trunk serve` (e2e/serve.spec.ts), apart from the release suite: the spec starts and
 * stops Trunk itself, in a copy of the project, and one debug build at a time is plenty
 * for two cores.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: 'serve.spec.ts',
  outputDir: 'test-output/playwright-serve',
  forbidOnly: !!process.env.CI,
  workers: 1,
  reporter: [['list']],
  use: PLAYWRIGHT_CHROMIUM,
});
