import { expect, test } from '@playwright/test';
import { gotoReady, SiteLayout } from './pages';

test('switching to English and back keeps the visitor on the same page', async ({ page }, testInfo) => {
  await gotoReady(page, '/cari?q=tenun', testInfo);
  const indonesian = new SiteLayout(page);
  await indonesian.expectLanguage();

  const english = await indonesian.switchLanguage('EN', testInfo);
  await expect(page).toHaveURL(/\/cari\?q=tenun$/);
  await english.expectLanguage();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search results for “tenun”');
  await expect(english.searchBox).toHaveValue('tenun');

  const back = await english.switchLanguage('ID', testInfo);
  await expect(page).toHaveURL(/\/cari\?q=tenun$/);
  await back.expectLanguage();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hasil pencarian untuk “tenun”');
});

test('the language switch stores the choice in a cookie and redirects back', async ({ request, baseURL }) => {
  // A browser sends its Origin with every form post; the server refuses posts without one.
  const response = await request.post('/bahasa', {
    form: { lang: 'en', next: '/cari?q=tenun' },
    headers: { origin: new URL(baseURL!).origin },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers()['location']).toBe('/cari?q=tenun');
  expect(response.headers()['set-cookie']).toMatch(/^lang=en;/);
});

test('a language switch posted from another site is refused', async ({ request }) => {
  const response = await request.post('/bahasa', {
    form: { lang: 'en', next: '/' },
    headers: { origin: 'https://evil.example' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()['set-cookie']).toBeUndefined();
  expect(await response.text()).toContain('Permintaan ditolak');
});

test('the home page in English uses English day names', async ({ page, context, baseURL }, testInfo) => {
  await context.addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
  await gotoReady(page, '/', testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Made by Kupang's returned migrant workers");
  const saboak = page.getByRole('region', { name: /^(Next SABOAK market|SABOAK is open this weekend)$/ });
  await expect(saboak.getByRole('time').first()).toHaveText(/^Saturday, \d{1,2} \p{L}+ \d{4}$/u);
});

test('the login page has an English title', async ({ page, context, baseURL }, testInfo) => {
  await context.addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
  await gotoReady(page, '/masuk', testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
});

test.describe('a browser that prefers English', () => {
  test.use({ locale: 'en-US', extraHTTPHeaders: { 'Accept-Language': 'en-US,en;q=0.9' } });

  test('gets English without choosing a language', async ({ page }, testInfo) => {
    await gotoReady(page, '/', testInfo);
    await new SiteLayout(page, 'en').expectLanguage();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Made by Kupang's returned migrant workers");
  });

  test('still gets Bahasa Indonesia once the visitor has chosen it', async ({ page, context, baseURL }, testInfo) => {
    await context.addCookies([{ name: 'lang', value: 'id', url: baseURL! }]);
    await gotoReady(page, '/', testInfo);
    await new SiteLayout(page, 'id').expectLanguage();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Karya purna PMI Kota Kupang');
  });
});
