// Bytes a first visit transfers, split by type, measured in a real Chromium load of each URL
// at 360x800 with an empty cache. Usage: node page-weight.mjs BASE_URL PATH... (prints JSON).
//
// Chromium offers brotli only over https, so on plain http it would measure gzip. Production is
// https, so by default the request advertises br like a phone would; pass --gzip to measure the
// plain-http behaviour instead.
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const gzipOnly = args.includes('--gzip');
const [base, ...paths] = args.filter((a) => a !== '--gzip');

function kind(response) {
  const type = (response.headers()['content-type'] || '').split(';')[0];
  if (type === 'text/html') return 'html';
  if (type === 'text/css') return 'css';
  if (type.includes('javascript')) return 'js';
  if (type === 'application/wasm') return 'wasm';
  if (type.startsWith('image/')) return 'images';
  return 'other';
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const results = {};
for (const path of paths) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 800 },
    extraHTTPHeaders: gzipOnly ? {} : { 'accept-encoding': 'br, gzip' },
  });
  const page = await context.newPage();
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.goto(new URL(path, base).href, { waitUntil: 'networkidle' });
  const bytes = { html: 0, css: 0, js: 0, wasm: 0, images: 0, other: 0 };
  const files = [];
  for (const response of responses) {
    const sizes = await response.request().sizes();
    const transferred = sizes.responseBodySize + sizes.responseHeadersSize;
    bytes[kind(response)] += transferred;
    files.push({ url: new URL(response.url()).pathname, type: kind(response), transferred,
      encoding: response.headers()['content-encoding'] || 'identity' });
  }
  const total = Object.values(bytes).reduce((a, b) => a + b, 0);
  results[path] = { total, ...bytes, hydrated: await page.evaluate(() => document.documentElement.dataset.hydrated === 'true'), files };
  await context.close();
}
await browser.close();
console.log(JSON.stringify(results, null, 2));
