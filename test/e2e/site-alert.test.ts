/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { raiseAlert } from '../../src/alerts/raise-alert.ts';
import { viewports } from '../helpers/browser.ts';
import { latestArticlePath, startDemoSite, type DemoSite } from '../helpers/demo-site.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical accessibility violations axe-core finds on the page. */
async function axeViolations(page: Page): Promise<string[]> {
  // Through the DevTools protocol: a <script> element would be refused by the page's CSP.
  await page.evaluate(readFileSync(axePath, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations as {
      id: string;
      impact: string;
      nodes: { target: string[] }[];
    }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The page's cumulative layout shift so far (without user input). */
function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[])
            if (!e.hadRecentInput) total += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 100);
      }),
  );
}

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
