import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import { insertMissingAdSlots } from '../src/ads/ad-delivery.queries.ts';
import { defaultSlots } from '../src/ads/default-slots.ts';
import type { NewAdCampaign } from '../src/ads/ad.table.ts';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { bumpContentVersion } from '../src/cache/content-version.queries.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildSection } from './helpers/factories.ts';
import { seeded } from './helpers/random.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const PHONE =
  'Mozilla/5.0 (Linux; Android 13; Tecno) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const BODY = ['Un.', 'Deux.', 'Trois.', 'Quatre.', 'Cinq.'].join('\n\n');

for (const dialect of testDialects()) {
  describe(`ad delivery on ${dialect.name}`, () => {
    let t: TestApp;
    let politique: Section;
    let economie: Section;
    let inPolitique: ArticleRow;
    let inEconomie: ArticleRow;
    let advertiserId: number;
    let ip = 0;

    before(async () => {
      t = await createTestApp(dialect, { random: seeded(11) });
      politique = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      economie = await buildSection(t.db, { name: 'Économie', slug: 'economie' });
      await insertMissingAdSlots(t.db, defaultSlots(t.clock.now()));
      inPolitique = await buildArticle(t.db, { section: politique, body: BODY });
      inEconomie = await buildArticle(t.db, { section: economie, body: BODY });
      advertiserId = (
        await t.db
          .insertInto('advertisers')
          .values({
            name: 'Quincaillerie Test',
            contact_name: '',
            contact_email: '',
            contact_phone: '',
            created_at: '2026-11-01T00:00:00.000Z',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    });
    after(() => t.close());
    beforeEach(async () => {
      // Each test starts with no campaign and no counts.
      await t.ads.flush();
      await t.db.deleteFrom('ad_campaigns').execute();
      await t.db.deleteFrom('ad_slot_stats').execute();
      await t.db.deleteFrom('ad_click_marks').execute();
      await bumpContentVersion(t.db);
      t.cache.invalidate();
      t.clock.set('2026-11-23T12:00:00.000Z');
    });

    const view = (url: string, headers: Record<string, string> = {}) =>
      t.app.inject({
        url,
        remoteAddress: `198.51.100.${(++ip % 250) + 1}`,
        headers: { 'user-agent': PHONE, ...headers },
      });
    const articleUrl = (a: ArticleRow, s: Section) => `/${s.slug}/${a.slug}`;
    const slotsOf = (html: string): Record<string, HTMLElement> =>
      Object.fromEntries(
        parse(html)
          .querySelectorAll('aside.ad')
          .map((el) => [el.getAttribute('data-slot'), el.querySelector('.ad-box')!]),
      );

    async function addCampaign(
      values: Partial<NewAdCampaign> & { slots: string[]; sections?: number[] },
    ): Promise<number> {
      const { slots, sections, ...row } = values;
      const id = (
        await t.db
          .insertInto('ad_campaigns')
          .values({
            advertiser_id: advertiserId,
            name: 'Campagne de test',
            tier: 'standard',
            weight: 1,
            status: 'active',
            starts_at: '2026-11-01T00:00:00.000Z',
            ends_at: null,
            creative_kind: 'text',
            media_id: null,
            text_title: 'Clous et vis au meilleur prix',
            text_body: 'Quincaillerie Test, marché central',
            link_url: 'https://quincaillerie.example/promo?de=griot',
            all_sections: sections ? 0 : 1,
            total_cap: null,
            daily_cap: null,
            report_key: `cle-${Math.random().toString(36).slice(2)}`,
            created_at: '2026-11-01T00:00:00.000Z',
            updated_at: '2026-11-01T00:00:00.000Z',
            ...row,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      for (const key of slots) {
        const slot = await t.db
          .selectFrom('ad_slots')
          .select('id')
          .where('key', '=', key)
          .executeTakeFirstOrThrow();
        await t.db
          .insertInto('ad_campaign_slots')
          .values({ campaign_id: id, slot_id: slot.id })
          .execute();
      }
      for (const sectionId of sections ?? [])
        await t.db
          .insertInto('ad_campaign_sections')
          .values({ campaign_id: id, section_id: sectionId })
          .execute();
      await bumpContentVersion(t.db);
      t.cache.invalidate();
      return id;
    }

    const stats = async (campaignId: number) => {
      const rows = await t.db
        .selectFrom('ad_stats')
        .select(['day', 'impressions', 'clicks'])
        .where('campaign_id', '=', campaignId)
        .execute();
      return rows.map((r) => ({
        ...r,
        impressions: Number(r.impressions),
        clicks: Number(r.clicks),
      }));
    };

    test('with no campaign, every slot shows « Votre Pub ici ! » in a box of its size', async () => {
      const home = slotsOf((await view('/')).body);
      const article = slotsOf((await view(articleUrl(inPolitique, politique))).body);
      const section = slotsOf((await view('/politique')).body);
      assert.deepEqual(Object.keys(home).sort(), ['accueil', 'haut-de-page']);
      assert.deepEqual(Object.keys(article).sort(), [
        'dans-l-article',
        'fin-d-article',
        'haut-de-page',
        'sous-le-titre',
      ]);
      assert.deepEqual(Object.keys(section), ['haut-de-page']);
      for (const box of [...Object.values(home), ...Object.values(article)]) {
        assert.match(box.text, /Votre Pub ici\u202F!/);
        assert.equal(box.querySelector('a')?.getAttribute('href'), '/annoncez-chez-nous');
      }
      assert.equal(
        article['haut-de-page']!.getAttribute('style'),
        '--pw:320;--ph:100;--dw:728;--dh:90',
      );
      // The in-article slot sits after the third paragraph.
      const body = parse((await view(articleUrl(inPolitique, politique))).body).querySelector(
        '.body',
      )!;
      assert.deepEqual(
        body.childNodes
          .filter((n) => n.nodeType === 1)
          .map((n) => (n as unknown as { rawTagName: string }).rawTagName),
        ['p', 'p', 'p', 'aside', 'p', 'p'],
      );
    });

    test('an article marked « sans publicité » carries no slot at all', async () => {
      const quiet = await buildArticle(t.db, { section: politique, body: BODY, no_ads: 1 });
      const res = await view(articleUrl(quiet, politique));
      assert.equal(res.statusCode, 200);
      assert.equal(parse(res.body).querySelectorAll('aside.ad').length, 0);
      assert.doesNotMatch(res.body, /griot:ad/);
    });

    test('a campaign shows in its slot and section only; elsewhere the house ad stays', async () => {
      await addCampaign({ slots: ['dans-l-article'], sections: [politique.id] });
      const here = slotsOf((await view(articleUrl(inPolitique, politique))).body);
      assert.match(here['dans-l-article']!.text, /Clous et vis au meilleur prix/);
      assert.match(here['dans-l-article']!.text, /quincaillerie\.example/);
      assert.match(here['fin-d-article']!.text, /Votre Pub ici\u202F!/);
      const elsewhere = slotsOf((await view(articleUrl(inEconomie, economie))).body);
      assert.match(elsewhere['dans-l-article']!.text, /Votre Pub ici\u202F!/);
    });

    test('start and end follow the newsroom day (Africa/Niamey, UTC+1), the end exclusive', async () => {
      // From 24 November 00:00 to 25 November 00:00, newsroom time.
      await addCampaign({
        slots: ['haut-de-page'],
        starts_at: '2026-11-23T23:00:00.000Z',
        ends_at: '2026-11-24T23:00:00.000Z',
      });
      const top = async () => slotsOf((await view('/')).body)['haut-de-page']!.text;
      t.clock.set('2026-11-23T22:59:59.000Z');
      assert.match(await top(), /Votre Pub ici\u202F!/);
      t.clock.set('2026-11-23T23:00:00.000Z');
      assert.match(await top(), /Clous et vis/);
      t.clock.set('2026-11-24T22:59:59.000Z');
      assert.match(await top(), /Clous et vis/);
      t.clock.set('2026-11-24T23:00:00.000Z');
      assert.match(await top(), /Votre Pub ici\u202F!/);
    });

    test('a daily cap falls back to the house ad, and the next newsroom day it runs again', async () => {
      const id = await addCampaign({ slots: ['haut-de-page'], daily_cap: 3 });
      const shown = async () =>
        /Clous et vis/.test(slotsOf((await view('/politique')).body)['haut-de-page']!.text);
      const seen = [];
      for (let i = 0; i < 5; i++) seen.push(await shown());
      assert.deepEqual(seen, [true, true, true, false, false]);
      await t.ads.flush();
      assert.deepEqual(await stats(id), [{ day: '2026-11-23', impressions: 3, clicks: 0 }]);
      // Midnight in Niamey is 23:00 UTC.
      t.clock.set('2026-11-23T23:00:01.000Z');
      assert.equal(await shown(), true);
    });

    test('a total cap ends the campaign for good; a sponsorship beats a standard campaign', async () => {
      await addCampaign({ slots: ['haut-de-page'], text_title: 'Standard' });
      await addCampaign({
        slots: ['haut-de-page'],
        tier: 'sponsorship',
        text_title: 'Parrainage',
        total_cap: 2,
      });
      const titles = [];
      for (let i = 0; i < 4; i++)
        titles.push(
          slotsOf((await view('/politique')).body)['haut-de-page']!.querySelector('strong')!.text,
        );
      assert.deepEqual(titles, ['Parrainage', 'Parrainage', 'Standard', 'Standard']);
    });

    test('each view shows and counts its own picks, slot by slot, as the picks change', async () => {
      // Two campaigns share the in-article slot; a third, capped at three, has the end slot.
      const alpha = await addCampaign({ slots: ['dans-l-article'], text_title: 'Alpha' });
      const bravo = await addCampaign({ slots: ['dans-l-article'], text_title: 'Bravo' });
      const end = await addCampaign({
        slots: ['fin-d-article'],
        text_title: 'Charlie',
        daily_cap: 3,
      });
      const seen: string[] = [];
      for (let i = 0; i < 12; i++) {
        const slots = slotsOf((await view(articleUrl(inPolitique, politique))).body);
        const titleIn = (key: string) => {
          const title = slots[key]!.querySelector('strong')!.text;
          return /Votre Pub ici/.test(title) ? 'maison' : title;
        };
        const [inArticle, atEnd] = [titleIn('dans-l-article'), titleIn('fin-d-article')];
        seen.push(`${inArticle}/${atEnd}`);
      }
      // Views with the same picks share a fill: each view still gets the creatives it counted.
      assert.deepEqual(
        seen.map((s) => s.split('/')[1]),
        ['Charlie', 'Charlie', 'Charlie', ...Array<string>(9).fill('maison')],
      );
      const shown = (title: string) => seen.filter((s) => s.startsWith(`${title}/`)).length;
      assert.ok(shown('Alpha') > 0 && shown('Bravo') > 0, seen.join(' '));
      assert.equal(shown('Alpha') + shown('Bravo'), 12);
      await t.ads.flush();
      const impressions = async (id: number) => (await stats(id))[0]?.impressions ?? 0;
      assert.equal(await impressions(alpha), shown('Alpha'));
      assert.equal(await impressions(bravo), shown('Bravo'));
      assert.equal(await impressions(end), 3);
    });

    test('robots and prefetches see the ads but are not counted; counts are written in batches', async () => {
      const id = await addCampaign({ slots: ['haut-de-page'] });
      await view('/politique');
      await view('/politique', { 'user-agent': GOOGLEBOT });
      await view('/politique', { 'sec-purpose': 'prefetch' });
      const head = await t.app.inject({
        method: 'HEAD',
        url: '/politique',
        headers: { 'user-agent': PHONE },
      });
      assert.equal(head.statusCode, 200);
      // Nothing is written on the page views themselves.
      assert.deepEqual(await stats(id), []);
      await t.ads.flush();
      assert.deepEqual(await stats(id), [{ day: '2026-11-23', impressions: 1, clicks: 0 }]);
      const slotViews = await t.db.selectFrom('ad_slot_stats').select(['views']).execute();
      assert.deepEqual(
        slotViews.map((r) => Number(r.views)),
        [1],
      );
    });

    test('a page that can carry a sold ad is not stored by CDNs; a house-only page is', async () => {
      const house = await view('/economie');
      assert.equal(house.headers['cdn-cache-control'], 'max-age=60, stale-while-revalidate=600');
      await addCampaign({ slots: ['haut-de-page'], sections: [politique.id] });
      const sold = await view('/politique');
      assert.equal(sold.headers['cdn-cache-control'], 'no-store');
      assert.equal(sold.headers['cache-control'], 'public, max-age=0, must-revalidate');
    });

    test('a click goes to the campaign’s own URL and counts once in a short while', async () => {
      const id = await addCampaign({ slots: ['dans-l-article'] });
      const page = parse((await view(articleUrl(inPolitique, politique))).body);
      const href = page.querySelector('[data-slot="dans-l-article"] a')!.getAttribute('href')!;
      assert.match(href, /^\/ads\/click\/\d+-\d+-[\w-]{22}$/);
      const click = (url = href, headers: Record<string, string> = {}) =>
        t.app.inject({
          url,
          remoteAddress: '203.0.113.9',
          headers: { 'user-agent': PHONE, ...headers },
        });
      const first = await click();
      assert.equal(first.statusCode, 302);
      assert.equal(first.headers.location, 'https://quincaillerie.example/promo?de=griot');
      assert.equal(first.headers['cache-control'], 'no-store');
      await click();
      await click(href, { 'user-agent': GOOGLEBOT });
      await t.ads.flush();
      assert.equal(
        (await stats(id)).reduce((n, r) => n + r.clicks, 0),
        1,
      );
      t.clock.advance(61_000);
      await click();
      await t.ads.flush();
      assert.equal(
        (await stats(id)).reduce((n, r) => n + r.clicks, 0),
        2,
      );
      // No address is stored: marks are keyed hashes.
      const marks = await t.db.selectFrom('ad_click_marks').select('key').execute();
      assert.ok(marks.every((m) => !m.key.includes('203.0.113.9')));
    });

    test('a tampered or forged click link is refused and redirects nowhere', async () => {
      const id = await addCampaign({ slots: ['dans-l-article'] });
      const page = parse((await view(articleUrl(inPolitique, politique))).body);
      const href = page.querySelector('[data-slot="dans-l-article"] a')!.getAttribute('href')!;
      const [campaign, slot, sig] = href.split('/').pop()!.split('-');
      const forged = [
        `/ads/click/${Number(campaign) + 1}-${slot}-${sig}`,
        `/ads/click/${campaign}-${Number(slot) + 1}-${sig}`,
        `/ads/click/${campaign}-${slot}-${'A'.repeat(22)}`,
        `/ads/click/${campaign}-${slot}`,
        `/ads/click/${campaign}-${slot}-${sig}?url=https://evil.example`,
      ];
      for (const url of forged.slice(0, 4)) {
        const res = await t.app.inject({ url, headers: { 'user-agent': PHONE } });
        assert.equal(res.statusCode, 404, url);
        assert.equal(res.headers.location, undefined);
      }
      const withQuery = await t.app.inject({ url: forged[4]!, headers: { 'user-agent': PHONE } });
      assert.equal(withQuery.headers.location, 'https://quincaillerie.example/promo?de=griot');
      await t.ads.flush();
      assert.equal(
        (await stats(id)).reduce((n, r) => n + r.clicks, 0),
        1,
      );
    });

    test('the « Annoncez chez nous » page lists the slots, their sizes and the measured audience', async () => {
      await view('/politique');
      await t.ads.flush();
      await bumpContentVersion(t.db);
      t.cache.invalidate();
      const res = await view('/annoncez-chez-nous');
      assert.equal(res.statusCode, 200);
      const text = parse(res.body).text;
      assert.match(text, /Annoncez chez nous/);
      assert.match(text, /Bannière sous l’en-tête/);
      assert.match(text, /320\u00A0×\u00A0100\u00A0px/);
      assert.match(text, /728\u00A0×\u00A090\u00A0px/);
    });
  });

  describe(`ad counts on ${dialect.name} survive a clean shutdown`, () => {
    test('views counted just before the app closes are written when it closes', async () => {
      const t = await createTestApp(dialect);
      try {
        const section = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
        await insertMissingAdSlots(t.db, defaultSlots(t.clock.now()));
        await buildArticle(t.db, { section });
        for (let i = 0; i < 7; i++)
          await t.app.inject({ url: '/politique', headers: { 'user-agent': PHONE } });
        assert.equal((await t.db.selectFrom('ad_slot_stats').selectAll().execute()).length, 0);
        await t.app.close();
        const rows = await t.db.selectFrom('ad_slot_stats').select('views').execute();
        assert.deepEqual(
          rows.map((r) => Number(r.views)),
          [7],
        );
      } finally {
        await t.database.close();
      }
    });
  });
}
