/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { seedDemo } from '../../src/seed/seed.ts';
import { launchBrowser, viewports } from '../helpers/browser.ts';
import { createTestApp, testDialects, type TestApp } from '../helpers/setup.ts';

// Search behaves the same on both databases (test/search.test.ts); the journey runs on SQLite.
const sqlite = testDialects().find((d) => d.name === 'sqlite')!;

// Headless Chromium names itself « HeadlessChrome », which the site takes for a robot.
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 13; Tecno) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';

describe('search in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  before(async () => {
    t = await createTestApp(sqlite, { now: new Date().toISOString() });
    await seedDemo({ db: t.db, dataDir: t.dataDir, clock: t.clock });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    base = `http://127.0.0.1:${port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t.close();
  });

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
