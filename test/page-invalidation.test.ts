import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ArticleRow } from '../src/articles/article.table.ts';
import type { PageCache } from '../src/cache/page-cache.ts';
import { decideComment } from '../src/moderation/decide-comment.ts';
import { findSiteSettings, updateSiteSettings } from '../src/settings/setting.queries.ts';
import { bumpContentVersion, pruneContentChanges } from '../src/cache/content-version.queries.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildComment, buildSection } from './helpers/factories.ts';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Browser, formStamp, hiddenValue } from './helpers/http.ts';
import { buildNewsroom, signIn } from './helpers/newsroom.ts';
import { createOtherInstance, createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

// A change drops exactly the cached pages that show what it touched: on the instance that made
// it, and on another instance sharing the database. Which pages are cached is read from the
// page cache itself, by the keys sendCachedPage gives them.
for (const dialect of testDialects()) {
  describe(`page invalidation by key on ${dialect.name}`, () => {
    let t: TestApp;
    let securite: Section;
    let economie: Section;
    let s1: ArticleRow;
    let s2: ArticleRow;
    let e1: ArticleRow;
    let commentIds: number[] = [];
    let moderatorId: number;

    const articleKey = (a: ArticleRow, section: Section) =>
      `/${section.slug}/${a.slug}?commentaires=1&repondre=`;

    // Every page a reader can reach here, by its cache key (each in both editions).
    function pages(): Record<string, string> {
      const list: Record<string, string> = {
        home: '/',
        securite: '/securite?page=1',
        economie: '/economie?page=1',
        s1: articleKey(s1, securite),
        s2: articleKey(s2, securite),
        e1: articleKey(e1, economie),
      };
      const all: Record<string, string> = {};
      for (const [name, key] of Object.entries(list)) {
        all[name] = key;
        all[`lite ${name}`] = `lite:${key}`;
      }
      all.feed = 'text:/flux/site/rss';
      all.sitemap = 'text:/sitemap.xml';
      return all;
    }

    const urls = () => [
      '/',
      '/securite',
      '/economie',
      `/securite/${s1.slug}`,
      `/securite/${s2.slug}`,
      `/economie/${e1.slug}`,
      '/flux/rss.xml',
      '/sitemap.xml',
    ];

    async function warm(app: TestApp['app']): Promise<void> {
      for (const url of urls()) {
        assert.equal((await app.inject(url)).statusCode, 200, url);
        if (!url.startsWith('/flux') && !url.startsWith('/sitemap'))
          assert.equal((await app.inject(`/lite${url === '/' ? '' : url}`)).statusCode, 200);
      }
    }

    /** The names of the pages missing from a cache, once it has read the change log. */
    async function dropped(cache: PageCache): Promise<string[]> {
      await cache.snapshot();
      return Object.entries(pages())
        .filter(([, key]) => !cache.get(key))
        .map(([name]) => name)
        .sort();
    }

    async function pendingComment(article: ArticleRow, n: number): Promise<number> {
      const row = await buildComment(t.db, article, {
        body: `Un avis mesuré numéro ${n} sur la question`,
      });
      return row.id;
    }

    async function approve(commentId: number): Promise<void> {
      const result = await decideComment(t.db, {
        commentId,
        decision: 'approve',
        expected: 'pending',
        actor: { id: moderatorId, name: 'Modo' },
        reason: null,
        site: {
          settings: await findSiteSettings(t.db),
          publicUrl: t.config.publicUrl,
          secret: t.config.sessionSecret,
        },
        now: new Date('2026-11-23T12:00:00.000Z'),
      });
      assert.equal(result.ok, true);
    }

    before(async () => {
      t = await createTestApp(dialect);
      await buildNewsroom(t.db);
      moderatorId = (
        await t.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'modo@griot.test')
          .executeTakeFirstOrThrow()
      ).id;
      securite = await buildSection(t.db, { name: 'Sécurité', slug: 'securite' });
      economie = await buildSection(t.db, { name: 'Économie', slug: 'economie' });
      s1 = await buildArticle(t.db, {
        section: securite,
        title: 'Patrouilles renforcées sur la route du nord',
      });
      s2 = await buildArticle(t.db, {
        section: securite,
        title: 'Les patrouilles du nord reçoivent des renforts',
      });
      e1 = await buildArticle(t.db, {
        section: economie,
        title: 'Le prix du mil baisse sur les marchés de Kalanga',
      });
      commentIds = [await pendingComment(s1, 1), await pendingComment(s1, 2)];
    });
    after(() => t.close());

    test('approving a comment drops that article’s two pages and nothing else', async () => {
      await warm(t.app);
      assert.deepEqual(await dropped(t.cache), []);
      await approve(commentIds[0]!);
      assert.deepEqual(await dropped(t.cache), ['lite s1', 's1']);
      const page = await t.app.inject(`/securite/${s1.slug}`);
      assert.match(page.body, /Un avis mesuré numéro 1/);
    });

    test('readers who miss a dropped page at the same time share one render of it', async () => {
      await warm(t.app);
      const more = await pendingComment(s1, 3);
      await approve(more);
      const key = articleKey(s1, securite);
      const set = t.cache.set;
      const kept: string[] = [];
      t.cache.set = (k, p, v) => {
        kept.push(k);
        set(k, p, v);
      };
      try {
        const burst = await Promise.all(
          Array.from({ length: 8 }, () => t.app.inject(`/securite/${s1.slug}`)),
        );
        for (const page of burst) {
          assert.equal(page.statusCode, 200);
          assert.match(page.body, /Un avis mesuré numéro 3/);
        }
        assert.equal(new Set(burst.map((p) => p.headers.etag)).size, 1);
        assert.deepEqual(kept, [key], 'rendered and kept once');
        // A feed (a machine-readable document) the same way.
        await bumpContentVersion(t.db, ['lists']);
        kept.length = 0;
        const feeds = await Promise.all(
          Array.from({ length: 8 }, () => t.app.inject('/flux/rss.xml')),
        );
        assert.ok(feeds.every((f) => f.statusCode === 200));
        assert.equal(new Set(feeds.map((f) => f.body)).size, 1);
        assert.deepEqual(
          kept.filter((k) => k.startsWith('text:')),
          [pages().feed],
          'the feed rendered and kept once',
        );
        // A page that does not exist is shared too, as a 404 for each.
        const missing = await Promise.all(
          Array.from({ length: 3 }, () => t.app.inject('/securite/aucun-article-de-ce-nom')),
        );
        assert.deepEqual(
          missing.map((p) => p.statusCode),
          [404, 404, 404],
        );
      } finally {
        t.cache.set = set;
      }
    });

    test('editing a published article drops its pages, the lists that show it, and the articles that link to it', async () => {
      await warm(t.app);
      const related = await t.db
        .selectFrom('article_related')
        .select('article_id')
        .where('related_id', '=', s2.id)
        .execute();
      const linking = new Set(related.map((r) => r.article_id));
      const editor = await signIn(t, 'chef@griot.test');
      const form = await editor.get(`/admin/articles/${s2.id}`);
      const res = await editor.post(`/admin/articles/${s2.id}`, {
        _csrf: hiddenValue(form.body, '_csrf'),
        version: hiddenValue(form.body, 'version'),
        kicker: 'RENFORTS',
        title: 'Les patrouilles du nord reçoivent enfin des renforts',
        standfirst: s2.standfirst,
        sectionId: String(securite.id),
        body: s2.body,
        signature: s2.signature,
        tags: '',
        comments: 'open',
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      const expected = [
        'feed',
        'home',
        'lite home',
        'lite s2',
        'lite securite',
        's2',
        'securite',
        'sitemap',
      ];
      for (const [name, a] of [
        ['s1', s1],
        ['e1', e1],
      ] as const)
        if (linking.has(a.id)) expected.push(name, `lite ${name}`);
      assert.deepEqual(await dropped(t.cache), expected.sort());
      assert.ok(!expected.includes('economie'), 'another section’s page is kept');
      const home = await t.app.inject('/');
      assert.match(home.body, /reçoivent enfin des renforts/);
    });

    test('a layout change (the settings) drops every page', async () => {
      await warm(t.app);
      await updateSiteSettings(t.db, { siteName: 'Le Fleuve du soir' });
      await bumpContentVersion(t.db);
      assert.deepEqual(await dropped(t.cache), Object.keys(pages()).sort());
      assert.match((await t.app.inject('/economie')).body, /Le Fleuve du soir/);
    });

    test('a change to a key no page shows drops nothing; a log pruned past what an instance knows drops all', async () => {
      await warm(t.app);
      await bumpContentVersion(t.db, ['article-999999']);
      assert.deepEqual(await dropped(t.cache), []);
      // The instance is asleep while two changes are made and the log is pruned behind them.
      const known = (await t.cache.snapshot()).version;
      await bumpContentVersion(t.db, ['article-999998']);
      await bumpContentVersion(t.db, ['article-999997']);
      assert.ok((await pruneContentChanges(t.db, 1)) > 0);
      const left = await t.db.selectFrom('content_changes').select('version').execute();
      assert.ok(left.every((row) => row.version > known + 1));
      assert.deepEqual(await dropped(t.cache), Object.keys(pages()).sort());
    });

    test('another instance on the same database drops exactly the same pages', async () => {
      const instance = await createOtherInstance(t, { now: '2026-11-23T12:00:00Z' });
      const { app: other, cache } = instance;
      try {
        await warm(other);
        await warm(t.app);
        assert.deepEqual(await dropped(cache), []);
        // Made through the first instance's code and database connection.
        await approve(commentIds[1]!);
        assert.deepEqual(await dropped(cache), ['lite s1', 's1']);
        assert.deepEqual(await dropped(t.cache), ['lite s1', 's1']);
        assert.match((await other.inject(`/securite/${s1.slug}`)).body, /Un avis mesuré numéro 2/);
      } finally {
        await instance.close();
      }
    });

    test('a query the page does not know, or a made-up reply target, never makes a cache entry', async () => {
      await warm(t.app);
      const path = `/securite/${s1.slug}`;
      const entries = t.cache.stats().entries;
      for (const query of [
        'utm_source=x&fbclid=y',
        'commentaires=1',
        'commentaire=envoye',
        'x=1',
      ]) {
        const res = await t.app.inject(`${path}?${query}`);
        assert.equal(res.statusCode, 200, query);
      }
      const pending = await pendingComment(s1, 3);
      // An id that is not one (0, letters) is ignored; a made-up or pending one is sent away.
      for (const id of [999_999, pending, 0, 'abc']) {
        const res = await t.app.inject(`${path}?repondre=${id}`);
        const expected = typeof id === 'number' && id > 0 ? 302 : 200;
        assert.equal(res.statusCode, expected, `repondre=${id}`);
        if (res.statusCode === 302) assert.equal(res.headers.location, path);
        const lite = await t.app.inject(`/lite${path}?repondre=${id}`);
        if (lite.statusCode === 302) assert.equal(lite.headers.location, `/lite${path}`);
      }
      assert.equal(t.cache.stats().entries, entries, 'no entry was added');
      // A real reply target is a page of its own (one per comment shown, at most).
      const real = await t.app.inject(`${path}?repondre=${commentIds[0]}`);
      assert.equal(real.statusCode, 200);
      assert.match(real.body, /name="parent" value="\d+"/);
      assert.equal(t.cache.stats().entries, entries + 1);
      // Asked on a page of the thread it is not on, it goes to the right page.
      const wrongPage = await t.app.inject(`${path}?commentaires=2&repondre=${commentIds[0]}`);
      assert.ok([302, 404].includes(wrongPage.statusCode));
    });

    test('no shared response ever carries anything personal', async () => {
      const path = `/securite/${s2.slug}`;
      const reader = new Browser(t, '192.0.2.77');
      await reader.get(path);
      const stamp = await formStamp(reader);
      t.clock.advance(5_000);
      const sent = await reader.post(`/articles/${s2.id}/commentaires`, {
        stamp,
        name: 'Hadiza Personnelle',
        email: 'hadiza.secret@example.org',
        body: 'Un avis que seule son autrice doit voir avant validation.',
        website: '',
      });
      assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
      const secrets = [/Hadiza Personnelle/, /hadiza\.secret/, /seule son autrice/, /jeton=/];
      const decoded = (res: { headers: Record<string, unknown>; rawPayload: Buffer }) =>
        res.headers['content-encoding'] === 'br'
          ? brotliDecompressSync(res.rawPayload).toString()
          : res.headers['content-encoding'] === 'gzip'
            ? gunzipSync(res.rawPayload).toString()
            : res.rawPayload.toString();
      for (const url of [...urls(), `/lite${path}`, `${path}?commentaire=envoye`]) {
        for (const encoding of ['br, gzip', 'gzip', 'identity']) {
          // The author first (a personal view), then anyone: nothing of the first is kept.
          const own = await reader.get(url, { 'accept-encoding': encoding });
          const anyone = await t.app.inject({ url, headers: { 'accept-encoding': encoding } });
          for (const res of [own, anyone]) {
            assert.equal(res.headers['set-cookie'], undefined, url);
            const body = decoded(res);
            const personal = secrets.some((secret) => secret.test(body));
            if (personal) {
              assert.equal(res.headers['cache-control'], 'private, no-store', url);
              assert.equal(res.headers.etag, undefined, url);
              assert.equal(res.headers['surrogate-key'], undefined, url);
            }
          }
          assert.ok(
            !secrets.some((secret) => secret.test(decoded(anyone))),
            `${url} (${encoding})`,
          );
        }
      }
      const own = await reader.get(path);
      assert.match(own.body, /seule son autrice/, 'the author does see it');
    });
  });
}
