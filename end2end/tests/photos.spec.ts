// Product photos on a 360px phone, JavaScript on and off. What is covered:
//  - a vendor lists a product with two JPEG photos from /lapak/produk/baru; the public page has
//    a gallery of WebP variants (srcset, width/height, only the first eager), an absolute WebP
//    og:image, and the photo files are served as image/webp, cached for good;
//  - a shopper who is not logged in finds it by part of a word and gets a WhatsApp link that
//    names the product's page;
//  - a file that is not a photo, or a seventh photo, is refused with 422 and nothing is saved.
// The photos are drawn on a <canvas> in a throwaway JavaScript-on page, so no fixture files.
import { type Browser, expect, type Locator, type Page, test, type TestInfo } from '@playwright/test';
import { gotoReady, SiteLayout } from './pages';

const DEMO_PASSWORD = 'purna-demo-2026';
/** "Tenun Ikat Mama Yuli", an approved demo vendor (backend/src/demo/vendors.rs). */
const VENDOR_LOGIN = '0852-3910-0001';
const VENDOR_WHATSAPP = '6285239100001';

const PHONE = { width: 360, height: 740 };
test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

/** A file for `setInputFiles`. */
type Upload = { name: string; mimeType: string; buffer: Buffer };

/** What to draw: a background, stripes like woven cloth, and a word, so each photo differs. */
type Picture = { name: string; width: number; height: number; background: string; stripes: string; label: string };

/** Draws each picture on a canvas and returns it as a JPEG (quality 0.9). */
async function drawJpegs(browser: Browser, pictures: Picture[]): Promise<Upload[]> {
  // The project's own context may have JavaScript off; drawing needs it on.
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const page = await context.newPage();
    const dataUrls = await page.evaluate(
      (pictures) =>
        pictures.map(({ width, height, background, stripes, label }) => {
          const canvas = document.createElement('canvas');
          canvas.width = width;
          canvas.height = height;
          const context = canvas.getContext('2d') as CanvasRenderingContext2D;
          context.fillStyle = background;
          context.fillRect(0, 0, width, height);
          context.fillStyle = stripes;
          for (let x = 0; x < width; x += width / 8) context.fillRect(x, 0, width / 20, height);
          context.font = `bold ${Math.round(height / 6)}px sans-serif`;
          context.fillText(label, width / 10, height / 2);
          return canvas.toDataURL('image/jpeg', 0.9);
        }),
      pictures,
    );
    return dataUrls.map((dataUrl, index) => {
      expect(dataUrl.startsWith('data:image/jpeg;base64,'), 'the canvas gave a JPEG').toBe(true);
      const buffer = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
      expect([...buffer.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      return { name: pictures[index].name, mimeType: 'image/jpeg', buffer };
    });
  } finally {
    await context.close();
  }
}

/** A word made of letters only (search splits on digits), unique to this run and project. */
function uniqueWord(testInfo: TestInfo): string {
  const letters = String(Date.now() % 1e8)
    .padStart(8, '0')
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
  return `Uji${testInfo.project.name === 'js-on' ? 'Terang' : 'Gelap'}${letters}`;
}

async function logInAsVendor(page: Page, testInfo: TestInfo): Promise<void> {
  await gotoReady(page, '/masuk?lanjut=/lapak', testInfo);
  await page.getByLabel('Nomor HP atau email').fill(VENDOR_LOGIN);
  await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/lapak$/);
}

/** The new-product form (it posts to the collection; the page is /lapak/produk/baru). */
function productForm(page: Page): Locator {
  return page.locator('form[action="/lapak/produk"]');
}

/** Fills every field of the new-product form except the photos. */
async function fillProduct(page: Page, name: string): Promise<void> {
  const form = productForm(page);
  await expect(form).toHaveAttribute('enctype', 'multipart/form-data');
  await form.locator('input[name="name"]').fill(name);
  await form.locator('select[name="category"]').selectOption('tenun-fesyen');
  await form.locator('textarea[name="description"]').fill('Kain buna tenun Timor, 200 × 60 cm, pewarna alam.');
  await form.locator('input[name="price"]').fill('150000');
  await form.locator('select[name="unit"]').selectOption('lembar');
  await form.locator('select[name="availability"]').selectOption('ready');
}

function photoInput(page: Page): Locator {
  return productForm(page).locator('input[name="foto"]');
}

function saveButton(page: Page): Locator {
  return productForm(page).locator('button[type="submit"]', { hasText: 'Simpan produk' });
}

/** The answer to the next POST to `path` (a plain form post, or the picker's upload request). */
function nextPost(page: Page, path: string) {
  return page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === path);
}

/** The vendor's own products on /lapak: one edit link each ("Tambah produk" excluded). */
function ownProductLinks(page: Page): Locator {
  return page.getByRole('main').locator('a[href^="/lapak/produk/"]:not([href="/lapak/produk/baru"])');
}

/** After a refused post: one message on the photo field, what was typed kept, and the
 *  vendor's product list unchanged. */
async function expectRefusedWithNothingSaved(
  page: Page,
  testInfo: TestInfo,
  { name, before, message }: { name: string; before: number; message: RegExp },
): Promise<void> {
  const error = page.locator('.field-error');
  await expect(error).toHaveCount(1);
  await expect(error).toBeVisible();
  await expect(error).toContainText(message);
  await expect(page.locator('input[name="name"]')).toHaveValue(name);
  await expect(page).not.toHaveURL(/selesai=produk/);
  expect(await new SiteLayout(page).scrollWidth()).toBeLessThanOrEqual(PHONE.width);

  await gotoReady(page, '/lapak', testInfo);
  await expect(ownProductLinks(page)).toHaveCount(before);
  await expect(page.getByRole('link', { name })).toHaveCount(0);
}

const PHOTO_400 = /\/foto\/[0-9a-f]{32}\/400\.webp 400w/;

/** The 400w variant's path in a `srcset`. */
function variant400(srcset: string | null): string {
  const match = srcset?.match(/(\/foto\/[0-9a-f]{32}\/400\.webp) 400w/);
  expect(match, `a 400w variant in srcset "${srcset}"`).not.toBeNull();
  return match![1];
}

let photos: Upload[] = [];
let sevenPhotos: Upload[] = [];

test.beforeAll(async ({ browser }) => {
  photos = await drawJpegs(browser, [
    { name: 'kain-merah.jpg', width: 1200, height: 900, background: '#9f1d20', stripes: '#f2c14e', label: 'BUNA' },
    { name: 'kain-biru.jpg', width: 1200, height: 900, background: '#1d3f9f', stripes: '#ffffff', label: 'IKAT' },
  ]);
  expect(photos[0].buffer.equals(photos[1].buffer)).toBe(false);
  sevenPhotos = await drawJpegs(
    browser,
    Array.from({ length: 7 }, (_, i) => ({
      name: `foto-${i + 1}.jpg`,
      width: 400,
      height: 300,
      background: `hsl(${i * 50}, 60%, 40%)`,
      stripes: '#ffffff',
      label: String(i + 1),
    })),
  );
});

test.describe('a product with photos', () => {
  test.describe.configure({ mode: 'serial' });

  /** Set by the first test, searched for by the second. */
  let listed: { id: number; name: string; word: string } | undefined;

  test('a vendor lists a product with two photos from her phone', async ({ page, request }, testInfo) => {
    test.setTimeout(90_000);
    const word = uniqueWord(testInfo);
    const name = `Kain Buna ${word}`;

    await logInAsVendor(page, testInfo);
    await gotoReady(page, '/lapak/produk/baru', testInfo);
    await fillProduct(page, name);
    await expect(photoInput(page)).toHaveAttribute('multiple');
    await expect(photoInput(page)).toHaveAttribute('accept', /image\/jpeg/);
    await photoInput(page).setInputFiles(photos);
    expect(await new SiteLayout(page).scrollWidth()).toBeLessThanOrEqual(PHONE.width);
    await saveButton(page).click();

    await expect(page).toHaveURL(/\/lapak\?selesai=produk$/, { timeout: 30_000 });
    await expect(page.getByRole('status')).toHaveText('Produk tersimpan.');
    const editLink = page.getByRole('link', { name, exact: true });
    await expect(editLink).toHaveAttribute('href', /^\/lapak\/produk\/\d+$/);
    const id = Number((await editLink.getAttribute('href'))!.split('/').pop());

    await test.step('the edit page lists both photos', async () => {
      await gotoReady(page, `/lapak/produk/${id}`, testInfo);
      const listedPhotos = page.locator('#foto ul.photo-list li');
      await expect(listedPhotos).toHaveCount(2);
      await expect(listedPhotos.locator('img')).toHaveCount(2);
    });

    const gallery = page.locator('.gallery img');
    await test.step('the public page shows a gallery of WebP variants', async () => {
      const response = await gotoReady(page, `/produk/${id}`, testInfo);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page.getByText('Rp150.000')).toBeVisible();
      await expect(gallery).toHaveCount(2);
      const keys = new Set<string>();
      for (const img of await gallery.all()) {
        await expect(img).toHaveAttribute('srcset', PHOTO_400);
        keys.add(variant400(await img.getAttribute('srcset')));
        const width = Number(await img.getAttribute('width'));
        const height = Number(await img.getAttribute('height'));
        expect(width, 'width attribute').toBeGreaterThan(0);
        expect(height, 'height attribute').toBeGreaterThan(0);
        // Drawn 1200×900: the shape survives, whatever was shrunk on the way.
        expect(height / width).toBeCloseTo(0.75, 2);
      }
      expect(keys.size, 'two different photos').toBe(2);
      // The first photo is the page's largest paint; the others wait until swiped towards.
      expect(await gallery.first().getAttribute('loading')).not.toBe('lazy');
      await expect(gallery.nth(1)).toHaveAttribute('loading', 'lazy');
      expect(await new SiteLayout(page).scrollWidth()).toBeLessThanOrEqual(PHONE.width);
    });

    await test.step('link previews get an absolute WebP og:image', async () => {
      const ogImage = page.locator('meta[property="og:image"]');
      await expect(ogImage).toHaveCount(1);
      await expect(ogImage).toHaveAttribute('content', /^https?:\/\/[^/]+\/foto\/[0-9a-f]{32}\/\d+\.webp$/);
      // Fetched by path: the public origin may name another host than the test server.
      const { pathname } = new URL((await ogImage.getAttribute('content'))!);
      const preview = await request.get(pathname);
      expect(preview.status()).toBe(200);
      expect(preview.headers()['content-type']).toMatch(/^image\/webp/);
    });

    await test.step('the photo files are WebP, cached for good', async () => {
      const path = variant400(await gallery.first().getAttribute('srcset'));
      const file = await request.get(path);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toMatch(/^image\/webp/);
      expect(file.headers()['cache-control']).toContain('immutable');
      const body = await file.body();
      expect(body.subarray(0, 4).toString('latin1')).toBe('RIFF');
      expect(body.subarray(8, 12).toString('latin1')).toBe('WEBP');
    });

    listed = { id, name, word };
  });

  test('a shopper finds it by part of a word and chats with the vendor about it', async ({ browser }, testInfo) => {
    expect(listed, 'the product listed by the previous test').toBeDefined();
    const { id, name, word } = listed!;
    const context = await browser.newContext({
      javaScriptEnabled: testInfo.project.name === 'js-on',
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      locale: 'id-ID',
    });
    try {
      const shopper = await context.newPage();
      // All of the word but its last two letters.
      const partial = word.slice(0, -2).toLowerCase();
      await gotoReady(shopper, `/cari?q=${encodeURIComponent(partial)}`, testInfo);
      const card = shopper.locator('.product-card a', { hasText: name });
      await expect(card).toHaveCount(1);
      await expect(card).toHaveAttribute('href', `/produk/${id}`);
      await expect(card.locator('img')).toHaveAttribute('srcset', PHOTO_400);
      expect(await new SiteLayout(shopper).scrollWidth()).toBeLessThanOrEqual(PHONE.width);

      await card.click();
      await expect(shopper).toHaveURL(new RegExp(`/produk/${id}$`));
      await expect(shopper.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(shopper.locator('.gallery img')).toHaveCount(2);

      const chat = shopper.locator('a[href^="https://wa.me/"]', { hasText: 'Chat penjual' });
      await expect(chat).toHaveCount(1);
      // The server percent-encodes the message but may leave "/" as it is (both are valid).
      await expect(chat).toHaveAttribute(
        'href',
        new RegExp(`^https://wa\\.me/${VENDOR_WHATSAPP}\\?text=.*(?:/|%2F)produk(?:/|%2F)${id}(?![0-9])`, 'i'),
      );
      const message = new URL((await chat.getAttribute('href'))!).searchParams.get('text');
      expect(message).toContain(name);
      expect(message).toMatch(new RegExp(`https?://[^\\s/]+/produk/${id}(?![0-9])`));
    } finally {
      await context.close();
    }
  });
});

test('a file that is not a photo is refused and nothing is saved', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const name = `Kain Buna Tolak ${uniqueWord(testInfo)}`;
  await logInAsVendor(page, testInfo);
  await gotoReady(page, '/lapak', testInfo);
  const before = await ownProductLinks(page).count();
  expect(before, 'the demo vendor already has products').toBeGreaterThan(0);

  await gotoReady(page, '/lapak/produk/baru', testInfo);
  await fillProduct(page, name);
  await photoInput(page).setInputFiles({
    name: 'photo.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('ini bukan foto, hanya teks biasa\n'),
  });
  const answer = nextPost(page, '/lapak/produk');
  await saveButton(page).click();
  expect((await answer).status()).toBe(422);

  await expectRefusedWithNothingSaved(page, testInfo, { name, before, message: /bukan gambar JPEG/ });
});

test('a seventh photo is refused and nothing is saved', async ({ page }, testInfo) => {
  // With JavaScript the picker sends more than six as chosen, and the server's answer says so.
  test.setTimeout(60_000);
  const name = `Kain Buna Tujuh ${uniqueWord(testInfo)}`;
  await logInAsVendor(page, testInfo);
  await gotoReady(page, '/lapak', testInfo);
  const before = await ownProductLinks(page).count();

  await gotoReady(page, '/lapak/produk/baru', testInfo);
  await fillProduct(page, name);
  await photoInput(page).setInputFiles(sevenPhotos);
  const answer = nextPost(page, '/lapak/produk');
  await saveButton(page).click();
  expect((await answer).status()).toBe(422);

  await expectRefusedWithNothingSaved(page, testInfo, { name, before, message: /Paling banyak 6 foto/ });
});

test('with JavaScript, chosen photos are shrunk in the browser, previewed and can be made the cover', async ({ page, browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'js-on', 'the photo picker is a JavaScript enhancement');
  const [large] = await drawJpegs(browser, [
    { name: 'besar.jpg', width: 3000, height: 2250, background: '#6b3a1e', stripes: '#e9c46a', label: 'BESAR' },
  ]);
  const [second] = await drawJpegs(browser, [
    { name: 'kedua.jpg', width: 800, height: 600, background: '#264653', stripes: '#2a9d8f', label: 'DUA' },
  ]);
  await logInAsVendor(page, testInfo);
  await gotoReady(page, '/lapak/produk/baru', testInfo);
  await photoInput(page).setInputFiles([large, second]);
  const previews = productForm(page).locator('.previews img');
  await expect(previews).toHaveCount(2);
  // The input now holds the shrunk JPEGs (at most 2000 px), not the originals.
  const sent = await photoInput(page).evaluate((input: HTMLInputElement) =>
    Array.from(input.files ?? []).map((f) => ({ name: f.name, type: f.type, size: f.size })),
  );
  expect(sent.map((f) => f.name)).toEqual(['besar.jpg', 'kedua.jpg']);
  expect(sent.every((f) => f.type === 'image/jpeg')).toBe(true);
  expect(sent[0].size, 'the 3000 px photo was shrunk').toBeLessThan(large.buffer.length);
  // "Jadikan sampul" on the second moves it first, in the input too.
  await productForm(page).locator('.previews').getByRole('button', { name: 'Jadikan sampul' }).click();
  const order = await photoInput(page).evaluate((input: HTMLInputElement) => Array.from(input.files ?? []).map((f) => f.name));
  expect(order).toEqual(['kedua.jpg', 'besar.jpg']);
});

test('a vendor replaces the shop photo from her phone and the public page shows it at once', async ({ page, browser }, testInfo) => {
  // A demo vendor per project, so the two projects never replace each other's photo.
  const login = testInfo.project.name === 'js-on' ? '0852-3910-0006' : '0852-3910-0007';
  const [photo] = await drawJpegs(browser, [
    { name: 'lapak.jpg', width: 1600, height: 1200, background: '#7a3b12', stripes: '#f2c14e', label: 'Lapak' },
  ]);
  await gotoReady(page, '/masuk?lanjut=/lapak', testInfo);
  await page.getByLabel('Nomor HP atau email').fill(login);
  await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/lapak$/);

  const form = page.getByRole('form', { name: 'Foto toko' });
  await form.getByLabel('Pilih foto baru (JPEG, PNG atau WebP)').setInputFiles(photo);
  await form.getByRole('button', { name: 'Ganti foto' }).click();
  await expect(page).toHaveURL(/\/lapak\?selesai=foto-lapak$/);
  await expect(page.getByRole('status')).toHaveText('Foto toko sudah diganti.');
  const current = page.getByRole('img', { name: 'Foto toko Anda sekarang' });
  await expect(current).toBeVisible();
  const src = await current.getAttribute('src');
  expect(src).toMatch(/^\/media\/[0-9a-f]{32}\.jpg$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.getByRole('link', { name: 'Lihat halaman toko saya' }).first().click();
  await expect(page).toHaveURL(/\/pelapak\/[\w-]+$/);
  // The profile's photo is decorative (alt=""), so it is found by its address.
  await expect
    .poll(() =>
      page.evaluate(
        (src) => [...document.images].some((img) => img.getAttribute('src') === src && img.complete && img.naturalWidth > 0),
        src,
      ),
    )
    .toBe(true);
});
