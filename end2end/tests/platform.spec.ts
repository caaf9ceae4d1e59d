import { expect, test } from '@playwright/test';
import { gotoReady } from './pages';

test('the liveness probe says the process is up', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('the readiness probe says the database answers', async ({ request }) => {
  const response = await request.get('/readyz');
  expect(response.status()).toBe(200);
  // scripts/test.sh runs the suite once per engine and says which.
  const engine = process.env.E2E_DATABASE ?? 'sqlite';
  expect(await response.json()).toEqual({ status: 'ready', database: engine });
});

test('the web app manifest names the app', async ({ request }) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.status()).toBe(200);
  expect((await response.json()).name).toBe('Pasar Purna');
});

test('the stylesheet has a content hash in its name and is cached for good', async ({ page, request }, testInfo) => {
  await gotoReady(page, '/', testInfo);
  // The hrefs of the stylesheets linked from <head>, read from the CSSOM rather than by selector.
  const hrefs = await page.evaluate(() =>
    Array.from(document.styleSheets)
      .filter((sheet) => sheet.href !== null && sheet.ownerNode?.parentNode === document.head)
      .map((sheet) => sheet.href as string),
  );
  expect(hrefs).toHaveLength(1);
  expect(hrefs[0]).toMatch(/\/pkg\/pasar-purna\.[0-9a-f]{16}\.css$/);

  const response = await request.get(hrefs[0]);
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('immutable');
});
