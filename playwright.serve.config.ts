import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS } from './scripts/chromium.mjs';

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
  use: {
    browserName: 'chromium',
    serviceWorkers: 'block',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_FLAGS },
  },
});
