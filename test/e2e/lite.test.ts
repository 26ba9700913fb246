/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PHONE_UA, viewports } from '../helpers/browser.ts';
import { latestArticlePath, startDemoSite, type DemoSite } from '../helpers/demo-site.ts';

const BUDGET = 30_000;

/** Counts the bytes that come over the wire (headers and compressed bodies), per URL. */
async function meter(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const bytes = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) =>
    bytes.set(urls.get(e.requestId) ?? e.requestId, e.encodedDataLength),
  );
  return {
    urls: () => [...urls.values()],
    total: () => [...bytes.values()].reduce((a, b) => a + b, 0),
    bytes,
  };
}

describe('the light edition in Chromium', () => {
  let site: DemoSite;
  let browser: Browser;
  let base: string;
  let articlePath: string;

  before(async () => {
    site = await startDemoSite();
    ({ browser, base } = site);
    articlePath = await latestArticlePath(site.t.db, { withPhoto: true });
  });
  after(() => site?.close());

  test('a light article weighs under 30 KB on a phone and fetches its photo only on tap', async () => {
    const context = await browser.newContext({
      viewport: viewports.phone,
      userAgent: PHONE_UA,
      hasTouch: true,
    });
    const page = await context.newPage();
    try {
      const m = await meter(page);
      await page.goto(`${base}/lite${articlePath}`, { waitUntil: 'networkidle' });
      const total = m.total();
      console.log(
        `light article: ${total} bytes over ${m.urls().length} request(s) ` +
          `(${[...m.bytes].map(([u, b]) => `${new URL(u).pathname} ${b}`).join(', ')})`,
      );
      assert.ok(total < BUDGET, `${total} bytes`);
      assert.deepEqual(
        m.urls().filter((u) => !u.endsWith(`/lite${articlePath}`)),
        [],
        'nothing but the page itself is fetched',
      );
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= viewports.phone.width, `${width}px wide`);

      await page.tap('figure.photo a.photo-on-tap');
      await page.waitForFunction(() => {
        const img = document.querySelector('figure.photo img') as HTMLImageElement | null;
        return !!img && img.complete && img.naturalWidth > 0;
      });
      assert.equal(new URL(page.url()).pathname, `/lite${articlePath}`, 'shown in place');
      const photo = m.urls().find((u) => u.includes('/media/'));
      assert.ok(photo, 'the photo is fetched after the tap');
      console.log(`after the tap: ${m.total()} bytes`);
    } finally {
      await context.close();
    }
  });

  test('without JavaScript the light article fetches no photo before the tap, and the tap opens it', async () => {
    const context = await browser.newContext({
      viewport: viewports.phone,
      userAgent: PHONE_UA,
      javaScriptEnabled: false,
      hasTouch: true,
    });
    const page = await context.newPage();
    try {
      const m = await meter(page);
      await page.goto(`${base}/lite${articlePath}`, { waitUntil: 'networkidle' });
      assert.deepEqual(
        m.urls().filter((u) => !u.endsWith(`/lite${articlePath}`)),
        [],
        'nothing but the page itself is fetched',
      );
      const [photo] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/media/')),
        page.tap('figure.photo a.photo-on-tap'),
      ]);
      assert.equal(photo.status(), 200);
      assert.equal(photo.headers()['content-type'], 'image/jpeg');
      assert.ok((await photo.body()).length > 1000, 'the photo itself');
    } finally {
      await context.close();
    }
  });

  test('the light home page fetches no image at all', async () => {
    const context = await browser.newContext({ viewport: viewports.phone, userAgent: PHONE_UA });
    const page = await context.newPage();
    try {
      const m = await meter(page);
      await page.goto(`${base}/lite`, { waitUntil: 'networkidle' });
      console.log(`light home: ${m.total()} bytes over ${m.urls().length} request(s)`);
      assert.deepEqual(
        m.urls().filter((u) => !u.endsWith('/lite')),
        [],
      );
      assert.ok(m.total() < BUDGET, `${m.total()} bytes`);
    } finally {
      await context.close();
    }
  });
});
