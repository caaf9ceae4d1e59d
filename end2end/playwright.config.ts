import { defineConfig } from '@playwright/test';

// The server is started by an outer script (see scripts/), never by Playwright.
const baseURL = process.env.BASE_URL ?? 'http://127.0.0.1:3100';

// Playwright cannot download its own browsers here; use Debian's chromium.
const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL,
    viewport: { width: 360, height: 800 },
    locale: 'id-ID',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'js-on',
      use: { ...chromium, javaScriptEnabled: true },
    },
    {
      name: 'js-off',
      use: { ...chromium, javaScriptEnabled: false },
    },
  ],
});
