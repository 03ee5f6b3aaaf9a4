import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS } from './scripts/chromium.mjs';

/** Where the release build in dist/ is served during the tests; loopback only. */
export const ORIGIN = 'http://127.0.0.1:4173';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-output/playwright',
  forbidOnly: !!process.env.CI,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: ORIGIN,
    browserName: 'chromium',
    serviceWorkers: 'block',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_FLAGS },
  },
  webServer: {
    // As a static host serves dist/: unknown paths get 404.html with the status 404.
    command: 'node scripts/static-host.mjs dist 4173',
    url: ORIGIN,
    reuseExistingServer: false,
  },
});
