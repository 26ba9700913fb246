/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse } from 'node-html-parser';
import { PHONE_UA, viewports } from '../helpers/browser.ts';
import { latestArticlePath, startDemoSite, type DemoSite } from '../helpers/demo-site.ts';
import { buildUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { Browser as Member } from '../helpers/http.ts';

// The home's first view on a 360 px phone: the page, its style sheet, its icon and the images
// the browser fetches before the reader scrolls.
const HOME_BUDGET = 50_000;

/**
 * Counts what comes over the wire (headers and compressed bodies) per request, on a 3G-class
 * connection: Chromium then fetches lazy images up to 2,500 px below the screen (1,250 px on 4G),
 * which is what a budget phone's reader pays for before scrolling.
 */
async function meterOn3g(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // The effective connection type follows the round-trip time: 300 ms is « 3g ».
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 300,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  const urls = new Map<string, string>();
  const bytes = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  return {
    total: () => [...bytes.values()].reduce((a, b) => a + b, 0),
    report: () =>
      [...bytes].map(([id, b]) => `${new URL(urls.get(id) ?? id).pathname} ${b}`).join(', '),
    images: () => [...urls.values()].filter((u) => u.includes('/media/')),
  };
}

describe('the home page on a phone', () => {
  let site: DemoSite;
  let browser: Browser;
  let base: string;

  before(async () => {
    site = await startDemoSite();
    ({ browser, base } = site);
  });
  after(() => site?.close());

  const phone = (): Promise<BrowserContext> =>
    browser.newContext({
      viewport: { width: 360, height: 800 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      userAgent: PHONE_UA,
    });

  test(`the first view of the demo home weighs at most ${HOME_BUDGET / 1000} KB on a 360 px phone`, async () => {
    const context = await phone();
    const page = await context.newPage();
    try {
      const m = await meterOn3g(page);
      await page.goto(`${base}/`, { waitUntil: 'networkidle' });
      const effectiveType = await page.evaluate(
        () =>
          (navigator as Navigator & { connection?: { effectiveType: string } }).connection
            ?.effectiveType,
      );
      assert.equal(effectiveType, '3g', 'the lazy-loading distance of a slow network');
      const total = m.total();
      console.log(`home on a 360 px phone (2×, 3g): ${total} bytes (${m.report()})`);
      assert.ok(total <= HOME_BUDGET, `${total} bytes: ${m.report()}`);
      // The lead photo, full width at twice the density: the 768 px variant, not the 1024.
      const widths = m.images().map((u) => Number(/-(\d+)\.\w+$/.exec(u)?.[1]));
      assert.ok(widths.length >= 2, `images: ${m.images().join(', ')}`);
      assert.ok(Math.max(...widths) <= 768, `images: ${m.images().join(', ')}`);
    } finally {
      await context.close();
    }
  });

  test('secondary stories show a thumbnail on a phone and a full photo on a desktop', async () => {
    const widthOf = async (context: BrowserContext) => {
      const page = await context.newPage();
      await page.goto(`${base}/`);
      return page.evaluate(() => {
        const imgs = [...document.querySelectorAll<HTMLImageElement>('.card img')];
        const lead = document.querySelector<HTMLImageElement>('.lead-story img')!;
        return {
          cards: imgs.map((i) => i.getBoundingClientRect().width),
          lead: lead.getBoundingClientRect().width,
          scroll: document.documentElement.scrollWidth,
        };
      });
    };
    const onPhone = await phone();
    const onDesktop = await browser.newContext({ viewport: viewports.desktop });
    try {
      const small = await widthOf(onPhone);
      assert.ok(small.cards.length >= 4);
      for (const w of small.cards) assert.ok(w <= 130, `a ${w}px card photo on a phone`);
      assert.ok(small.lead >= 320, `a ${small.lead}px lead photo on a phone`);
      assert.ok(small.scroll <= 360, `${small.scroll}px wide`);
      const large = await widthOf(onDesktop);
      for (const w of large.cards) assert.ok(w >= 240, `a ${w}px card photo on a desktop`);
      assert.ok(large.lead >= 700, `a ${large.lead}px lead photo on a desktop`);
    } finally {
      await onPhone.close();
      await onDesktop.close();
    }
  });
});

describe('an article on a phone, against the editor’s page weight', () => {
  let site: DemoSite;

  before(async () => {
    site = await startDemoSite();
  });
  after(() => site?.close());

  test('the editor’s figure is within 10 % of what Chromium really downloads, at density 2 and 3', async () => {
    const path = await latestArticlePath(site.t.db, { withPhoto: true });
    const article = await site.t.db
      .selectFrom('articles')
      .select('id')
      .where('slug', '=', path.split('/').at(-1)!)
      .executeTakeFirstOrThrow();
    await buildUser(site.t.db, { email: 'poids@griot.test', role: 'editor' });
    const editor = new Member(site.t, '192.0.2.77');
    await editor.login('poids@griot.test', TEST_PASSWORD);
    const note = parse((await editor.get(`/admin/articles/${article.id}`)).body).querySelector(
      '.page-weight',
    );
    assert.ok(note, 'the editor shows the weight');
    const figures = new Map(
      note
        .querySelectorAll('data[data-dpr]')
        .map((d) => [Number(d.getAttribute('data-dpr')), Number(d.getAttribute('value'))]),
    );
    assert.deepEqual([...figures.keys()], [2, 3]);
    for (const [dpr, figure] of figures) {
      const context = await site.browser.newContext({
        viewport: { width: 360, height: 800 },
        deviceScaleFactor: dpr,
        isMobile: true,
        hasTouch: true,
        userAgent: PHONE_UA,
      });
      const page = await context.newPage();
      try {
        const m = await meterOn3g(page);
        await page.goto(site.base + path, { waitUntil: 'networkidle' });
        const measured = m.total();
        console.log(
          `article on a 360 px phone at ${dpr}×: ${measured} bytes measured, ${figure} in the editor (${m.report()})`,
        );
        const gap = Math.abs(figure - measured) / measured;
        assert.ok(gap <= 0.1, `editor ${figure}, measured ${measured}: ${m.report()}`);
      } finally {
        await context.close();
      }
    }
    // The note says what it assumes.
    assert.match(note.text, /téléphone de 360\u00A0px de large/);
    assert.match(note.text, /densité d’écran 2.*densité d’écran 3/);
    assert.match(note.text, /brotli/);
  });
});
