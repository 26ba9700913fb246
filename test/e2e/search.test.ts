/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { PHONE_UA, viewports } from '../helpers/browser.ts';
import { startDemoSite, type DemoSite } from '../helpers/demo-site.ts';

// Search behaves the same on both databases (test/search.test.ts); the journey runs on SQLite.
describe('search in Chromium', () => {
  let site: DemoSite;
  let browser: Browser;
  let base: string;

  before(async () => {
    site = await startDemoSite();
    ({ browser, base } = site);
  });
  after(() => site?.close());

  test('on a phone, a reader searches from the header, sees ranked results with highlights and opens one', async () => {
    const context = await browser.newContext({ viewport: viewports.phone, userAgent: PHONE_UA });
    const page = await context.newPage();
    try {
      await page.goto(`${base}/`);
      await page.fill('#recherche-entete', 'attaques');
      await page.press('#recherche-entete', 'Enter');
      await page.waitForURL(/\/recherche\?q=attaques/);
      const results = page.locator('.search-results .search-result');
      assert.ok((await results.count()) >= 1);
      const first = results.first();
      assert.match((await first.locator('mark').first().textContent()) ?? '', /^attaque/i);
      assert.equal(await page.locator('#recherche-q').inputValue(), 'attaques');
      const m = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      assert.ok(m.scrollWidth <= m.innerWidth, `${m.scrollWidth}px wide in ${m.innerWidth}px`);

      const title = ((await first.locator('.story-title a').textContent()) ?? '').trim();
      await first.locator('.story-title a').click();
      await page.waitForLoadState('domcontentloaded');
      assert.equal(((await page.locator('h1').textContent()) ?? '').trim(), title);
      assert.ok((await page.locator('.related li').count()) >= 1, '« À lire aussi » is shown');
    } finally {
      await context.close();
    }
  });
});
