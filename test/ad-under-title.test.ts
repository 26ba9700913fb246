import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { parse } from 'node-html-parser';
import { defaultSlots } from '../src/ads/default-slots.ts';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { bumpContentVersion } from '../src/cache/content-version.queries.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import * as underTitleMigration from '../src/db/migrations/2026_12_03_0011_under_title_slot.ts';
import { updateSiteSettings } from '../src/settings/setting.queries.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildCampaign, buildDefaultSlots } from './helpers/ad-factories.ts';
import { buildArticle, buildSection, buildUser, TEST_PASSWORD } from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const PHONE =
  'Mozilla/5.0 (Linux; Android 13; Tecno) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
const BODY = ['Un.', 'Deux.', 'Trois.', 'Quatre.', 'Cinq.'].join('\n\n');

for (const dialect of testDialects()) {
  describe(`the « sous le titre » slot and unsold slots on ${dialect.name}`, () => {
    let t: TestApp;
    let politique: Section;
    let article: ArticleRow;
    let noAds: ArticleRow;
    let underTitleId: number;
    let ip = 0;

    before(async () => {
      t = await createTestApp(dialect);
      politique = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      const slots = await buildDefaultSlots(t.db);
      underTitleId = slots.find((s) => s.key === 'sous-le-titre')!.id;
      article = await buildArticle(t.db, { section: politique, body: BODY });
      noAds = await buildArticle(t.db, { section: politique, body: BODY, no_ads: 1 });
      await buildUser(t.db, { email: 'admin@griot.test', role: 'admin' });
      await buildUser(t.db, { email: 'chef@griot.test', role: 'editor' });
    });
    after(() => t.close());
    beforeEach(async () => {
      // Counts of the last test's campaigns are written before the campaigns go.
      await t.ads.flush();
      await t.db.deleteFrom('ad_stats').execute();
      await t.db.deleteFrom('ad_campaigns').execute();
      await updateSiteSettings(t.db, { adsCollapseUnsoldOnPhones: false });
      await bumpContentVersion(t.db);
      t.cache.invalidate();
      t.clock.set('2026-11-23T12:00:00.000Z');
    });

    const view = (url: string) =>
      t.app.inject({
        url,
        remoteAddress: `198.51.100.${(++ip % 250) + 1}`,
        headers: { 'user-agent': PHONE },
      });
    const signIn = async (email: string) => {
      const member = new Browser(t, `192.0.2.${(++ip % 250) + 1}`);
      await member.login(email, TEST_PASSWORD);
      return member;
    };

    test('a new site has the slot, and an article shows it between its header and its text', async () => {
      assert.deepEqual(
        defaultSlots(t.clock.now()).map((s) => [s.key, s.placement]),
        [
          ['haut-de-page', 'top'],
          ['dans-l-article', 'in-article'],
          ['fin-d-article', 'article-end'],
          ['accueil', 'home'],
          ['sous-le-titre', 'under-title'],
        ],
      );
      const res = await view(`/politique/${article.slug}`);
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      const slot = doc.querySelector('aside.ad[data-slot="sous-le-titre"]');
      assert.ok(slot, 'the slot is on the page');
      assert.equal(slot.parentNode!.classList.contains('article'), true);
      assert.equal(slot.previousElementSibling?.tagName, 'HEADER');
      assert.ok(slot.classList.contains('ad-under-title'));
      const box = slot.querySelector('.ad-box')!;
      assert.match(box.getAttribute('style')!, /--pw:320;--ph:100;--dw:728;--dh:90/);
      // The page's other slots are still there, each once.
      const keys = doc.querySelectorAll('aside.ad').map((a) => a.getAttribute('data-slot'));
      assert.deepEqual(keys.sort(), [
        'dans-l-article',
        'fin-d-article',
        'haut-de-page',
        'sous-le-titre',
      ]);
    });

    test('the house ad invites advertisers, with a call to action to the advertise page', async () => {
      const doc = parse((await view(`/politique/${article.slug}`)).body);
      const link = doc.querySelector('[data-slot="sous-le-titre"] a.ad-fill')!;
      assert.equal(link.getAttribute('href'), '/annoncez-chez-nous');
      assert.equal(link.querySelector('strong')!.text, 'Votre Pub ici\u202F!');
      assert.equal(link.querySelector('.ad-line')!.text, 'Annoncez auprès de nos lecteurs');
      assert.equal(link.querySelector('.ad-cta')!.text, 'Voir nos offres');
    });

    test('an article « sans publicité » and the light edition have no slot under the title', async () => {
      const bare = parse((await view(`/politique/${noAds.slug}`)).body);
      assert.equal(bare.querySelectorAll('aside.ad').length, 0);
      const lite = await view(`/lite/politique/${article.slug}`);
      assert.equal(lite.statusCode, 200);
      assert.equal(parse(lite.body).querySelectorAll('aside.ad').length, 0);
    });

    test('the ads admin lists the slot, and a campaign made there runs in it', async () => {
      const editor = await signIn('chef@griot.test');
      const admin = parse((await editor.get('/admin/publicite')).body);
      assert.match(
        admin.querySelector('.ad-list')!.text.replace(/\s+/g, ' '),
        /Sous le titre sous-le-titre Actif Sous le titre des articles, avant la photo et le texte/,
      );
      const form = await editor.get('/admin/publicite/campagnes/nouvelle');
      const box = parse(form.body).querySelector(`input[name="slots"][value="${underTitleId}"]`);
      assert.ok(box, 'the campaign form offers the slot');
      await buildCampaign(t.db, { text_title: 'Riz du Fleuve', slotIds: [underTitleId] });
      await bumpContentVersion(t.db);
      const doc = parse((await view(`/politique/${article.slug}`)).body);
      assert.match(doc.querySelector('[data-slot="sous-le-titre"]')!.text, /Riz du Fleuve/);
      assert.match(doc.querySelector('[data-slot="fin-d-article"]')!.text, /Votre Pub ici/);
      // The advertise page tells advertisers about it.
      const advertise = parse((await view('/annoncez-chez-nous')).body);
      assert.match(advertise.text, /Sous le titre de chaque article, avant la photo/);
    });

    test('unsold slots collapse on phones once the newsroom ticks the setting; sold ones never', async () => {
      const before = parse((await view(`/politique/${article.slug}`)).body);
      assert.equal(before.querySelectorAll('aside.ad-collapse').length, 0, 'off by default');
      const admin = await signIn('admin@griot.test');
      const page = await admin.get('/admin/reglages');
      const box = parse(page.body).querySelector('input[name="adsCollapseUnsoldOnPhones"]')!;
      assert.equal(box.hasAttribute('checked'), false);
      const res = await admin.post('/admin/reglages', {
        _csrf: hiddenValue(page.body, '_csrf'),
        siteName: 'Le Veilleur',
        tagline: '',
        locale: 'fr',
        timeZone: 'Africa/Niamey',
        timeZoneOther: '',
        contactEmail: '',
        readerOptions: '1',
        feedFullText: '1',
        adsCollapseUnsoldOnPhones: '1',
      });
      assert.equal(res.statusCode, 303);
      const again = parse((await admin.get('/admin/reglages')).body);
      assert.equal(
        again.querySelector('input[name="adsCollapseUnsoldOnPhones"]')!.hasAttribute('checked'),
        true,
      );
      await buildCampaign(t.db, { slotIds: [underTitleId] });
      await bumpContentVersion(t.db);
      const served = await view(`/politique/${article.slug}`);
      assert.equal(served.statusCode, 200, served.body.slice(0, 500));
      const doc = parse(served.body);
      const classes = Object.fromEntries(
        doc
          .querySelectorAll('aside.ad')
          .map((a) => [a.getAttribute('data-slot'), a.classList.contains('ad-collapse')]),
      );
      assert.deepEqual(classes, {
        'haut-de-page': true,
        'sous-le-titre': false,
        'dans-l-article': true,
        'fin-d-article': true,
      });
      // Unticking it brings the house ads back in the served page.
      await admin.post('/admin/reglages', {
        _csrf: hiddenValue(again.toString(), '_csrf'),
        siteName: 'Le Veilleur',
        tagline: '',
        locale: 'fr',
        timeZone: 'Africa/Niamey',
        timeZoneOther: '',
        contactEmail: '',
        readerOptions: '1',
      });
      const off = parse((await view(`/politique/${article.slug}`)).body);
      assert.equal(off.querySelectorAll('aside.ad-collapse').length, 0);
    });

    test('the migration adds the slot, hidden, to a publication that has its slots; once', async () => {
      const database = await dialect.open();
      try {
        await migrateToLatest(database.db);
        // A fresh database: the publication is created later, with every slot.
        assert.equal((await database.db.selectFrom('ad_slots').select('id').execute()).length, 0);
        const older = defaultSlots(new Date('2026-11-01T00:00:00Z')).filter(
          (s) => s.key !== 'sous-le-titre',
        );
        await database.db.insertInto('ad_slots').values(older).execute();
        await underTitleMigration.up(database.db as Kysely<unknown>);
        await underTitleMigration.up(database.db as Kysely<unknown>);
        const rows = await database.db
          .selectFrom('ad_slots')
          .select(['key', 'placement', 'enabled', 'position', 'house_url'])
          .orderBy('position')
          .execute();
        assert.deepEqual(
          rows.map((r) => r.key),
          ['haut-de-page', 'dans-l-article', 'fin-d-article', 'accueil', 'sous-le-titre'],
        );
        const added = rows.at(-1)!;
        assert.equal(added.placement, 'under-title');
        assert.equal(Number(added.enabled), 0);
        assert.equal(added.house_url, '/annoncez-chez-nous');
        await underTitleMigration.down(database.db as Kysely<unknown>);
        assert.equal((await database.db.selectFrom('ad_slots').select('id').execute()).length, 4);
      } finally {
        await database.close();
      }
    });
  });
}
