import { expect, test } from '@playwright/test';
import { gotoReady, SiteLayout } from './pages';

test('the home page greets visitors in Bahasa Indonesia', async ({ page }, testInfo) => {
  const response = await gotoReady(page, '/', testInfo);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Pasar Purna/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Karya purna PMI Kota Kupang');
  await new SiteLayout(page).expectLanguage();
});

test('every page shares a header with the brand, the menu, the search box and a footer', async ({ page }, testInfo) => {
  await gotoReady(page, '/', testInfo);
  const layout = new SiteLayout(page);
  await expect(layout.homeLink).toHaveAttribute('href', '/');
  await expect(layout.accountLink).toHaveAttribute('href', '/masuk');
  await expect(layout.languageButton('ID')).toBeVisible();
  await expect(layout.languageButton('EN')).toBeVisible();
  await expect(layout.searchBox).toHaveAttribute('name', 'q');
  await expect(layout.main).toHaveAttribute('id', 'main');
  await expect(layout.footer).toContainText('Semua waktu dalam WITA (UTC+8).');
});

test('a keyboard user can skip straight to the content', async ({ page }, testInfo) => {
  await gotoReady(page, '/', testInfo);
  const layout = new SiteLayout(page);
  await page.keyboard.press('Tab');
  await expect(layout.skipLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(layout.main).toBeFocused();
});

test('the home page says when the next SABOAK market is, with Indonesian day names', async ({ page }, testInfo) => {
  await gotoReady(page, '/', testInfo);
  const saboak = page.getByRole('region', { name: /^SABOAK (berikutnya|buka akhir pekan ini)$/ });
  await expect(saboak.getByRole('heading', { level: 2 })).toBeVisible();
  const dates = saboak.getByRole('time');
  await expect(dates).toHaveText([/^Sabtu, \d{1,2} \p{L}+ \d{4}$/u, /^Minggu, \d{1,2} \p{L}+ \d{4}$/u]);
  await expect(dates.first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
});

test('the home page lists vendors from all six kecamatan of Kota Kupang', async ({ page }, testInfo) => {
  await gotoReady(page, '/', testInfo);
  const wilayah = page.getByRole('region', { name: 'Pelapak dari seluruh Kota Kupang' });
  await expect(wilayah.getByRole('heading', { level: 2 })).toHaveText('Pelapak dari seluruh Kota Kupang');
  await expect(wilayah.getByRole('listitem')).toHaveText([
    /^Alak\s*12 kelurahan$/,
    /^Kelapa Lima\s*5 kelurahan$/,
    /^Kota Lama\s*10 kelurahan$/,
    /^Kota Raja\s*8 kelurahan$/,
    /^Maulafa\s*9 kelurahan$/,
    /^Oebobo\s*7 kelurahan$/,
  ]);
});

test('the account link of a visitor leads to the login page', async ({ page }, testInfo) => {
  await gotoReady(page, '/', testInfo);
  await new SiteLayout(page).accountLink.click();
  await expect(page).toHaveURL(/\/masuk$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Masuk');
});

test('the home page fits a 360px wide phone without sideways scrolling', async ({ page }, testInfo) => {
  await gotoReady(page, '/', testInfo);
  expect(await new SiteLayout(page).scrollWidth()).toBeLessThanOrEqual(360);
});
