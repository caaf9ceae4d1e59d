// Script in what vendors type is shown as text and never runs, with and without hydration:
// a product whose name and description carry HTML and script payloads is listed through the
// real form, then its page, the search results and the vendor's list are opened in Chromium.
import { expect, type Page, test, type TestInfo } from '@playwright/test';
import { gotoReady } from './pages';

const DEMO_PASSWORD = 'purna-demo-2026';
/** "Se'i Babi Om Ferdi", an approved demo vendor (not the one the photo tests use). */
const VENDOR_LOGIN = '0852-3910-0002';

test.use({ viewport: { width: 360, height: 740 } });

function payloads(testInfo: TestInfo) {
  const tag = testInfo.project.name === 'js-on' ? 'Terang' : 'Gelap';
  return {
    word: `Xsswatch${tag}`,
    name: `Xsswatch${tag} <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`,
    description: `"><svg onload="window.__xss=3"></svg> <iframe src="javascript:window.__xss=4"></iframe> ${tag}`,
  };
}

async function logIn(page: Page, testInfo: TestInfo): Promise<void> {
  await gotoReady(page, '/masuk?lanjut=/lapak', testInfo);
  await page.getByLabel('Nomor HP atau email').fill(VENDOR_LOGIN);
  await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/lapak$/);
}

async function expectNothingRan(page: Page): Promise<void> {
  // page.evaluate runs even when the page's own JavaScript is off.
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
}

test('HTML and script in a product name and description are shown as text and never run', async ({ page }, testInfo) => {
  const { word, name, description } = payloads(testInfo);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await logIn(page, testInfo);
  await gotoReady(page, '/lapak/produk/baru', testInfo);
  const form = page.locator('form[action="/lapak/produk"]');
  await form.locator('input[name="name"]').fill(name.slice(0, 80));
  await form.locator('select[name="category"]').selectOption('kuliner');
  await form.locator('textarea[name="description"]').fill(description);
  await form.locator('input[name="price"]').fill('25000');
  await form.locator('select[name="unit"]').selectOption('porsi');
  await form.locator('select[name="availability"]').selectOption('ready');
  await form.getByRole('button', { name: 'Simpan produk' }).click();
  await expect(page).toHaveURL(/\/lapak\?selesai=produk$/);
  await expectNothingRan(page);

  const link = page.locator('a[href^="/lapak/produk/"]', { hasText: word }).first();
  const id = (await link.getAttribute('href'))?.split('/').pop();
  expect(id).toMatch(/^\d+$/);

  await gotoReady(page, `/produk/${id}`, testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<img src=x onerror=');
  await expect(page.locator('.story')).toContainText('<svg onload=');
  await expect(page.locator('main img[src="x"], main svg[onload], main iframe')).toHaveCount(0);
  await expectNothingRan(page);

  await gotoReady(page, `/cari?q=${word.slice(0, 6)}`, testInfo);
  await expect(page.locator('.product-card', { hasText: word })).toContainText('<script>');
  await expectNothingRan(page);
  expect(dialogs).toEqual([]);
});
