/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { raiseAlert } from '../../src/alerts/raise-alert.ts';
import { axeViolations, layoutShift, viewports } from '../helpers/browser.ts';
import { latestArticlePath, startDemoSite, type DemoSite } from '../helpers/demo-site.ts';

describe('the site alert in Chromium', () => {
  let site: DemoSite;
  let articlePath: string;

  before(async () => {
    site = await startDemoSite();
    articlePath = await latestArticlePath(site.t.db);
  });
  after(() => site?.close());

  test('the demo’s past alert is not on reader pages', async () => {
    const page = await site.browser.newPage({ viewport: viewports.phone });
    try {
      for (const path of ['/', articlePath, '/lite']) {
        await page.goto(site.base + path);
        assert.equal(await page.locator('.site-alert').count(), 0, path);
      }
    } finally {
      await page.close();
    }
  });

  test('a raised alert is the first thing on every page, at 360 and 1280 px, accessible and without shifting anything', async () => {
    const now = site.t.clock.now();
    await raiseAlert(site.t.db, {
      text: 'Attaque près de Tillabéri : ce que l’on sait à cette heure, ce que l’armée confirme',
      linkUrl: articlePath,
      endsAt: new Date(now.getTime() + 2 * 3_600_000),
      now,
      by: null,
    });
    site.t.cache.invalidate();
    for (const viewport of Object.values(viewports)) {
      const page = await site.browser.newPage({ viewport });
      try {
        for (const path of ['/', '/securite', articlePath, '/lite', `/lite${articlePath}`]) {
          await page.goto(site.base + path);
          const box = await page.locator('.site-alert').boundingBox();
          assert.ok(box, `${path}: banner shown`);
          assert.equal(box.y, 0, `${path}: banner at the top`);
          assert.ok(box.height <= 90, `${path}: banner ${box.height}px high`);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= viewport.width, `${path}: ${width}px wide`);
          assert.equal(await layoutShift(page), 0, `${path}: layout shift`);
          // The link keeps the edition.
          const href = await page.locator('.site-alert a').getAttribute('href');
          assert.equal(href, path.startsWith('/lite') ? `/lite${articlePath}` : articlePath);
        }
        await page.goto(site.base + articlePath);
        assert.deepEqual(
          await axeViolations(page),
          [],
          `article accessibility at ${viewport.width}px`,
        );
        assert.deepEqual(
          await page.getByRole('region', { name: 'Alerte' }).count(),
          1,
          'a landmark named « Alerte »',
        );
      } finally {
        await page.close();
      }
    }
  });
});
