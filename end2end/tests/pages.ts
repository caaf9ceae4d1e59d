// Shared helpers: getting a page ready to use, and the layout every page shares.
import { expect, type Locator, type Page, type Response, type TestInfo } from '@playwright/test';

export type Lang = 'id' | 'en';

/** The layout's texts in each language, as the catalogues in app/locales spell them. */
export const layoutText = {
  id: {
    skipLink: 'Langsung ke isi halaman',
    nav: 'Menu utama',
    account: 'Masuk',
    searchLabel: 'Cari produk atau pelapak',
    searchSubmit: 'Cari',
    searchClear: 'Hapus pencarian',
    timeNote: 'Semua waktu dalam WITA (UTC+8).',
  },
  en: {
    skipLink: 'Skip to content',
    nav: 'Main menu',
    account: 'Log in',
    searchLabel: 'Search products or vendors',
    searchSubmit: 'Search',
    searchClear: 'Clear search',
    timeNote: 'All times are WITA (UTC+8).',
  },
} as const;

/**
 * With JavaScript on, waits until the islands have hydrated; with it off, checks they never did.
 * Hydration leaves no accessible trace, so this is the one place that uses a CSS selector:
 * the search island sets `data-hydrated="true"` on `<html>` once its wasm has run.
 */
export async function waitReady(page: Page, testInfo: TestInfo): Promise<void> {
  if (testInfo.project.name === 'js-on') {
    await page.waitForSelector('html[data-hydrated="true"]');
  } else {
    const hydrated = await page.evaluate(() => document.documentElement.hasAttribute('data-hydrated'));
    expect(hydrated, 'no island should run without JavaScript').toBe(false);
  }
}

/** Opens `path` and waits until it is ready to use (see {@link waitReady}). */
export async function gotoReady(page: Page, path: string, testInfo: TestInfo): Promise<Response | null> {
  const response = await page.goto(path);
  await waitReady(page, testInfo);
  return response;
}

/** Skip link, header (brand, menu, language switch, search) and footer, in one language. */
export class SiteLayout {
  readonly text: (typeof layoutText)[Lang];

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'id',
  ) {
    this.text = layoutText[lang];
  }

  get skipLink(): Locator {
    return this.page.getByRole('link', { name: this.text.skipLink });
  }

  get header(): Locator {
    return this.page.getByRole('banner');
  }

  get homeLink(): Locator {
    return this.header.getByRole('link', { name: 'Pasar Purna', exact: true });
  }

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: this.text.nav });
  }

  get accountLink(): Locator {
    return this.nav.getByRole('link', { name: this.text.account });
  }

  /** The language switch's submit button for `code` ("ID" or "EN"). */
  languageButton(code: 'ID' | 'EN'): Locator {
    return this.header.getByRole('button', { name: code, exact: true });
  }

  get searchForm(): Locator {
    return this.page.getByRole('search');
  }

  get searchBox(): Locator {
    return this.searchForm.getByRole('searchbox', { name: this.text.searchLabel });
  }

  get searchButton(): Locator {
    return this.searchForm.getByRole('button', { name: this.text.searchSubmit, exact: true });
  }

  get clearButton(): Locator {
    return this.searchForm.getByRole('button', { name: this.text.searchClear });
  }

  get main(): Locator {
    return this.page.getByRole('main');
  }

  get footer(): Locator {
    return this.page.getByRole('contentinfo');
  }

  /** The `lang` attribute of `<html>`. */
  async documentLang(): Promise<string> {
    return this.page.evaluate(() => document.documentElement.lang);
  }

  /** How wide the page is, scrolled area included; wider than the viewport means sideways scrolling. */
  async scrollWidth(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth);
  }

  /** Checks that this page's layout is in this object's language. */
  async expectLanguage(): Promise<void> {
    expect(await this.documentLang()).toBe(this.lang);
    await expect(this.skipLink).toHaveAttribute('href', '#main');
    await expect(this.nav).toBeVisible();
    await expect(this.accountLink).toBeVisible();
    await expect(this.searchBox).toBeVisible();
    await expect(this.searchButton).toBeVisible();
    await expect(this.footer).toContainText(this.text.timeNote);
    const active = this.lang === 'id' ? 'ID' : 'EN';
    const other = this.lang === 'id' ? 'EN' : 'ID';
    await expect(this.languageButton(active)).toHaveAttribute('aria-pressed', 'true');
    await expect(this.languageButton(other)).toHaveAttribute('aria-pressed', 'false');
  }

  /**
   * Presses a language button and waits for the page to come back in that language. The form
   * posts to /bahasa, which sets the cookie and redirects to the same address.
   */
  async switchLanguage(code: 'ID' | 'EN', testInfo: TestInfo): Promise<SiteLayout> {
    await this.languageButton(code).click();
    const next = new SiteLayout(this.page, code === 'ID' ? 'id' : 'en');
    // Web-first: retries while the redirect lands and the new page renders.
    await expect(next.languageButton(code)).toHaveAttribute('aria-pressed', 'true');
    await this.page.waitForLoadState();
    await waitReady(this.page, testInfo);
    return next;
  }

  /** Types `query` into the header search box and submits it. */
  async search(query: string): Promise<void> {
    await this.searchBox.fill(query);
    await this.searchButton.click();
  }
}
