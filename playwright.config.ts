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
    // --single answers unknown paths with index.html, as `trunk serve` and the 404.html of
    // a static host do.
    command: 'sirv dist --single --host 127.0.0.1 --port 4173 --quiet',
    url: ORIGIN,
    reuseExistingServer: false,
  },
});
