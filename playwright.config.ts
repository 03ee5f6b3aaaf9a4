import { defineConfig } from '@playwright/test';
import { PLAYWRIGHT_CHROMIUM } from './scripts/chromium.mjs';

/** Where the release build in dist/ is served during the tests; loopback only. */
export const ORIGIN = 'http://127.0.0.1:4173';

export default defineConfig({
  testDir: 'e2e',
  // `trunk serve` has its own run: playwright.serve.config.ts.
  testIgnore: 'serve.spec.ts',
  outputDir: 'test-output/playwright',
  forbidOnly: !!process.env.CI,
  workers: 2,
  reporter: [['list']],
  use: { ...PLAYWRIGHT_CHROMIUM, baseURL: ORIGIN },
  webServer: {
    // nginx with deploy/nginx.conf, as deployed; its files go to test-output/nginx-4173/.
    command: 'node scripts/nginx.mjs dist 4173',
    url: ORIGIN,
    reuseExistingServer: false,
  },
});
