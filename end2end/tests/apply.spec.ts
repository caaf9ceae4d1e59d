// Vendor applications on a 360px phone, with JavaScript on and off: a returnee applies in
// steps, the Dinas asks for a fix, she sends it again, the Dinas approves, and her shop page
// goes public. Every form is a plain HTML post, so both projects must behave the same.
//
// Both projects run against the same server database, so each test registers its own fresh
// account (the demo returnees' passwords may be changed by accounts.spec.ts) and uses a
// business name and NIK no other test or project uses.
import { type Browser, expect, type Page, test, type TestInfo } from '@playwright/test';
import { gotoReady, SiteLayout } from './pages';

const DEMO_PASSWORD = 'purna-demo-2026';
const ADMIN_LOGIN = '0811-3800-0002';

/** A 320×240 JPEG (orange into green): photos must be at least 200 px on their shorter side.
 * Small enough to live here; the server re-encodes it. */
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1R' +
    'V19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2Nj' +
    'Y2NjY2NjY2NjY2NjY2P/wAARCADwAUADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAA' +
    'AgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6' +
    'Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXG' +
    'x8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREA' +
    'AgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5' +
    'OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPE' +
    'xcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwC/SUtJXgHtsSkpaSmSwpKWkpkCUlLSUyWJ' +
    'RRRTJYlJS0lMliUlLSUyWJRRRTIYlJS0lMliGkpTSUyWJSGlpDTJYUlLSUyWJSUtJTJYlJS0lMgKSlpKZLEpKWkpksSiiimS' +
    'xKSlpKZLEpKWkpkiUUUUyGdBSUtJXmH1TEpKWkpksKSlpKZAlJS0lMliUUUUyWJSUtJTJYlJS0lMliUUUUyGJSUtJTJYhpKU' +
    '0lMliUhpaQ0yWFJS0lMliUlLSUyWJSUtJTICkpaSmSxKSlpKZLEooopksSkpaSmSxKSlpKZIlFFFMhnQUlLSV5h9UxKSlpKZ' +
    'LCkpaSmQJSUtJTJYlFFFMliUlLSUyWJSUtJTJYlFFFMhiUlLSUyWIaSlNJTJYlIaWkNMlhSUtJTJYlJS0lMliUlLSUyApKWk' +
    'pksSkpaSmSxKKKKZLEpKWkpksSkpaSmSJRRRTIZ0FJS0leYfVMSkpaSmSwpKWkpkCUlLSUyWJRRRTJYlJS0lMliUlLSUyWJR' +
    'RRTIYlJS0lMliGkpTSUyWJSGlpDTJYUlLSUyWJSUtJTJYlJS0lMgKSlpKZLEpKWkpksSiiimSxKSlpKZLEpKWkpkiUUUUyGd' +
    'BSUtJXmH1TEpKWkpksKSlpKZAlJS0lMliUUUUyWJSUtJTJYlJS0lMliUUUUyGJSUtJTJYhpKU0lMliUhpaQ0yWFJS0lMliUl' +
    'LSUyWJSUtJTICkpaSmSxKSlpKZLEooopksSkpaSmSxKSlpKZIlFFFMhnQUlLSV5h9UxKSlpKZLCkpaSmQJSUtJTJYlFFFMli' +
    'UlLSUyWJSUtJTJYlFFFMhiUlLSUyWIaSlNJTJYlIaWkNMlhSUtJTJYlJS0lMliUlLSUyApKWkpksSkpaSmSxKKKKZLEpKWkp' +
    'ksSkpaSmSJRRRTIZ0FJS0leYfVMSkpaSmSwpKWkpkCUlLSUyWJRRRTJYlJS0lMliUlLSUyWJRRRTIYlJS0lMliGkpTSUyWJS' +
    'GlpDTJYUlLSUyWJSUtJTJYlJS0lMgKSlpKZLEpKWkpksSiiimSxKSlpKZLEpKWkpkiUUUUyGdBSUtJXmH1TEpKWkpksKSlpK' +
    'ZAlJS0lMliUUUUyWJSUtJTJYlJS0lMliUUUUyGJSUtJTJYhpKU0lMliUhpaQ0yWFJS0lMliUlLSUyWJSUtJTICkpaSmSxKSl' +
    'pKZLEooopksSkpaSmSxKSlpKZIlFFFMhnQUlLSV5h9UxKSlpKZLCkpaSmQJSUtJTJYlFFFMliUlLSUyWJSUtJTJYlFFFMhiU' +
    'lLSUyWIaSlNJTJYlIaWkNMlhSUtJTJYlJS0lMliUlLSUyApKWkpksSkpaSmSxKKKKZLEpKWkpksSkpaSmSJRRRTIZ0FJS0le' +
    'YfVMSkpaSmSwpKWkpkCUlLSUyWJRRRTJYlJS0lMliUlLSUyWJRRRTIYlJS0lMliGkpTSUyWJSGlpDTJYUlLSUyWJSUtJTJYl' +
    'JS0lMgKSlpKZLEpKWkpksSiiimSxKSlpKZLEpKWkpkiUUUUyGdBSUtJXmH1TEpKWkpksKSlpKZAlJS0lMliUUUUyWJSUtJTJ' +
    'YlJS0lMliUUUUyGJSUtJTJYhpKU0lMliUhpaQ0yWFJS0lMliUlLSUyWJSUtJTICkpaSmSxKSlpKZLEooopksSkpaSmSxKSlp' +
    'KZIlFFFMhnQUlLSV5h9UxKSlpKZLCkpaSmQJSUtJTJYlFFFMliUlLSUyWJSUtJTJYlFFFMhiUlLSUyWIaSlNJTJYlIaWkNMl' +
    'hSUtJTJYlJS0lMliUlLSUyApKWkpksSkpaSmSxKKKKZLEpKWkpksSkpaSmSJRRRTIZ0FJS0leYfVMSkpaSmSwpKWkpkCUlLS' +
    'UyWJRRRTJYlJS0lMliUlLSUyWJRRRTIYlJS0lMliGkpTSUyWJSGlpDTJYUlLSUyWJSUtJTJYlJS0lMgKSlpKZLEpKWkpksSi' +
    'iimSxKSlpKZLEpKWkpkiUUUUyGdBSUtJXmH1TEpKWkpksKSlpKZAlJS0lMliUUUUyWJSUtJTJYlJS0lMliUUUUyGJSUtJTJY' +
    'hpKU0lMliUhpaQ0yWFJS0lMliUlLSUyWJSUtJTICkpaSmSxKSlpKZLEooopksSkpaSmSxKSlpKZIlFFFMhnQUlLSV5h9UxKS' +
    'lpKZLCkpaSmQJSUtJTJYlFFFMliUlLSUyWJSUtJTJYlFFFMhiUlLSUyWIaSlNJTJYlIaWkNMlhSUtJTJYlJS0lMliUlLSUyA' +
    'pKWkpksSkpaSmSxKKKKZLEpKWkpksSkpaSmSJRRRTIZ//9k=',
  'base64',
);

/** The catalogue texts (app/locales/id/main.ftl) these tests look for. */
const text = {
  dashboardTitle: 'Pengajuan pelapak saya',
  statusNone: 'Belum dimulai',
  statusSubmitted: 'Menunggu pemeriksaan',
  statusChanges: 'Perlu diperbaiki',
  statusResubmitted: 'Dikirim ulang, menunggu pemeriksaan',
  statusApproved: 'Disetujui — Anda pelapak Pasar Purna',
  noticeSubmitted: 'Pengajuan terkirim. Petugas akan memeriksanya; kabar berikutnya muncul di halaman ini.',
  stepBusiness: 'Usaha Anda',
  saveNext: 'Simpan dan lanjut',
  goSubmit: 'Periksa dan kirim pengajuan',
  submit: 'Kirim pengajuan',
  consent: 'Saya setuju data saya diproses sesuai pemberitahuan privasi tersebut',
  showReturnee: 'Tampilkan lencana "Purna PMI" dan negara penempatan di halaman toko saya',
  businessPhoto: 'Foto usaha atau produk (boleh dilewati)',
  photoKept: 'Foto sudah tersimpan. Pilih foto lain hanya bila ingin menggantinya.',
  eventRequestChanges: 'Petugas meminta perbaikan',
  eventResubmit: 'Pengajuan dikirim ulang',
  eventApprove: 'Pengajuan disetujui',
  seeProfile: 'Lihat halaman toko saya',
  fixFields: 'Ada isian yang perlu diperbaiki. Lihat pesan di bawah setiap kolom.',
  required: 'Kolom ini wajib diisi.',
  notAnImage: 'Berkas ini bukan foto. Pilih foto JPEG, PNG atau WebP.',
  nikLength: 'NIK terdiri dari 16 angka.',
  nikBirthDate:
    'Angka ke-7 sampai ke-12 NIK harus tanggal lahir (untuk perempuan, tanggal ditambah 40). Periksa lagi KTP Anda.',
  nikTaken: 'NIK ini sudah dipakai pada pengajuan lain. Bila ini NIK Anda, hubungi kantor Dinas.',
  consentError: 'Centang persetujuan untuk mengirim pengajuan.',
  incomplete: 'Masih ada langkah yang belum lengkap.',
  missing: 'Lengkapi dulu:',
  reviewSearch: 'Cari nama usaha atau pemilik',
  reviewMessage: 'Pesan untuk pemohon',
  requestChanges: 'Minta perbaikan',
  approve: 'Setujui',
  suspend: 'Bekukan toko',
  badgePurna: 'Purna PMI',
  whatsapp: 'Hubungi lewat WhatsApp',
} as const;

/** A mobile number nobody else has registered (accounts.spec.ts uses 0812, this file 0852). */
function freshPhone(): { typed: string; shown: string } {
  const digits = String(Date.now() % 1e8).padStart(8, '0');
  return {
    typed: `0852 ${digits.slice(0, 4)} ${digits.slice(4)}`,
    shown: `0852-${digits.slice(0, 4)}-${digits.slice(4)}`,
  };
}

/**
 * A valid NIK no other run or project uses: Kota Kupang region 537101, a woman born on the
 * 11th (js-on) or 12th (js-off) of August 1990 (day + 40), and a serial from the clock that
 * stays clear of the demo vendors' 99xx.
 */
function freshNik(testInfo: TestInfo): { typed: string; masked: string; digits: string } {
  const day = 40 + (testInfo.project.name === 'js-on' ? 11 : 12);
  const serial = String((Date.now() % 8900) + 1000);
  const digits = `537101${day}0890${serial}`;
  return {
    typed: `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8, 12)} ${serial}`,
    masked: `5371********${serial}`,
    digits,
  };
}

/** Registers a new account and leaves the page logged in. */
async function registerApplicant(page: Page, testInfo: TestInfo): Promise<{ typed: string; shown: string }> {
  const phone = freshPhone();
  await gotoReady(page, '/daftar', testInfo);
  await page.getByLabel('Nomor HP atau email').fill(phone.typed);
  await page.getByLabel('Kata sandi baru', { exact: true }).fill(`lontar-rote-${Date.now()}`);
  await page.getByRole('button', { name: 'Buat akun' }).click();
  await expect(page).toHaveURL(/\/akun\?selesai=daftar$/);
  return phone;
}

/** Logs in at /masuk in a new browser context (another person on another phone). */
async function loginElsewhere(browser: Browser, testInfo: TestInfo, login: string): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: testInfo.project.name === 'js-on',
    viewport: { width: 360, height: 800 },
    locale: 'id-ID',
  });
  const page = await context.newPage();
  await gotoReady(page, '/masuk', testInfo);
  await page.getByLabel('Nomor HP atau email').fill(login);
  await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/akun$/);
  return page;
}

/** The status shown on the applicant's dashboard (or the reviewer's page). */
function status(page: Page, name: string) {
  return page.getByRole('main').getByText(name, { exact: true });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await new SiteLayout(page).scrollWidth()).toBeLessThanOrEqual(360);
}

test('apply, fix what the Dinas asks, send again, get approved and see the shop page', async ({ page, browser }, testInfo) => {
  // Some thirty page loads against a debug server, for two people: more than the default 30 s
  // when the machine is busy.
  test.setTimeout(120_000);
  const stamp = `${testInfo.project.name} ${Date.now() % 1e6}`;
  const businessName = `Se'i Oma Lena ${stamp}`;
  const description = "Se'i sapi asap kayu kosambi dan sambal lu'at buatan sendiri.";
  const fixedDescription = `${description} Gerobak di depan Pasar Oeba setiap sore, RT 05/RW 02.`;
  const requestMessage = `Mohon tulis di mana gerobak Anda berjualan (${stamp}).`;
  const nik = freshNik(testInfo);

  const phone = await test.step('register and open the application', async () => {
    const phone = await registerApplicant(page, testInfo);
    await gotoReady(page, '/pengajuan', testInfo);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.dashboardTitle);
    await expect(status(page, text.statusNone)).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.getByRole('link', { name: text.stepBusiness }).click();
    await expect(page).toHaveURL(/\/pengajuan\/usaha$/);
    return phone;
  });

  await test.step('step 1: the business, with a photo', async () => {
    await expect(page.getByText('Langkah 1 dari 5')).toBeVisible();
    await page.getByLabel('Nama usaha', { exact: true }).fill(businessName);
    await page.getByLabel('Jenis usaha').selectOption({ label: 'Kuliner' });
    await page.getByLabel('Apa yang Anda jual').fill(description);
    await page.getByLabel(text.businessPhoto).setInputFiles({
      name: 'gerobak.jpg',
      mimeType: 'image/jpeg',
      buffer: TINY_JPEG,
    });
    await expectNoSidewaysScroll(page);
    await page.getByRole('button', { name: text.saveNext }).click();
    await expect(page).toHaveURL(/\/pengajuan\/pemilik$/);
  });

  await test.step('step 2: the owner, with WhatsApp prefilled from the account', async () => {
    await expect(page.getByLabel('Nomor WhatsApp')).toHaveValue(phone.shown);
    await page.getByLabel('Nama lengkap pemilik').fill('Magdalena Oematan');
    await page.getByLabel('Jenis kelamin').selectOption({ label: 'Perempuan' });
    await page.getByLabel('Kelurahan tempat tinggal').selectOption({ label: 'Oesapa — Kelapa Lima' });
    await page.getByLabel('Alamat', { exact: true }).fill('Jl. Timor Raya No. 12, Oesapa');
    await expectNoSidewaysScroll(page);
    await page.getByRole('button', { name: text.saveNext }).click();
    await expect(page).toHaveURL(/\/pengajuan\/purna$/);
  });

  await test.step('step 3: the years abroad, showing the Purna PMI badge', async () => {
    await page.getByLabel('Negara penempatan terakhir').fill('Hong Kong');
    await page.getByLabel('Berapa tahun bekerja di luar negeri').fill('6');
    await page.getByLabel('Tahun kembali ke Indonesia').fill('2024');
    await page.getByRole('checkbox', { name: text.showReturnee }).check();
    await page.getByRole('button', { name: text.saveNext }).click();
    await expect(page).toHaveURL(/\/pengajuan\/identitas$/);
  });

  await test.step('step 4: the NIK', async () => {
    await page.getByLabel('NIK (16 angka di KTP)').fill(nik.typed);
    await page.getByRole('button', { name: text.saveNext }).click();
    await expect(page).toHaveURL(/\/pengajuan\/kirim$/);
  });

  await test.step('step 5: sending without consent is refused, with consent it goes', async () => {
    await expect(page.getByText(text.missing)).toHaveCount(0);
    await page.getByRole('button', { name: text.submit }).click();
    const consent = page.getByRole('checkbox', { name: text.consent });
    await expect(page.getByRole('alert')).toHaveText(text.fixFields);
    await expect(consent).toHaveAttribute('aria-invalid', 'true');
    await expect(consent).toHaveAccessibleDescription(text.consentError);
    await expect(consent).not.toBeChecked();
    await expectNoSidewaysScroll(page);

    await consent.check();
    await page.getByRole('button', { name: text.submit }).click();
    await expect(page).toHaveURL(/\/pengajuan\?selesai=terkirim$/);
    await expect(page.getByRole('status')).toHaveText(text.noticeSubmitted);
    await expect(status(page, text.statusSubmitted)).toBeVisible();
    // Under review, the steps are locked.
    await expect(page.getByRole('link', { name: text.stepBusiness })).toHaveCount(0);
  });

  const admin = await loginElsewhere(browser, testInfo, ADMIN_LOGIN);
  try {
    const reviewUrl = await test.step('the Dinas finds it, sees the NIK masked, and asks for a fix', async () => {
      await gotoReady(admin, '/admin/pengajuan', testInfo);
      const main = admin.getByRole('main');
      await main.getByLabel(text.reviewSearch).fill(businessName);
      await main.getByRole('button', { name: 'Cari', exact: true }).click();
      await expect(admin).toHaveURL(/\/admin\/pengajuan\?q=/);
      await expect(main.getByRole('heading', { name: '1 pengajuan', exact: true })).toBeVisible();
      await expectNoSidewaysScroll(admin);
      await main.getByRole('link', { name: businessName }).click();

      await expect(admin).toHaveURL(/\/admin\/pengajuan\/\d+$/);
      await expect(admin.getByRole('heading', { level: 1 })).toHaveText(businessName);
      await expect(main.getByRole('definition').filter({ hasText: nik.masked })).toBeVisible();
      await expect(main).not.toContainText(nik.digits);
      await expect(main.getByRole('definition').filter({ hasText: description })).toBeVisible();
      const photo = main.getByRole('img', { name: text.businessPhoto });
      await photo.scrollIntoViewIfNeeded();
      await expect(photo).toBeVisible();
      // Decoded and re-encoded by the server, and served back.
      await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
      await expectNoSidewaysScroll(admin);

      await main.getByLabel(text.reviewMessage).fill(requestMessage);
      await main.getByRole('button', { name: text.requestChanges }).click();
      await expect(admin).toHaveURL(/\/admin\/pengajuan\/\d+$/);
      await expect(status(admin, text.statusChanges)).toBeVisible();
      await expect(main.getByRole('button', { name: text.requestChanges })).toHaveCount(0);
      return admin.url();
    });

    await test.step('she reads the message, fixes the description and sends it again', async () => {
      await gotoReady(page, '/pengajuan', testInfo);
      await expect(status(page, text.statusChanges)).toBeVisible();
      const history = page.getByRole('region', { name: 'Riwayat pengajuan' });
      await expect(history.getByRole('listitem').filter({ hasText: text.eventRequestChanges })).toContainText(requestMessage);
      await expectNoSidewaysScroll(page);

      await page.getByRole('link', { name: text.stepBusiness }).click();
      await expect(page).toHaveURL(/\/pengajuan\/usaha$/);
      await expect(page.getByLabel('Nama usaha', { exact: true })).toHaveValue(businessName);
      await expect(page.getByLabel('Apa yang Anda jual')).toHaveValue(description);
      await expect(page.getByLabel(text.businessPhoto)).toHaveAccessibleDescription(text.photoKept);
      await page.getByLabel('Apa yang Anda jual').fill(fixedDescription);
      await page.getByRole('button', { name: text.saveNext }).click();
      await expect(page).toHaveURL(/\/pengajuan\/pemilik$/);

      await gotoReady(page, '/pengajuan', testInfo);
      await page.getByRole('link', { name: text.goSubmit }).click();
      await expect(page).toHaveURL(/\/pengajuan\/kirim$/);
      await page.getByRole('checkbox', { name: text.consent }).check();
      await page.getByRole('button', { name: text.submit }).click();
      await expect(page).toHaveURL(/\/pengajuan\?selesai=terkirim$/);
      await expect(status(page, text.statusResubmitted)).toBeVisible();
      await expect(history.getByRole('listitem').filter({ hasText: text.eventResubmit })).toBeVisible();
    });

    await test.step('the Dinas sees the fix and approves', async () => {
      await gotoReady(admin, reviewUrl, testInfo);
      const main = admin.getByRole('main');
      await expect(status(admin, text.statusResubmitted)).toBeVisible();
      await expect(main.getByRole('definition').filter({ hasText: fixedDescription })).toBeVisible();
      await main.getByRole('button', { name: text.approve, exact: true }).click();
      await expect(admin).toHaveURL(reviewUrl);
      await expect(status(admin, text.statusApproved)).toBeVisible();
      await expect(main.getByRole('button', { name: text.suspend })).toBeVisible();
    });
  } finally {
    await admin.context().close();
  }

  await test.step('the bell in the header counts the two decisions; the notices page lists them', async () => {
    await gotoReady(page, '/', testInfo);
    const bell = page.getByRole('banner').getByRole('link', { name: '2 pemberitahuan belum dibaca' });
    await expect(bell).toBeVisible();
    await bell.click();
    await expect(page).toHaveURL(/\/notifikasi$/);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('Pemberitahuan');
    const notices = main.getByRole('listitem');
    await expect(notices).toHaveCount(2);
    await expect(notices.first()).toContainText('Pengajuan disetujui: toko Anda sudah buka');
    await expect(notices.last()).toContainText(requestMessage);
    await expect(notices.first().getByRole('link', { name: 'Buka toko' })).toHaveAttribute('href', '/lapak');
    await expectNoSidewaysScroll(page);
    await main.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
    await expect(page).toHaveURL(/\/notifikasi$/);
    await expect(page.getByRole('banner').getByRole('link', { name: 'Pemberitahuan', exact: true })).toBeVisible();
    await expect(main.getByRole('button', { name: 'Tandai semua sudah dibaca' })).toHaveCount(0);
  });

  await test.step('she is told, and her shop page is public', async () => {
    await gotoReady(page, '/pengajuan', testInfo);
    await expect(status(page, text.statusApproved)).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Riwayat pengajuan' }).getByRole('listitem').filter({ hasText: text.eventApprove }),
    ).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.getByRole('link', { name: text.seeProfile }).click();
    await expect(page).toHaveURL(/\/pelapak\/[\w-]+$/);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(businessName);
    const article = page.getByRole('article');
    await expect(article.getByText(text.badgePurna, { exact: true })).toBeVisible();
    await expect(article.getByText('Pernah bekerja 6 tahun di Hong Kong.')).toBeVisible();
    await expect(article.getByText(fixedDescription)).toBeVisible();
    const whatsapp = article.getByRole('link', { name: text.whatsapp });
    await expect(whatsapp).toHaveAttribute('href', new RegExp(`^https://wa\\.me/62${phone.shown.slice(1).replace(/-/g, '')}\\?text=`));
    await expectNoSidewaysScroll(page);
  });

  await test.step('anyone can open the shop page, logged in or not', async () => {
    const visitor = await browser.newContext({
      javaScriptEnabled: testInfo.project.name === 'js-on',
      viewport: { width: 360, height: 800 },
      locale: 'id-ID',
    });
    try {
      const stranger = await visitor.newPage();
      const response = await gotoReady(stranger, new URL(page.url()).pathname, testInfo);
      expect(response?.status()).toBe(200);
      await expect(stranger.getByRole('heading', { level: 1 })).toHaveText(businessName);
      await expectNoSidewaysScroll(stranger);
    } finally {
      await visitor.close();
    }
  });
});

test('bad input stays on the page with a message next to each field', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await registerApplicant(page, testInfo);

  await test.step('the business step: empty fields, then a file that is not a photo', async () => {
    await gotoReady(page, '/pengajuan/usaha', testInfo);
    await page.getByRole('button', { name: text.saveNext }).click();
    await expect(page).toHaveURL(/\/pengajuan\/usaha$/);
    await expect(page.getByRole('alert')).toHaveText(text.fixFields);
    const name = page.getByLabel('Nama usaha', { exact: true });
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(text.required);
    await expect(page.getByLabel('Jenis usaha')).toHaveAccessibleDescription(text.required);
    await expectNoSidewaysScroll(page);

    await name.fill('Kopi Bajawa Kak Nona');
    await page.getByLabel('Jenis usaha').selectOption({ label: 'Kopi dan minuman' });
    await page.getByLabel('Apa yang Anda jual').fill('Kopi arabika Bajawa sangrai sendiri.');
    await page.getByLabel(text.businessPhoto).setInputFiles({
      name: 'foto.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('ini bukan foto, hanya teks'),
    });
    await page.getByRole('button', { name: text.saveNext }).click();
    await expect(page).toHaveURL(/\/pengajuan\/usaha$/);
    await expect(page.getByLabel(text.businessPhoto)).toHaveAccessibleDescription(new RegExp(`${escapeRegExp(text.notAnImage)}$`));
    // What was typed comes back.
    await expect(name).toHaveValue('Kopi Bajawa Kak Nona');
    await expect(page.getByLabel('Jenis usaha')).toHaveValue('minuman');
    await expect(page.getByLabel('Apa yang Anda jual')).toHaveValue('Kopi arabika Bajawa sangrai sendiri.');
  });

  await test.step('the identity step: a short NIK, an impossible birth date, a NIK already used', async () => {
    await gotoReady(page, '/pengajuan/identitas', testInfo);
    const nik = page.getByLabel('NIK (16 angka di KTP)');
    const attempts: [string, string][] = [
      ['1234', text.nikLength],
      ['5371 0132 0180 0001', text.nikBirthDate],
      // The first demo vendor's NIK (backend/src/demo/vendors.rs): already on an application.
      ['5371 0141 0180 9900', text.nikTaken],
    ];
    for (const [typed, message] of attempts) {
      await nik.fill(typed);
      await page.getByRole('button', { name: text.saveNext }).click();
      await expect(page).toHaveURL(/\/pengajuan\/identitas$/);
      await expect(nik).toHaveAttribute('aria-invalid', 'true');
      await expect(nik).toHaveAccessibleDescription(new RegExp(`${escapeRegExp(message)}$`));
      // The NIK is personal data: it is not sent back in the page.
      await expect(nik).toHaveValue('');
    }
    await expectNoSidewaysScroll(page);
  });

  await test.step('sending before every step is done is refused', async () => {
    await gotoReady(page, '/pengajuan/kirim', testInfo);
    await expect(page.getByText(text.missing)).toContainText('Usaha Anda');
    await page.getByRole('checkbox', { name: text.consent }).check();
    await page.getByRole('button', { name: text.submit }).click();
    await expect(page).toHaveURL(/\/pengajuan\/kirim$/);
    await expect(page.getByRole('alert')).toHaveText(text.incomplete);
    await gotoReady(page, '/pengajuan', testInfo);
    await expect(status(page, 'Draf (belum dikirim)')).toBeVisible();
  });
});

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
