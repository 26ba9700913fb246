import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { articleKey, LISTS_KEY } from '../src/articles/article-keys.ts';
import { MOST_READ_TTL_MS } from '../src/articles/article-views.ts';
import { bumpContentVersion } from '../src/cache/content-version.queries.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildSection } from './helpers/factories.ts';
import { buildNewsroom, signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const PHONE =
  'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';

// The clock starts at 2026-11-23T12:00Z: 13:00 in Niamey, the newsroom's default zone.
for (const dialect of testDialects()) {
  describe(`most read on ${dialect.name}`, () => {
    let t: TestApp;
    let section: Section;
    const path = (a: ArticleRow) => `/${section.slug}/${a.slug}`;
    const view = (url: string, headers: Record<string, string> = {}) =>
      t.app.inject({ url, headers: { 'user-agent': PHONE, ...headers } });
    const counts = async () =>
      (
        await t.db
          .selectFrom('article_views')
          .select(['article_id', 'day', 'hour', 'views'])
          .orderBy('hour')
          .orderBy('article_id')
          .execute()
      ).map((r) => ({ ...r, views: Number(r.views) }));
    // Each test starts with an empty count.
    const reset = async (at = '2026-11-23T12:00:00.000Z') => {
      await t.views.flush();
      await t.db.deleteFrom('article_views').execute();
      t.clock.set(at);
    };
    // Past twice the refresh time, the next view waits for a new list.
    const quietSpell = () => t.clock.advance(2 * MOST_READ_TTL_MS + 1);

    before(async () => {
      t = await createTestApp(dialect);
      await buildNewsroom(t.db);
      section = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
    });
    after(() => t.close());

    test('views are counted in memory, then written per article, newsroom day and hour', async () => {
      const a = await buildArticle(t.db, { section, title: 'Le couvre-feu levé à Niamey' });
      await reset();
      const first = await view(path(a));
      assert.equal(first.statusCode, 200);
      // A cache hit and a revalidation (304) are views the app sees too.
      assert.equal((await view(path(a))).statusCode, 200);
      const again = await view(path(a), { 'if-none-match': String(first.headers.etag) });
      assert.equal(again.statusCode, 304);
      // Nothing is written per view.
      assert.deepEqual(await counts(), []);
      await t.views.flush();
      assert.deepEqual(await counts(), [
        { article_id: a.id, day: '2026-11-23', hour: '2026-11-23T12', views: 3 },
      ]);
      // 23:30 UTC is already the 24th in Niamey: the day is the newsroom's, the hour UTC.
      t.clock.set('2026-11-23T23:30:00.000Z');
      await view(path(a));
      await t.views.flush();
      assert.deepEqual((await counts()).at(-1), {
        article_id: a.id,
        day: '2026-11-24',
        hour: '2026-11-23T23',
        views: 1,
      });
    });

    test('robots, prefetches, HEAD requests and signed-in newsroom members are not counted', async () => {
      const a = await buildArticle(t.db, { section, title: 'Ce que les robots ne comptent pas' });
      await reset();
      const skipped: Record<string, string>[] = [
        {
          'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
        },
        { 'user-agent': '' },
        { 'sec-purpose': 'prefetch' },
        { 'sec-purpose': 'prefetch;prerender' },
        { purpose: 'prefetch' },
      ];
      for (const headers of skipped) assert.equal((await view(path(a), headers)).statusCode, 200);
      const head = await t.app.inject({
        method: 'HEAD',
        url: path(a),
        headers: { 'user-agent': PHONE },
      });
      assert.equal(head.statusCode, 200);
      const editor = await signIn(t, 'chef@griot.test');
      assert.equal((await editor.get(path(a), { 'user-agent': PHONE })).statusCode, 200);
      await t.views.flush();
      assert.deepEqual(await counts(), []);
      // The same page, asked by a reader: counted.
      await view(path(a));
      await t.views.flush();
      assert.equal((await counts()).length, 1);
    });

    test('counting sets no cookie and the page stays shared', async () => {
      const a = await buildArticle(t.db, { section, title: 'Un article sans cookie' });
      await reset();
      const res = await view(path(a));
      assert.equal(res.headers['set-cookie'], undefined);
      assert.match(String(res.headers['cache-control']), /^public/);
      const home = await view('/');
      assert.equal(home.headers['set-cookie'], undefined);
    });

    test('« Les plus lus » shows the top 5 of the last 24 hours on the home page and under articles', async () => {
      await reset('2026-11-22T10:00:00.000Z');
      const titles = ['Premier', 'Deuxième', 'Troisième', 'Quatrième', 'Cinquième', 'Sixième'];
      const arts = [];
      for (const title of titles)
        arts.push(await buildArticle(t.db, { section, title: `Top : ${title} article` }));
      const old = await buildArticle(t.db, { section, title: 'Lu hier matin seulement' });
      const draft = await buildArticle(t.db, {
        section,
        title: 'Un brouillon très lu',
        status: 'draft',
      });
      // 26 hours before the list: many views, out of the window.
      for (let i = 0; i < 20; i++) await view(path(old));
      await t.views.flush();
      t.clock.set('2026-11-23T11:00:00.000Z');
      // Sixième 1 view … Premier 6 views; the draft's views never show.
      for (const [i, a] of arts.entries())
        for (let n = 0; n < arts.length - i; n++) await view(path(a));
      await t.db
        .insertInto('article_views')
        .values({ article_id: draft.id, day: '2026-11-23', hour: '2026-11-23T11', views: 99 })
        .execute();
      await t.views.flush();
      t.clock.set('2026-11-23T12:00:00.000Z');
      quietSpell();

      const listOf = (html: string) =>
        parse(html)
          .querySelectorAll('.most-read li a')
          .map((l) => [l.text, l.getAttribute('href')]);
      const expected = arts.slice(0, 5).map((a) => [a.title.replace(' : ', '\u00A0: '), path(a)]);
      const home = await view('/');
      assert.deepEqual(listOf(home.body), expected);
      assert.equal(parse(home.body).querySelector('.most-read h2')!.text, 'Les plus lus');
      const article = parse((await view(path(arts[5]!))).body);
      assert.deepEqual(
        article.querySelectorAll('article .most-read li a').map((l) => l.getAttribute('href')),
        expected.map((e) => e[1]),
      );
      // An article in the list never lists itself: its page shows the next one instead.
      const first = parse((await view(path(arts[0]!))).body);
      assert.deepEqual(
        first.querySelectorAll('article .most-read li a').map((l) => l.getAttribute('href')),
        arts.slice(1, 6).map((a) => path(a)),
      );

      // 24 hours on, yesterday's views are out of the window: no block at all.
      t.clock.advance(24 * 3_600_000);
      await t.views.flush();
      await t.db.deleteFrom('article_views').where('hour', '>=', '2026-11-23T12').execute();
      quietSpell();
      const later = await view('/');
      assert.deepEqual(listOf(later.body), []);
      assert.equal(parse(later.body).querySelector('.most-read'), null);
    });

    test('the list is recomputed every few minutes without dropping the cached page', async () => {
      await reset();
      const a = await buildArticle(t.db, { section, title: 'Le match de ce soir' });
      const b = await buildArticle(t.db, { section, title: 'La finale en direct' });
      await view(path(a));
      await t.views.flush();
      quietSpell();
      const first = await view('/');
      assert.deepEqual(
        parse(first.body)
          .querySelectorAll('.most-read li a')
          .map((l) => l.getAttribute('href')),
        [path(a)],
      );
      const entries = t.cache.stats().entries;
      // A recomputed list that shows the same articles is the same body, with the same ETag
      // (on every instance: the list is named by what it shows).
      await view(path(a));
      await t.views.flush();
      quietSpell();
      assert.equal((await view('/')).headers.etag, first.headers.etag);
      for (let i = 0; i < 3; i++) await view(path(b));
      await t.views.flush();
      // Within the few minutes, the same list (and the same ETag).
      t.clock.advance(60_000);
      const same = await view('/');
      assert.equal(same.headers.etag, first.headers.etag);
      // Past them, the next view starts a refresh and serves the list it has; the one after
      // gets the new list, from the same cached page.
      t.clock.advance(MOST_READ_TTL_MS);
      const stale = await view('/');
      assert.equal(stale.headers.etag, first.headers.etag);
      // The refresh runs off the views' path: poll for it, with a deadline.
      const hrefs = (html: string) =>
        parse(html)
          .querySelectorAll('.most-read li a')
          .map((l) => l.getAttribute('href'));
      let fresh = stale;
      for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
        fresh = await view('/');
        if (fresh.headers.etag !== first.headers.etag) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      assert.deepEqual(hrefs(fresh.body), [path(b), path(a)]);
      assert.notEqual(fresh.headers.etag, first.headers.etag);
      assert.ok(t.cache.stats().entries >= entries);
    });

    test('an edit shows a listed title at once, and the ranking moves only every few minutes', async () => {
      await reset();
      const a = await buildArticle(t.db, { section, title: 'Le budget est voté' });
      const b = await buildArticle(t.db, { section, title: 'Les pluies de la nuit' });
      await view(path(a));
      await view(path(a));
      await view(path(b));
      await t.views.flush();
      quietSpell();
      const listOf = (html: string) =>
        parse(html)
          .querySelectorAll('.most-read li a')
          .map((l) => [l.text, l.getAttribute('href')]);
      assert.deepEqual(listOf((await view('/')).body), [
        [a.title, path(a)],
        [b.title, path(b)],
      ]);
      // B overtakes A; then A's title is edited (another instance's change, through the log).
      for (let i = 0; i < 3; i++) await view(path(b));
      await t.views.flush();
      await t.db
        .updateTable('articles')
        .set({ title: 'Le budget est enfin voté' })
        .where('id', '=', a.id)
        .execute();
      await bumpContentVersion(t.db, [articleKey(a.id), LISTS_KEY]);
      t.clock.advance(60_000);
      // The new title at once, in the same order: an edit never makes every article page's
      // block (and body) new by ranking the list again.
      assert.deepEqual(listOf((await view('/')).body), [
        ['Le budget est enfin voté', path(a)],
        [b.title, path(b)],
      ]);
      // Past the few minutes, the ranking moves (refreshed off the views' path: polled).
      t.clock.advance(MOST_READ_TTL_MS);
      let ranked = listOf((await view('/')).body);
      for (
        let deadline = Date.now() + 5_000;
        ranked[0]?.[1] !== path(b) && Date.now() < deadline;
      ) {
        await new Promise((r) => setTimeout(r, 10));
        ranked = listOf((await view('/')).body);
      }
      assert.deepEqual(ranked, [
        [b.title, path(b)],
        ['Le budget est enfin voté', path(a)],
      ]);
      // An article unpublished leaves the list at once, the ranking moving with it.
      await t.db.updateTable('articles').set({ status: 'draft' }).where('id', '=', b.id).execute();
      await bumpContentVersion(t.db, [articleKey(b.id), LISTS_KEY]);
      assert.deepEqual(listOf((await view('/')).body), [['Le budget est enfin voté', path(a)]]);
    });

    test('an article page shows its views per day to the newsroom, and the dashboard the most read', async () => {
      await reset();
      const a = await buildArticle(t.db, { section, title: 'Élection : les résultats' });
      await t.db
        .insertInto('article_views')
        .values([
          { article_id: a.id, day: '2026-11-21', hour: '2026-11-21T09', views: 40 },
          { article_id: a.id, day: '2026-11-21', hour: '2026-11-21T10', views: 2 },
          { article_id: a.id, day: '2026-11-23', hour: '2026-11-23T11', views: 7 },
          // Before the chart's 30 days: in the total only.
          { article_id: a.id, day: '2026-10-01', hour: '2026-10-01T10', views: 1 },
        ])
        .execute();
      const editor = await signIn(t, 'chef@griot.test');
      const page = parse((await editor.get(`/admin/articles/${a.id}`)).body);
      const chart = page.querySelector('#lectures')!;
      assert.ok(chart);
      assert.equal(chart.querySelectorAll('rect.chart-bar').length, 2);
      assert.deepEqual(
        chart
          .querySelectorAll('tbody tr')
          .map((tr) => [tr.querySelector('th')!.text, tr.querySelector('td')!.text]),
        [
          ['21 nov.', '42'],
          ['23 nov.', '7'],
        ],
      );
      assert.match(chart.text, /49 lectures en 30 jours, 50 en tout/);
      const dashboard = parse((await editor.get('/admin')).body);
      const block = dashboard.querySelector('#les-plus-lus')!;
      assert.equal(block.querySelector('h2')!.text, 'Les plus lus');
      const first = block.querySelector('li')!;
      assert.equal(
        first.querySelector('a')!.getAttribute('href'),
        `/admin/articles/${a.id}#lectures`,
      );
      assert.match(first.text, /— 7 lectures/);
      // A draft has no chart.
      const draft = await buildArticle(t.db, { section, status: 'draft', published_at: null });
      const draftPage = parse((await editor.get(`/admin/articles/${draft.id}`)).body);
      assert.equal(draftPage.querySelector('#lectures'), null);
    });
  });
}
