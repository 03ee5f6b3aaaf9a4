// Debian's Chromium, as every test and benchmark here starts it. Never a downloaded browser.
export const CHROMIUM = '/usr/bin/chromium';

// As root in a container, without the network: no sandbox, no GPU, and none of the
// background requests that a closed network refuses.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

// Playwright's `use` for that Chromium, shared by the test configurations.
export const PLAYWRIGHT_CHROMIUM = {
  browserName: 'chromium',
  serviceWorkers: 'block',
  launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_FLAGS },
};
