/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { seedDemo } from '../../src/seed/seed.ts';
import { launchBrowser, viewports } from '../helpers/browser.ts';
import { createTestApp, testDialects, type TestApp } from '../helpers/setup.ts';

// Layout is the same whatever the database, so the browser checks run on SQLite only.
const sqlite = testDialects().find((d) => d.name === 'sqlite')!;

describe('reader pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let articlePath: string;

  before(async () => {
    t = await createTestApp(sqlite, { now: new Date().toISOString() });
    await seedDemo({ db: t.db, dataDir: t.dataDir, clock: t.clock });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    base = `http://127.0.0.1:${port}`;
    const lead = await t.db
      .selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .select(['a.slug', 's.slug as section'])
      .orderBy('a.published_at', 'desc')
      .executeTakeFirstOrThrow();
    articlePath = `/${lead.section}/${lead.slug}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t.close();
  });

  for (const [name, viewport] of Object.entries(viewports)) {
    test(`home, section and article pages fit a ${name} screen (${viewport.width} px) without scrolling sideways`, async () => {
      const page = await browser.newPage({ viewport });
      try {
        for (const path of ['/', '/securite', articlePath]) {
          const res = await page.goto(base + path);
          assert.equal(res?.status(), 200, path);
          const m = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            h1: document.querySelector('h1')?.getBoundingClientRect().width ?? 0,
            fontSize: parseFloat(getComputedStyle(document.body).fontSize),
            brokenImages: [...document.images].filter(
              (i) => i.complete && i.naturalWidth === 0 && i.loading !== 'lazy',
            ).length,
          }));
          assert.ok(
            m.scrollWidth <= m.innerWidth,
            `${path}: content ${m.scrollWidth}px wide in a ${m.innerWidth}px window`,
          );
          assert.ok(m.fontSize >= 16, `${path}: body text at ${m.fontSize}px`);
          assert.equal(m.brokenImages, 0, `${path}: broken images`);
        }
        const body = await page.evaluate(() =>
          parseFloat(getComputedStyle(document.querySelector('.body p')!).fontSize),
        );
        assert.ok(body >= 17, `article text at ${body}px`);
      } finally {
        await page.close();
      }
    });
  }

  test('the lead photo of an article is loaded eagerly with its intrinsic size reserved', async () => {
    const page = await browser.newPage({ viewport: viewports.phone });
    try {
      await page.goto(base + articlePath);
      const img = await page.evaluate(() => {
        const el = document.querySelector('figure.photo img') as HTMLImageElement;
        return {
          loaded: el.complete && el.naturalWidth > 0,
          loading: el.loading,
          ratio: el.getBoundingClientRect().height / el.getBoundingClientRect().width,
        };
      });
      assert.ok(img.loaded);
      assert.equal(img.loading, 'eager');
      assert.ok(Math.abs(img.ratio - 9 / 16) < 0.02, `ratio ${img.ratio}`);
    } finally {
      await page.close();
    }
  });
});
