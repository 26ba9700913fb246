import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import type { AdCampaign } from '../src/ads/ad.table.ts';
import { bumpContentVersion } from '../src/cache/content-version.queries.ts';
import { updateSiteSettings } from '../src/settings/setting.queries.ts';
import {
  buildAdvertiser,
  buildCampaign,
  buildDefaultSlots,
  recordDays,
} from './helpers/ad-factories.ts';
import { buildSection, buildUser } from './helpers/factories.ts';
import type { Browser } from './helpers/http.ts';
import { signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const NB = '\u00A0';
const NNB = '\u202F';

// The clock says 2026-11-23T12:00Z, 13:00 in Niamey (UTC+1), the newsroom's default zone.
// Newsroom midnights are therefore 23:00 UTC the day before.
for (const dialect of testDialects()) {
  describe(`ad campaign reports on ${dialect.name}`, () => {
    let t: TestApp;
    let editor: Browser;
    let author: Browser;
    const c: Record<string, AdCampaign> = {};

    before(async () => {
      t = await createTestApp(dialect);
      const politique = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      await buildSection(t.db, { name: 'Sport', slug: 'sport' });
      await buildUser(t.db, { email: 'chef@griot.test', name: 'Chef Édition', role: 'editor' });
      await buildUser(t.db, { email: 'awa@griot.test', name: 'Awa Auteure', role: 'author' });
      const slots = await buildDefaultSlots(t.db);
      const slot = (key: string) => slots.find((s) => s.key === key)!.id;
      const diallo = await buildAdvertiser(t.db, { name: 'Maison Diallo' });

      // 1 to 30 November, capped at 30 000 impressions and 1 500 a day.
      c.soldes = await buildCampaign(t.db, {
        advertiser_id: diallo.id,
        name: 'Soldes d’hiver',
        starts_at: '2026-10-31T23:00:00.000Z',
        ends_at: '2026-11-30T23:00:00.000Z',
        total_cap: 30_000,
        daily_cap: 1_500,
        slotIds: [slot('fin-d-article'), slot('haut-de-page')],
        sectionIds: [politique.id],
      });
      const days: Record<string, [number, number]> = {};
      for (let d = 1; d <= 12; d++) days[`2026-11-${String(d).padStart(2, '0')}`] = [1_500, 18];
      days['2026-11-20'] = [1_400, 20];
      days['2026-11-23'] = [600, 14];
      await recordDays(t.db, c.soldes.id, days);

      // Same advertiser, another campaign: its report must stay apart.
      c.sameAdvertiser = await buildCampaign(t.db, {
        advertiser_id: diallo.id,
        name: 'Opération rentrée Diallo',
      });
      await recordDays(t.db, c.sameAdvertiser.id, { '2026-11-05': [777_777, 7_777] });

      // 13 November to 2 December, 20 000 booked: about half the time gone, 3 000 shown.
      c.lagging = await buildCampaign(t.db, {
        name: 'Librairie du Fleuve, rentrée',
        starts_at: '2026-11-12T23:00:00.000Z',
        ends_at: '2026-12-02T23:00:00.000Z',
        total_cap: 20_000,
      });
      await recordDays(t.db, c.lagging.id, { '2026-11-14': [2_000, 9], '2026-11-15': [1_000, 2] });
      c.endingSoon = await buildCampaign(t.db, {
        name: 'Fête de l’indépendance',
        ends_at: '2026-11-26T23:00:00.000Z',
      });
      c.uncapped = await buildCampaign(t.db, { name: 'Sans plafond, rien livré' });
      c.justStarted = await buildCampaign(t.db, {
        name: 'Commencée ce matin',
        starts_at: '2026-11-23T06:00:00.000Z',
        total_cap: 50_000,
      });
      c.pausedBehind = await buildCampaign(t.db, {
        name: 'En pause, en retard',
        status: 'paused',
        total_cap: 50_000,
      });
      c.over = await buildCampaign(t.db, {
        name: 'Terminée la semaine dernière',
        ends_at: '2026-11-20T23:00:00.000Z',
        total_cap: 50_000,
      });
      c.script = await buildCampaign(t.db, { name: '<script>alert("x")</script> & Cie' });

      editor = await signIn(t, 'chef@griot.test');
      author = await signIn(t, 'awa@griot.test');
    });
    after(() => t.close());

    const reportUrl = (campaign: AdCampaign) => `/admin/publicite/campagnes/${campaign.id}/rapport`;

    test('the report shows the campaign, its totals and a French click-through rate', async () => {
      const res = await editor.get(reportUrl(c.soldes!));
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'private, no-store');
      const doc = parse(res.body);
      assert.equal(doc.querySelector('h1')!.text, 'Soldes d’hiver');
      const facts = doc.querySelector('.report-facts')!.text;
      assert.match(facts, /Maison Diallo/);
      assert.match(
        facts,
        new RegExp(`du 1er novembre 2026 à 0${NB}h${NB}00 au 1er décembre 2026 à 0${NB}h${NB}00`),
      );
      assert.match(facts, /Bannière sous l’en-tête, Fin d’article/);
      assert.match(facts, /Politique/);
      assert.doesNotMatch(facts, /Sport/);
      assert.match(facts, /En cours/);
      const totals = doc.querySelectorAll('.report-totals dd').map((dd) => dd.text);
      assert.deepEqual(totals, [`20${NNB}000`, '250', `1,25${NNB}%`]);
    });

    test('delivery is measured against the total cap, the daily cap and the dates', async () => {
      const doc = parse((await editor.get(reportUrl(c.soldes!))).body);
      const pace = doc.querySelector('section[aria-labelledby="livraison"]')!.text;
      // 20 000 of 30 000; 22 days and 13 hours of 30 days gone.
      assert.match(pace, new RegExp(`67${NNB}% livré, 75${NNB}% du temps écoulé`));
      assert.match(pace, new RegExp(`20${NNB}000 impressions sur 30${NNB}000`));
      assert.match(pace, new RegExp(`1${NNB}500 impressions par jour, atteint 12 jours sur 23`));
      assert.match(pace, new RegExp(`22${NNB}542 impressions auraient été livrées à ce jour`));
      assert.equal(doc.querySelector('.report-alert'), null, 'on pace: no alert');
    });

    test('the table lists every day from the start to today, days without delivery included', async () => {
      const doc = parse((await editor.get(reportUrl(c.soldes!))).body);
      const rows = doc.querySelectorAll('.report-table tbody tr');
      assert.equal(rows.length, 23);
      const day = (i: number) => rows[i]!.querySelector('time')!.getAttribute('datetime');
      assert.equal(day(0), '2026-11-01');
      assert.equal(day(22), '2026-11-23');
      const cells = (i: number) => rows[i]!.querySelectorAll('td').map((td) => td.text);
      assert.deepEqual(cells(0), [`1${NNB}500`, '18', `1,20${NNB}%`]);
      assert.deepEqual(cells(12), ['0', '0', '—'], '13 November: nothing shown');
      assert.equal(doc.querySelectorAll('.report-table tbody tr.is-zero').length, 9);
      assert.deepEqual(
        doc.querySelectorAll('.report-table tfoot td').map((td) => td.text),
        [`20${NNB}000`, '250', `1,25${NNB}%`],
      );
    });

    test('the chart is an SVG image with a title, a description and a bar per day with delivery', async () => {
      const doc = parse((await editor.get(reportUrl(c.soldes!))).body);
      const svg = doc.querySelector('svg.daily-chart')!;
      assert.equal(svg.getAttribute('role'), 'img');
      const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
      assert.match(doc.getElementById(titleId!)!.text, /Impressions et clics par jour/);
      assert.match(
        doc.getElementById(descId!)!.text,
        new RegExp(`20${NNB}000 impressions et 250 clics au total`),
      );
      assert.equal(svg.querySelectorAll('rect.chart-bar').length, 14);
      assert.match(svg.text, /Impressions par jour/);
      assert.match(svg.text, /Clics par jour/);
    });

    test('the report links back to the campaign and to its CSV, and gives the advertiser’s link', async () => {
      const doc = parse((await editor.get(reportUrl(c.soldes!))).body);
      const hrefs = doc.querySelectorAll('.report a').map((a) => a.getAttribute('href'));
      assert.ok(hrefs.includes(`/admin/publicite/campagnes/${c.soldes!.id}`));
      assert.ok(hrefs.includes(`${reportUrl(c.soldes!)}.csv`));
      assert.ok(hrefs.includes(`/annonceurs/rapport/${c.soldes!.report_key}`));
    });

    test('the CSV export is UTF-8 with a BOM, semicolons, one line per day and a named file', async () => {
      const res = await editor.get(`${reportUrl(c.soldes!)}.csv`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(
        res.headers['content-disposition'],
        `attachment; filename="rapport-soldes-d-hiver-${c.soldes!.id}.csv"`,
      );
      assert.equal(res.headers['cache-control'], 'private, no-store');
      const bytes = res.rawPayload;
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
      assert.equal(lines[0], 'date;impressions;clics;CTR');
      assert.equal(lines[1], '2026-11-01;1500;18;1,20%');
      assert.equal(lines[13], '2026-11-13;0;0;');
      assert.equal(lines[23], '2026-11-23;600;14;2,33%');
      assert.equal(lines.length, 25, '23 days, the header and the final line break');
    });

    test('a campaign whose name is markup is shown as text, and its CSV file name stays plain', async () => {
      const page = await editor.get(reportUrl(c.script!));
      assert.doesNotMatch(page.body, /<script>alert/);
      assert.match(page.body, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; Cie/);
      const advertiser = await t.app.inject(`/annonceurs/rapport/${c.script!.report_key}`);
      assert.doesNotMatch(advertiser.body, /<script>alert/);
      const csv = await editor.get(`${reportUrl(c.script!)}.csv`);
      assert.match(
        csv.headers['content-disposition'] as string,
        new RegExp(`^attachment; filename="rapport-[a-z0-9-]+-${c.script!.id}\\.csv"$`),
      );
    });

    test('an author may see neither the report nor its CSV', async () => {
      assert.equal((await author.get(reportUrl(c.soldes!))).statusCode, 403);
      assert.equal((await author.get(`${reportUrl(c.soldes!)}.csv`)).statusCode, 403);
    });

    test('a visitor who is not signed in is sent to the login page', async () => {
      const res = await t.app.inject(reportUrl(c.soldes!));
      assert.equal(res.statusCode, 303);
      assert.match(res.headers.location as string, /^\/login/);
    });

    test('an unknown campaign has no report', async () => {
      assert.equal((await editor.get('/admin/publicite/campagnes/999999/rapport')).statusCode, 404);
      assert.equal(
        (await editor.get('/admin/publicite/campagnes/abc/rapport.csv')).statusCode,
        404,
      );
    });

    test('the advertiser’s link opens a private, unindexed report of that campaign only', async () => {
      const res = await t.app.inject(`/annonceurs/rapport/${c.soldes!.report_key}`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'private, no-store');
      assert.equal(res.headers['x-robots-tag'], 'noindex, nofollow');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      assert.equal(res.headers['set-cookie'], undefined);
      const doc = parse(res.body);
      assert.match(doc.querySelector('meta[name="robots"]')!.getAttribute('content')!, /noindex/);
      assert.equal(doc.querySelector('h1')!.text, 'Soldes d’hiver');
      assert.match(doc.querySelector('.masthead')!.text, /Griot/);
      assert.deepEqual(
        doc.querySelectorAll('.report-totals dd').map((dd) => dd.text),
        [`20${NNB}000`, '250', `1,25${NNB}%`],
      );
      assert.equal(doc.querySelectorAll('.report-table tbody tr').length, 23);
      for (const other of Object.values(c).filter((x) => x.id !== c.soldes!.id))
        assert.ok(!res.body.includes(other.name), `shows ${other.name}`);
      assert.doesNotMatch(res.body, /777/);
      assert.doesNotMatch(res.body, /\/admin/, 'no newsroom link');
      assert.equal(doc.querySelector('nav'), null, 'no site navigation');
    });

    test('an advertiser’s report of a campaign behind its pace carries no internal alert', async () => {
      const admin = parse((await editor.get(reportUrl(c.lagging!))).body);
      assert.match(admin.querySelector('.report-alert')!.text, /Sous-livraison/);
      const res = await t.app.inject(`/annonceurs/rapport/${c.lagging!.report_key}`);
      assert.equal(res.statusCode, 200);
      assert.doesNotMatch(res.body, /Sous-livraison/);
    });

    test('a wrong, truncated or differently cased key is not found, with no index either', async () => {
      const key = c.soldes!.report_key;
      for (const wrong of ['pas-la-bonne-cle', key.slice(0, -1), `${key}x`, swapCase(key)]) {
        const res = await t.app.inject(`/annonceurs/rapport/${encodeURIComponent(wrong)}`);
        assert.equal(res.statusCode, 404, wrong);
        assert.equal(res.headers['x-robots-tag'], 'noindex, nofollow');
        assert.doesNotMatch(res.body, /Soldes/);
      }
    });

    test('the dashboard lists campaigns ending within 7 days and those under-delivering', async () => {
      const res = await editor.get('/admin');
      const block = parse(res.body).querySelector('#publicite')!;
      assert.ok(block, 'the Publicité block');
      const names = (list: string) =>
        block.querySelectorAll(`${list} li > a:first-child`).map((a) => a.text);
      assert.deepEqual(names('.ads-ending'), ['Fête de l’indépendance']);
      assert.match(
        block.querySelector('.ads-ending')!.text,
        new RegExp(`fin le 27 novembre 2026 à 0${NB}h${NB}00`),
      );
      assert.deepEqual(names('.ads-lagging'), ['Librairie du Fleuve, rentrée']);
      assert.match(
        block.querySelector('.ads-lagging')!.text,
        new RegExp(`3${NNB}000 impressions livrées, 10${NNB}542 attendues à ce jour`),
      );
      assert.ok(
        block.querySelectorAll('a').some((a) => a.getAttribute('href') === reportUrl(c.lagging!)),
      );
    });

    test('an author’s dashboard has no Publicité block', async () => {
      const res = await author.get('/admin');
      assert.equal(res.statusCode, 200);
      assert.equal(parse(res.body).querySelector('#publicite'), null);
    });

    // Last: it switches the site to English.
    test('an English newsroom reads its report in English, with English number formats', async () => {
      await updateSiteSettings(t.db, { locale: 'en' });
      await bumpContentVersion(t.db);
      const doc = parse((await editor.get(reportUrl(c.soldes!))).body);
      assert.equal(doc.querySelector('#totaux')!.text, 'Totals');
      assert.deepEqual(
        doc.querySelectorAll('.report-totals dd').map((dd) => dd.text),
        ['20,000', '250', '1.25%'],
      );
      assert.match(
        doc.querySelector('.report-pace')!.text,
        /67% delivered, 75% of the time elapsed/,
      );
      assert.match(doc.querySelector('.report-facts')!.text, /from 1 November 2026 at 00:00/);
    });
  });
}

function swapCase(text: string): string {
  return [...text]
    .map((ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()))
    .join('');
}
