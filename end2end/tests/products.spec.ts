// A vendor lists a product from her phone; a shopper finds it by part of a word and reaches
// the vendor on WhatsApp. JavaScript on and off (plain forms and links).
import { expect, test } from '@playwright/test';
import { gotoReady, SiteLayout } from './pages';

const DEMO_PASSWORD = 'purna-demo-2026';

test('a vendor lists a product and a shopper finds it by a partial word', async ({ page, browser }, testInfo) => {
  // Demo vendor "Tenun Ikat Mama Yuli"; a name unique to this run and project.
  const word = `Sumbaikat${testInfo.project.name === 'js-on' ? 'Terang' : 'Gelap'}${Date.now() % 100000}`;
  await gotoReady(page, '/masuk?lanjut=/lapak', testInfo);
  await page.getByLabel('Nomor HP atau email').fill('0852-3910-0001');
  await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/lapak$/);

  await page.getByRole('link', { name: 'Tambah produk' }).click();
  await page.getByRole('button', { name: 'Simpan produk' }).click();
  await expect(page.getByLabel('Nama produk')).toHaveAccessibleDescription(/wajib diisi/);

  await page.getByLabel('Nama produk').fill(`Selendang ${word}`);
  await page.getByLabel('Kategori').selectOption({ label: 'Tenun & fesyen' });
  await page.getByLabel('Keterangan').fill('Selendang tenun ikat warna cerah, 180 × 50 cm.');
  await page.getByLabel('Harga (Rupiah)').fill('275.000');
  await page.getByLabel('Satuan harga').selectOption('lembar');
  await page.getByLabel('Ketersediaan').selectOption('ready');
  await page.getByRole('button', { name: 'Simpan produk' }).click();
  await expect(page).toHaveURL(/\/lapak\?selesai=produk$/);
  await expect(page.getByRole('status')).toHaveText('Produk tersimpan.');
  await expect(page.getByRole('link', { name: `Selendang ${word}` })).toBeVisible();
  expect(await new SiteLayout(page).scrollWidth()).toBeLessThanOrEqual(360);

  // A shopper, not logged in, searches for the first letters of the word.
  const shopper = await browser.newPage({ javaScriptEnabled: testInfo.project.name === 'js-on', locale: 'id-ID' });
  await shopper.goto(`/cari?q=${encodeURIComponent(word.slice(0, 12).toLowerCase())}`);
  const result = shopper.getByRole('link', { name: new RegExp(`Selendang ${word}`) });
  await expect(result).toBeVisible();
  await result.click();
  await expect(shopper.getByRole('heading', { level: 1 })).toHaveText(`Selendang ${word}`);
  await expect(shopper.getByText('Rp275.000')).toBeVisible();
  const chat = shopper.getByRole('link', { name: 'Chat penjual lewat WhatsApp' });
  await expect(chat).toHaveAttribute('href', /^https:\/\/wa\.me\/6285239100001\?text=.*Selendang/);
  expect(await shopper.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shopper.close();
});

test('a shopper who is not a vendor is told to apply before listing', async ({ page }, testInfo) => {
  await gotoReady(page, '/masuk?lanjut=/lapak', testInfo);
  await page.getByLabel('Nomor HP atau email').fill('pembeli@contoh.id');
  await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/lapak$/);
  await expect(page.getByText(/setelah pengajuan pelapak Anda disetujui/)).toBeVisible();
});
