import { expect, test } from '@playwright/test';
import { gotoReady, SiteLayout } from './pages';

test('an unknown address answers 404 with a page that still has the site around it', async ({ page }, testInfo) => {
  const response = await gotoReady(page, '/tidak-ada', testInfo);
  expect(response?.status()).toBe(404);
  const layout = new SiteLayout(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
  await expect(layout.header).toBeVisible();
  await expect(layout.homeLink).toBeVisible();
  await expect(layout.footer).toContainText(layout.text.timeNote);
});

test('the not-found page leads back to the home page', async ({ page }, testInfo) => {
  await gotoReady(page, '/tidak-ada', testInfo);
  const back = new SiteLayout(page).main.getByRole('link', { name: 'Kembali ke beranda' });
  await expect(back).toHaveAttribute('href', '/');
  await back.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Karya purna PMI Kota Kupang');
});

test('the not-found page speaks English to English visitors', async ({ page, context, baseURL }, testInfo) => {
  await context.addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
  const response = await gotoReady(page, '/tidak-ada', testInfo);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Back to the home page' })).toHaveAttribute('href', '/');
  await new SiteLayout(page, 'en').expectLanguage();
});

test('the not-found page fits a 360px wide phone without sideways scrolling', async ({ page }, testInfo) => {
  await gotoReady(page, '/tidak-ada', testInfo);
  expect(await new SiteLayout(page).scrollWidth()).toBeLessThanOrEqual(360);
});
