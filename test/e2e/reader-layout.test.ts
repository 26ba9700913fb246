/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { viewports } from '../helpers/browser.ts';
import { latestArticlePath, startDemoSite, type DemoSite } from '../helpers/demo-site.ts';

describe('reader pages in Chromium', () => {
  let site: DemoSite;
  let browser: Browser;
  let base: string;
  let articlePath: string;

  before(async () => {
    site = await startDemoSite();
    ({ browser, base } = site);
    articlePath = await latestArticlePath(site.t.db);
  });
  after(() => site?.close());

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
