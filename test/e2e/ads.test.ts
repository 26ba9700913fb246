/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { insertMissingAdSlots } from '../../src/ads/ad-delivery.queries.ts';
import { defaultSlots } from '../../src/ads/default-slots.ts';
import type { ArticleRow } from '../../src/articles/article.table.ts';
import { bumpContentVersion } from '../../src/cache/content-version.queries.ts';
import { updateSiteSettings } from '../../src/settings/setting.queries.ts';
import { buildArticle, buildImage, buildSection } from '../helpers/factories.ts';
import { launchBrowser, PHONE_UA, serveForBrowser, viewports } from '../helpers/browser.ts';
import { createTestApp, testDialects, type TestApp } from '../helpers/setup.ts';

// Layout is the same whatever the database, so the browser checks run on SQLite only.
const sqlite = testDialects().find((d) => d.name === 'sqlite')!;

const BODY = Array.from(
  { length: 8 },
  (_, i) =>
    `Paragraphe ${i + 1} : un texte assez long pour remplir l’écran d’un téléphone et obliger le lecteur à faire défiler la page jusqu’aux emplacements publicitaires du bas.`,
).join('\n\n');

describe('ads in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let inPolitique: ArticleRow;
  let inEconomie: ArticleRow;
  // The advertiser's site: the closed network has no other, so it runs here.
  let advertiser: Server;
  let advertiserSite: string;

  before(async () => {
    t = await createTestApp(sqlite, { now: new Date().toISOString() });
    const politique = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
    const economie = await buildSection(t.db, { name: 'Économie', slug: 'economie' });
    await insertMissingAdSlots(t.db, defaultSlots(t.clock.now()));
    inPolitique = await buildArticle(t.db, { section: politique, body: BODY });
    inEconomie = await buildArticle(t.db, { section: economie, body: BODY });
    base = await serveForBrowser(t);
    browser = await launchBrowser();
    advertiser = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Quincaillerie Test</h1>'),
    );
    await new Promise<void>((resolve) => advertiser.listen(0, '127.0.0.1', resolve));
    advertiserSite = `http://127.0.0.1:${(advertiser.address() as AddressInfo).port}`;
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => advertiser?.close(resolve));
    await t.close();
  });

  /**
   * Opens a page, scrolls through it (lazy creatives load), and sums its layout shifts; `moved`
   * names what moved, for the failure message.
   */
  async function visit(
    page: Page,
    path: string,
    { slow = false }: { slow?: boolean } = {},
  ): Promise<{ cls: number; moved: string }> {
    if (slow) {
      // A budget phone on a poor link: a slow CPU, 50 KB/s and 200 ms round trips.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 200,
        downloadThroughput: 50_000,
        uploadThroughput: 50_000,
      });
    }
    await page.goto(base + path, { waitUntil: 'load' });
    await page.evaluate(async () => {
      for (let y = 0; y <= document.body.scrollHeight; y += 300) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 30));
      }
    });
    await page.waitForLoadState('networkidle');
    const { total, moved } = await page.evaluate(
      () =>
        new Promise<{ total: number; moved: string }>((resolve) => {
          let total = 0;
          const moved: string[] = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & {
              value: number;
              hadRecentInput: boolean;
              sources?: {
                node?: Node;
                previousRect: DOMRectReadOnly;
                currentRect: DOMRectReadOnly;
              }[];
            })[])
              if (!e.hadRecentInput) {
                total += e.value;
                for (const s of e.sources ?? []) {
                  const el = s.node instanceof Element ? s.node : s.node?.parentElement;
                  moved.push(
                    `${el?.tagName.toLowerCase() ?? '?'}.${el?.className ?? ''} at ${Math.round(e.startTime)} ms: ` +
                      `${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)}`,
                  );
                }
              }
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve({ total, moved: moved.join('; ') }), 100);
        }),
    );
    return { cls: total, moved };
  }

  const slotTexts = (page: Page) =>
    page.$$eval('aside.ad', (els) =>
      els.map((el) => [el.getAttribute('data-slot'), el.textContent ?? '']),
    );

  const articlePath = (a: ArticleRow, section: string) => `/${section}/${a.slug}`;

  for (const [name, viewport] of Object.entries(viewports))
    test(`with no campaign every slot shows « Votre Pub ici ! », and nothing shifts (${name})`, async () => {
      const context = await browser.newContext({ viewport, userAgent: PHONE_UA });
      const page = await context.newPage();
      try {
        for (const path of ['/', '/politique', articlePath(inPolitique, 'politique')]) {
          const { cls, moved } = await visit(page, path);
          assert.equal(cls, 0, `${path}: cumulative layout shift ${cls}: ${moved}`);
          const slots = await slotTexts(page);
          assert.ok(slots.length >= 1, path);
          for (const [key, text] of slots)
            assert.match(text!, /Votre Pub ici\s!/, `${path} ${key}`);
        }
      } finally {
        await context.close();
      }
    });

  test('on a slow phone the article paints whole at once: nothing shifts as the rest arrives', async () => {
    // The article carries its sheet inline, so the browser may paint before the page has all
    // arrived; without the first paint waiting for the article's text (link rel=expect
    // blocking=render), 3 slow visits in 30 here painted a share link before its text and moved
    // it (a shift of 0.00001–0.00003); with it, none in 24.
    const context = await browser.newContext({ viewport: viewports.phone, userAgent: PHONE_UA });
    try {
      for (let n = 1; n <= 6; n++) {
        const page = await context.newPage();
        const { cls, moved } = await visit(page, articlePath(inPolitique, 'politique'), {
          slow: true,
        });
        assert.equal(cls, 0, `slow visit ${n}: cumulative layout shift ${cls}: ${moved}`);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  test('unsold slots collapse on a 360 px phone when the newsroom prefers, decided before the first paint: nothing shifts, on or off', async () => {
    const path = articlePath(inPolitique, 'politique');
    const setCollapse = async (on: boolean) => {
      await updateSiteSettings(t.db, { adsCollapseUnsoldOnPhones: on });
      await bumpContentVersion(t.db);
      t.cache.invalidate();
    };
    // What the reader's screen holds for each slot: its box's height, 0 when it takes no room.
    const heights = (page: Page) =>
      page.$$eval('aside.ad', (els) =>
        Object.fromEntries(
          els.map((el): [string, number] => [
            el.getAttribute('data-slot') ?? '',
            el.getBoundingClientRect().height,
          ]),
        ),
      );
    try {
      for (const on of [false, true]) {
        await setCollapse(on);
        const context = await browser.newContext({
          viewport: viewports.phone,
          userAgent: PHONE_UA,
        });
        try {
          for (let n = 1; n <= 3; n++) {
            const page = await context.newPage();
            const { cls, moved } = await visit(page, path, { slow: true });
            assert.equal(cls, 0, `collapse ${on}, slow visit ${n}: layout shift ${cls}: ${moved}`);
            const boxes = await heights(page);
            assert.deepEqual(Object.keys(boxes).sort(), [
              'dans-l-article',
              'fin-d-article',
              'haut-de-page',
              'sous-le-titre',
            ]);
            for (const [key, h] of Object.entries(boxes))
              if (on) assert.equal(h, 0, `${key} takes no room`);
              else assert.ok(h >= 100, `${key}: ${h}px`);
            await page.close();
          }
        } finally {
          await context.close();
        }
      }
      // Wider screens keep every slot, and its reserved size.
      const context = await browser.newContext({ viewport: viewports.desktop });
      try {
        const page = await context.newPage();
        const { cls } = await visit(page, path);
        assert.equal(cls, 0);
        const box = await page.locator('[data-slot="sous-le-titre"] .ad-box').boundingBox();
        assert.equal(Math.round(box!.width), 704, 'the article column, 44rem');
        assert.equal(Math.round(box!.height), Math.round((704 * 90) / 728));
      } finally {
        await context.close();
      }
    } finally {
      await setCollapse(false);
    }
  });

  test('a campaign shows in its slot and section only, its click lands on the advertiser and counts, and nothing shifts', async () => {
    const image = await buildImage(t.db, t.dataDir, { width: 600, height: 500 });
    const buyer = await t.db
      .insertInto('advertisers')
      .values({
        name: 'Quincaillerie Test',
        contact_name: '',
        contact_email: '',
        contact_phone: '',
        created_at: t.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const campaign = await t.db
      .insertInto('ad_campaigns')
      .values({
        advertiser_id: buyer.id,
        name: 'Promo',
        tier: 'standard',
        weight: 1,
        status: 'active',
        starts_at: new Date(Date.now() - 3_600_000).toISOString(),
        ends_at: null,
        creative_kind: 'image',
        media_id: image.id,
        text_title: 'Quincaillerie Test : tout pour bâtir',
        text_body: '',
        link_url: `${advertiserSite}/promo`,
        all_sections: 0,
        total_cap: null,
        daily_cap: null,
        report_key: 'cle-e2e',
        created_at: t.clock.now().toISOString(),
        updated_at: t.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const slot = await t.db
      .selectFrom('ad_slots')
      .select('id')
      .where('key', '=', 'dans-l-article')
      .executeTakeFirstOrThrow();
    const politique = await t.db
      .selectFrom('sections')
      .select('id')
      .where('slug', '=', 'politique')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('ad_campaign_slots')
      .values({ campaign_id: campaign.id, slot_id: slot.id })
      .execute();
    await t.db
      .insertInto('ad_campaign_sections')
      .values({ campaign_id: campaign.id, section_id: politique.id })
      .execute();
    await bumpContentVersion(t.db);
    t.cache.invalidate();

    for (const [name, viewport] of Object.entries(viewports)) {
      const context = await browser.newContext({ viewport, userAgent: PHONE_UA });
      const page = await context.newPage();
      try {
        const { cls, moved } = await visit(page, articlePath(inPolitique, 'politique'));
        assert.equal(cls, 0, `${name}: cumulative layout shift ${cls}: ${moved}`);
        const creative = page.locator('[data-slot="dans-l-article"] img');
        assert.equal(
          await creative.getAttribute('alt'),
          'Quincaillerie Test\u00A0: tout pour bâtir',
        );
        assert.ok(await creative.evaluate((img: HTMLImageElement) => img.naturalWidth > 0));
        const box = await page.locator('[data-slot="dans-l-article"] .ad-box').boundingBox();
        assert.equal(Math.round(box!.width), 300);
        assert.equal(Math.round(box!.height), 250);
        for (const [key, text] of await slotTexts(page))
          if (key !== 'dans-l-article') assert.match(text!, /Votre Pub ici\s!/, key!);
        await visit(page, articlePath(inEconomie, 'economie'));
        assert.equal(await page.locator('[data-slot="dans-l-article"] img').count(), 0);
      } finally {
        await context.close();
      }
    }

    const context = await browser.newContext({ viewport: viewports.phone, userAgent: PHONE_UA });
    const page = await context.newPage();
    try {
      await visit(page, articlePath(inPolitique, 'politique'));
      await Promise.all([
        page.waitForURL(`${advertiserSite}/promo`),
        page.click('[data-slot="dans-l-article"] a'),
      ]);
      assert.equal(await page.textContent('h1'), 'Quincaillerie Test');
    } finally {
      await context.close();
    }
    await t.ads.flush();
    const stats = await t.db
      .selectFrom('ad_stats')
      .select(['impressions', 'clicks'])
      .where('campaign_id', '=', campaign.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(stats.clicks), 1);
    assert.ok(Number(stats.impressions) >= 3, `impressions ${stats.impressions}`);
  });
});
