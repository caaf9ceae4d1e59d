// Accounts on a 360px phone, with JavaScript on and off: the forms are plain HTML posts, so
// both must behave the same.
import { expect, type Page, test } from '@playwright/test';
import { gotoReady, SiteLayout } from './pages';

/** A mobile number nobody else has registered in this run. */
function freshPhone(): { typed: string; shown: string } {
  const digits = String(Date.now() % 1e8).padStart(8, '0');
  const typed = `0812-${digits.slice(0, 4)} ${digits.slice(4)}`;
  return { typed, shown: `0812-${digits.slice(0, 4)}-${digits.slice(4)}` };
}

/** The login and registration forms, found the way a person finds them: by their labels. */
class AuthForm {
  constructor(readonly page: Page) {}

  get login() {
    return this.page.getByLabel('Nomor HP atau email');
  }

  get password() {
    return this.page.getByLabel(/^Kata sandi( baru)?$/);
  }

  async fill(login: string, password: string): Promise<void> {
    await this.login.fill(login);
    await this.password.fill(password);
  }
}

const DEMO_PASSWORD = 'purna-demo-2026';

test('a returnee registers with her phone number, logs out and logs in again', async ({ page }, testInfo) => {
  const phone = freshPhone();
  const password = 'tenun-ikat-sumba-77';
  const form = new AuthForm(page);

  await gotoReady(page, '/daftar', testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Daftar akun');
  await form.fill(phone.typed, password);
  await page.getByRole('button', { name: 'Buat akun' }).click();

  await expect(page).toHaveURL(/\/akun\?selesai=daftar$/);
  await expect(page.getByRole('status')).toHaveText('Akun Anda sudah dibuat dan Anda sudah masuk.');
  await expect(page.getByRole('definition').first()).toHaveText(phone.shown);
  await expect(new SiteLayout(page).nav.getByRole('link', { name: 'Akun' })).toBeVisible();
  expect(await new SiteLayout(page).scrollWidth()).toBeLessThanOrEqual(360);

  await page.getByRole('button', { name: 'Keluar', exact: true }).click();
  await expect(page).toHaveURL(/\/masuk\?selesai=keluar$/);
  await expect(page.getByRole('status')).toHaveText('Anda sudah keluar.');

  // The same number in another spelling is the same account.
  await form.fill(`+62 ${phone.typed.slice(1)}`, password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/akun$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Akun saya');
});

test('registration refuses bad input next to each field and keeps what was typed', async ({ page }, testInfo) => {
  const form = new AuthForm(page);
  await gotoReady(page, '/daftar', testInfo);
  await form.fill('0812-34', '1234');
  await page.getByRole('button', { name: 'Buat akun' }).click();

  await expect(page.getByRole('alert')).toContainText('Ada isian yang perlu diperbaiki');
  await expect(form.login).toHaveValue('0812-34');
  await expect(form.login).toHaveAttribute('aria-invalid', 'true');
  await expect(form.login).toHaveAccessibleDescription(/Nomor HP Indonesia memiliki 10 sampai 13 angka/);
  await expect(form.password).toHaveValue('');
  await expect(form.password).toHaveAccessibleDescription(/Kata sandi terlalu pendek/);
});

test('a registered number cannot register twice', async ({ page }, testInfo) => {
  const form = new AuthForm(page);
  await gotoReady(page, '/daftar', testInfo);
  await form.fill('+62 812 3456 0001', 'kopi-flores-enak-1');
  await page.getByRole('button', { name: 'Buat akun' }).click();
  await expect(form.login).toHaveAccessibleDescription(/sudah terdaftar/);
});

test('a wrong password gets one message that does not say whether the account exists', async ({ page }, testInfo) => {
  const form = new AuthForm(page);
  await gotoReady(page, '/masuk', testInfo);
  await form.fill('0813-3900-0002', 'bukan-sandinya');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Nomor HP/email atau kata sandi salah.');
  await expect(form.login).toHaveValue('0813-3900-0002');
});

test('a visitor who opens the account page is asked to log in and comes back after', async ({ page }, testInfo) => {
  const response = await gotoReady(page, '/akun', testInfo);
  expect(response?.status()).toBe(401);
  await page.getByRole('main').getByRole('link', { name: 'Masuk' }).click();
  await expect(page).toHaveURL(/\/masuk\?lanjut=\/akun$/);
  await new AuthForm(page).fill('pembeli@contoh.id', DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/akun$/);
  await expect(page.getByRole('definition').first()).toHaveText('pembeli@contoh.id');
});

test('an officer gives a reset link, and the link sets a new password once', async ({ page, browser }, testInfo) => {
  const form = new AuthForm(page);
  await gotoReady(page, '/masuk', testInfo);
  await form.fill('0811-3800-0002', DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('link', { name: 'Kelola pengguna' }).click();

  await page.getByLabel('Cari nomor HP atau email').fill('0813 3900 0001');
  await page.getByRole('button', { name: 'Cari', exact: true }).last().click();
  await page.getByRole('link', { name: '0813-3900-0001' }).click();
  await page.getByRole('button', { name: 'Buat tautan baru' }).click();
  const link = await page.locator('code').textContent();
  expect(link).toMatch(/\/atur-sandi\?kode=[\w-]{43}$/);
  expect(await new SiteLayout(page).scrollWidth()).toBeLessThanOrEqual(360);

  // The returnee opens the link on her own phone.
  const phone = await browser.newPage({ javaScriptEnabled: testInfo.project.name === 'js-on' });
  const path = new URL(link!).pathname + new URL(link!).search;
  await phone.goto(path);
  const newPassword = `sasando-${Date.now()}`;
  await phone.getByLabel('Kata sandi baru', { exact: true }).fill(newPassword);
  await phone.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await expect(phone).toHaveURL(/\/masuk\?selesai=sandi-baru$/);
  await new AuthForm(phone).fill('0813-3900-0001', newPassword);
  await phone.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(phone).toHaveURL(/\/akun$/);

  // Used once, it is dead.
  const again = await phone.goto(path);
  expect(again?.status()).toBe(410);
  await expect(phone.getByRole('alert')).toContainText('Tautan ini sudah tidak berlaku');
  await phone.close();
});
