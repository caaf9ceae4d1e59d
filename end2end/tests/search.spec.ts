import { expect, test } from '@playwright/test';
import { gotoReady, SiteLayout } from './pages';

test('searching from the header opens the results with the query kept in the box', async ({ page }, testInfo) => {
  await gotoReady(page, '/', testInfo);
  await new SiteLayout(page).search('tenun');
  await expect(page).toHaveURL(/\/cari\?q=tenun$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hasil pencarian untuk “tenun”');
  await expect(new SiteLayout(page).searchBox).toHaveValue('tenun');
});

test('the results page lists matching products, and says plainly when nothing matches', async ({ page }, testInfo) => {
  await gotoReady(page, '/cari?q=tenun', testInfo);
  const layout = new SiteLayout(page);
  await expect(layout.main.getByRole('link', { name: /Selendang tenun ikat Amarasi/ })).toBeVisible();
  await expect(layout.searchBox).toHaveValue('tenun');
  await gotoReady(page, '/cari?q=zzqx', testInfo);
  await expect(layout.main.getByText('Tidak ada produk yang cocok. Coba kata lain atau hapus filter.')).toBeVisible();
});

test('a clear button appears after typing and empties the search box', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'js-on', 'the clear button is a JavaScript enhancement');
  await gotoReady(page, '/', testInfo);
  const layout = new SiteLayout(page);
  await expect(layout.clearButton).toBeHidden();
  await layout.searchBox.fill('kopi');
  await expect(layout.clearButton).toBeVisible();
  await layout.clearButton.click();
  await expect(layout.searchBox).toHaveValue('');
});

test('without JavaScript the clear button stays hidden', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'js-off', 'checks the page as served, before any island runs');
  await gotoReady(page, '/', testInfo);
  const layout = new SiteLayout(page);
  await layout.searchBox.fill('kopi');
  await expect(layout.searchBox).toHaveValue('kopi');
  await expect(layout.clearButton).toBeHidden();
});

test('an empty search is not sent', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'js-on', 'without JavaScript the browser submits the form as is');
  await gotoReady(page, '/', testInfo);
  const before = page.url();
  const searchRequest = page
    .waitForRequest((request) => new URL(request.url()).pathname === '/cari', { timeout: 1_000 })
    .catch(() => null);
  await new SiteLayout(page).searchButton.click();
  expect(await searchRequest, 'no request to /cari').toBeNull();
  expect(page.url()).toBe(before);
});

test('the results page fits a 360px wide phone without sideways scrolling', async ({ page }, testInfo) => {
  await gotoReady(page, '/cari?q=tenun', testInfo);
  expect(await new SiteLayout(page).scrollWidth()).toBeLessThanOrEqual(360);
});
