// What a first visit to a shopper's page moves over the network: a phone on patchy 3G pays
// for every byte. Budgets: at most 150 KB in all, and at most 75 KB of JavaScript and
// WebAssembly. Shoppers' pages need no WebAssembly at all (the island bundle is for the
// vendor's photo form), and this holds them to it.
import { expect, test, type Page } from '@playwright/test';
import { gotoReady } from './pages';

const TOTAL_BUDGET = 150 * 1024;
const SCRIPT_BUDGET = 75 * 1024;

type Weight = { total: number; scripts: number; wasm: string[]; files: string[] };

/** Loads `path` in a fresh page and adds up the bytes each response carried. */
async function firstVisit(page: Page, path: string, testInfo: Parameters<typeof gotoReady>[2]): Promise<Weight> {
  const finished: Promise<void>[] = [];
  const weight: Weight = { total: 0, scripts: 0, wasm: [], files: [] };
  page.on('requestfinished', (request) => {
    finished.push(
      request.sizes().then((sizes) => {
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        const url = new URL(request.url()).pathname;
        weight.total += bytes;
        weight.files.push(`${url} ${bytes}`);
        if (/\.(js|wasm)$/.test(url)) weight.scripts += bytes;
        if (url.endsWith('.wasm')) weight.wasm.push(url);
      }),
    );
  });
  await gotoReady(page, path, testInfo);
  await page.waitForLoadState('networkidle');
  await Promise.all(finished);
  return weight;
}

test.describe('page weight', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'scripts load only with JavaScript on');

  for (const [name, path] of [
    ['home', '/'],
    ['search', '/cari?q=tenun'],
    ['vendor', '/pelapak/demo-1'],
  ] as const) {
    test(`a first visit to the ${name} page stays within budget and loads no WebAssembly`, async ({ page }, testInfo) => {
      const weight = await firstVisit(page, path, testInfo);
      expect(weight.wasm, weight.files.join('\n')).toEqual([]);
      expect(weight.scripts, weight.files.join('\n')).toBeLessThanOrEqual(SCRIPT_BUDGET);
      expect(weight.total, weight.files.join('\n')).toBeLessThanOrEqual(TOTAL_BUDGET);
    });
  }

  test('a first visit to a product page stays within budget and loads no WebAssembly', async ({ page, request }, testInfo) => {
    // Found without the browser, so its cache stays empty for the visit measured.
    const vendorPage = await (await request.get('/pelapak/demo-1')).text();
    const path = vendorPage.match(/href="(\/produk\/\d+)"/)?.[1];
    expect(path, 'a product of demo-1').toBeTruthy();
    const weight = await firstVisit(page, path!, testInfo);
    expect(weight.wasm, weight.files.join('\n')).toEqual([]);
    expect(weight.scripts, weight.files.join('\n')).toBeLessThanOrEqual(SCRIPT_BUDGET);
    expect(weight.total, weight.files.join('\n')).toBeLessThanOrEqual(TOTAL_BUDGET);
  });
});
