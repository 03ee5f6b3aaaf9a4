import { defineConfig } from '@playwright/test';

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
    launchOptions: {
      // Debian's Chromium: Playwright never downloads a browser here.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: {
    // --single answers unknown paths with index.html, as `trunk serve` and the 404.html of
    // a static host do.
    command: 'sirv dist --single --host 127.0.0.1 --port 4173 --quiet',
    url: ORIGIN,
    reuseExistingServer: false,
  },
});
