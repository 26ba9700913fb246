import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { parse } from 'node-html-parser';
import { migrateTo, migrateToLatest } from '../src/db/migrate.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildSection, buildUser } from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { buildNewsroom, signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const NOW = '2026-12-03T09:30:00.000Z';

function jsonLd(html: string) {
  const text = parse(html).querySelector('script[type="application/ld+json"]')?.text ?? '{}';
  return JSON.parse(text) as {
    dateModified: string;
    correction?: { '@type': string; datePublished: string; text: string }[];
  };
}

const correctionTexts = (html: string) =>
  parse(html)
    .querySelectorAll('aside.correction p')
    .map((p) => p.text.replace(/\s+/g, ' ').trim());

for (const dialect of testDialects()) {
  describe(`the single correction note of before on ${dialect.name}`, () => {
    test('each note becomes a dated correction, and the column goes', async () => {
      const database = await dialect.open();
      const { db } = database;
      try {
        await migrateTo(db, '2026_12_03_0012_user_bylines');
        await sql`insert into sections (slug, name, description, position, created_at)
          values ('politique', 'Politique', '', 1, '2026-11-01T00:00:00.000Z')`.execute(db);
        const base = `insert into articles (slug, section_id, kicker, title, standfirst, body, body_html,
          signature, status, published_at, updated_at, created_at, image_credit, image_caption,
          image_alt, comments, version, correction) values`;
        await sql
          .raw(
            `${base}
            ('a', 1, '', 'A', '', '', '', '', 'published', '2026-11-20T08:00:00.000Z',
             '2026-11-22T10:00:00.000Z', '2026-11-20T07:00:00.000Z', '', '', '', 'open', 3,
             'Le nom du ministre était mal orthographié.'),
            ('b', 1, '', 'B', '', '', '', '', 'published', '2026-11-21T08:00:00.000Z',
             null, '2026-11-21T07:00:00.000Z', '', '', '', 'open', 1, 'Le bilan était de 12 morts, non 21.'),
            ('c', 1, '', 'C', '', '', '', '', 'published', '2026-11-21T09:00:00.000Z',
             null, '2026-11-21T07:00:00.000Z', '', '', '', 'open', 1, '')`,
          )
          .execute(db);
        await migrateToLatest(db);
        const rows = await db
          .selectFrom('article_corrections as c')
          .innerJoin('articles as a', 'a.id', 'c.article_id')
          .select(['a.slug', 'c.text', 'c.published_at', 'c.added_by'])
          .orderBy('a.slug')
          .execute();
        assert.deepEqual(
          rows.map((r) => [r.slug, r.text, new Date(r.published_at).toISOString(), r.added_by]),
          [
            // Dated from the last « mis à jour », else from the publication.
            ['a', 'Le nom du ministre était mal orthographié.', '2026-11-22T10:00:00.000Z', null],
            ['b', 'Le bilan était de 12 morts, non 21.', '2026-11-21T08:00:00.000Z', null],
          ],
        );
        const columns = (await db.introspection.getTables())
          .find((t) => t.name === 'articles')!
          .columns.map((c) => c.name);
        assert.ok(!columns.includes('correction'));
        assert.ok(columns.includes('agency'));
      } finally {
        await database.close();
      }
    });
  });

  describe(`corrections on ${dialect.name}`, () => {
    let t: TestApp;
    let section: Section;
    let chef: Browser;

    before(async () => {
      t = await createTestApp(dialect, { now: NOW });
      await buildNewsroom(t.db);
      section = await buildSection(t.db, { slug: 'politique', name: 'Politique' });
      chef = await signIn(t, 'chef@griot.test');
    });
    after(() => t.close());

    const addCorrection = async (member: Browser, id: number, text: string) => {
      const form = await member.get(`/admin/articles/${id}`);
      return member.post(`/admin/articles/${id}/corrections`, {
        _csrf: hiddenValue(form.body, '_csrf'),
        text,
      });
    };

    test('an editor adds dated corrections: shown newest first at the end, in JSON-LD, in both editions', async () => {
      const a = await buildArticle(t.db, { section, slug: 'bilan-attaque', title: 'Le bilan' });
      const reader = new Browser(t);
      // Cached before the corrections, to show that adding one drops the cached page.
      const before = await reader.get('/politique/bilan-attaque');
      assert.deepEqual(correctionTexts(before.body), []);
      assert.equal(jsonLd(before.body).correction, undefined);
      await reader.get('/corrections');

      t.clock.set('2026-12-02T15:00:00.000Z');
      const first = await addCorrection(chef, a.id, 'Le bilan était de 12 morts, non de 21.');
      assert.equal(first.statusCode, 303);
      assert.equal(first.headers.location, `/admin/articles/${a.id}?corrige=1#corrections`);
      t.clock.set(NOW);
      assert.equal(
        (await addCorrection(chef, a.id, 'Le village est Dounzé, non Douentza.')).statusCode,
        303,
      );

      const page = await reader.get('/politique/bilan-attaque');
      assert.deepEqual(correctionTexts(page.body), [
        'Correction du 3 décembre 2026 : Le village est Dounzé, non Douentza.',
        'Correction du 2 décembre 2026 : Le bilan était de 12 morts, non de 21.',
      ]);
      // The correction is the article's « mis à jour ».
      const ld = jsonLd(page.body);
      assert.equal(ld.dateModified, '2026-12-03T10:30:00+01:00');
      assert.match(page.body, /Mis à jour/i);
      assert.deepEqual(ld.correction, [
        {
          '@type': 'CorrectionComment',
          datePublished: '2026-12-03T10:30:00+01:00',
          text: 'Le village est Dounzé, non Douentza.',
        },
        {
          '@type': 'CorrectionComment',
          datePublished: '2026-12-02T16:00:00+01:00',
          text: 'Le bilan était de 12 morts, non de 21.',
        },
      ]);
      const lite = await reader.get('/lite/politique/bilan-attaque');
      assert.equal(correctionTexts(lite.body).length, 2);

      // The editor sees them in the panel, with a revision note.
      const admin = (await chef.get(`/admin/articles/${a.id}?corrige=1`)).body;
      assert.match(admin, /Correction publiée\./);
      assert.equal(parse(admin).querySelectorAll('#corrections li').length, 2);
      assert.match(admin, /Correction ajoutée/);

      const list = parse((await reader.get('/corrections')).body);
      const items = list.querySelectorAll('.corrections-list li');
      assert.equal(items.length, 2);
      assert.equal(
        items[0]!.querySelector('a')!.getAttribute('href'),
        `/politique/bilan-attaque#correction-${/correction-(\d+)/.exec(page.body)![1]}`,
      );
      assert.match(items[0]!.text, /Le village est Dounzé/);
    });

    test('adding a correction names the article, the lists and the corrections page in the change log', async () => {
      const a = await buildArticle(t.db, { section, slug: 'cle-cache' });
      assert.equal((await addCorrection(chef, a.id, 'Une précision.')).statusCode, 303);
      const last = await t.db
        .selectFrom('content_changes')
        .select('key')
        .where('version', '=', (eb) =>
          eb.selectFrom('content_changes').select((e) => e.fn.max('version').as('v')),
        )
        .execute();
      const keys = last.map((r) => r.key).sort();
      for (const key of [
        `article-${a.id}`,
        'corrections',
        'home',
        'lists',
        `section-${section.id}`,
      ])
        assert.ok(keys.includes(key), key);
    });

    test('authors and moderators may not add corrections; visitors are sent to log in', async () => {
      const a = await buildArticle(t.db, { section, slug: 'politique-refus' });
      for (const email of ['auteur@griot.test', 'modo@griot.test']) {
        const member = await signIn(t, email);
        const home = await member.get('/admin');
        const res = await member.post(`/admin/articles/${a.id}/corrections`, {
          _csrf: hiddenValue(home.body, '_csrf'),
          text: 'Refusée',
        });
        assert.equal(res.statusCode, 403, email);
      }
      // An author sees the corrections but no form to add one.
      const author = await signIn(t, 'auteur@griot.test');
      const own = await t.db
        .updateTable('articles')
        .set({
          author_id: (
            await t.db
              .selectFrom('users')
              .select('id')
              .where('email', '=', 'auteur@griot.test')
              .executeTakeFirstOrThrow()
          ).id,
        })
        .where('id', '=', a.id)
        .execute();
      assert.ok(own);
      const panel = parse((await author.get(`/admin/articles/${a.id}`)).body).querySelector(
        '#corrections',
      );
      assert.ok(panel);
      assert.equal(panel.querySelector('textarea'), null);
      const visitor = await new Browser(t).post(`/admin/articles/${a.id}/corrections`, {
        text: 'x',
      });
      assert.ok([302, 303, 403].includes(visitor.statusCode));
      const n = await t.db
        .selectFrom('article_corrections')
        .where('article_id', '=', a.id)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 0);
    });

    test('a post without a CSRF token or from another site stores nothing', async () => {
      const a = await buildArticle(t.db, { section, slug: 'csrf' });
      const noToken = await chef.post(`/admin/articles/${a.id}/corrections`, {
        text: 'Sans jeton',
      });
      assert.equal(noToken.statusCode, 403);
      const form = await chef.get(`/admin/articles/${a.id}`);
      const crossSite = await chef.post(
        `/admin/articles/${a.id}/corrections`,
        { _csrf: hiddenValue(form.body, '_csrf'), text: 'Autre site' },
        { origin: 'https://evil.test', 'sec-fetch-site': 'cross-site' },
      );
      assert.equal(crossSite.statusCode, 403);
      const rows = await t.db
        .selectFrom('article_corrections')
        .where('article_id', '=', a.id)
        .selectAll()
        .execute();
      assert.equal(rows.length, 0);
    });

    test('an empty or too long correction comes back in French with the text kept; a draft takes none', async () => {
      const a = await buildArticle(t.db, { section, slug: 'validation' });
      const empty = await addCorrection(chef, a.id, '   ');
      assert.equal(empty.statusCode, 422);
      assert.match(empty.body, /Écrivez le texte de la correction\./);
      const long = 'Très long. '.repeat(250);
      const tooLong = await addCorrection(chef, a.id, long);
      assert.equal(tooLong.statusCode, 422);
      assert.match(tooLong.body, /trop longue/);
      assert.equal(parse(tooLong.body).querySelector('#correction-texte')!.text, long);
      const draft = await buildArticle(t.db, { section, slug: 'brouillon', status: 'draft' });
      const refused = await addCorrection(chef, draft.id, 'Sur un brouillon');
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /n’est pas publié/);
      const n = await t.db
        .selectFrom('article_corrections')
        .where('article_id', 'in', [a.id, draft.id])
        .selectAll()
        .execute();
      assert.equal(n.length, 0);
    });

    test('a correction’s text is escaped on the article, the corrections page, the panel and in JSON-LD', async () => {
      const a = await buildArticle(t.db, { section, slug: 'echappement' });
      const nasty = '<script>alert(1)</script><img src=x onerror=alert(2)> & « fin »';
      assert.equal((await addCorrection(chef, a.id, nasty)).statusCode, 303);
      const reader = new Browser(t);
      for (const html of [
        (await reader.get('/politique/echappement')).body,
        (await reader.get('/corrections')).body,
        (await chef.get(`/admin/articles/${a.id}`)).body,
      ]) {
        assert.doesNotMatch(html, /<script>alert|<img src=x/);
        assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      }
      const page = (await reader.get('/politique/echappement')).body;
      assert.ok(page.includes('\\u003cscript>alert(1)\\u003c/script>'));
      assert.equal(jsonLd(page).correction?.[0]?.text, nasty);
    });

    test('the corrections page is paginated, leaves out unpublished articles, and is in the footer and the sitemap', async () => {
      const fresh = await createTestApp(dialect, { now: NOW });
      try {
        const s = await buildSection(fresh.db, { slug: 'societe', name: 'Société' });
        const editor = await buildUser(fresh.db, { email: 'ed@griot.test', role: 'editor' });
        const live = await buildArticle(fresh.db, { section: s, slug: 'en-ligne' });
        const gone = await buildArticle(fresh.db, {
          section: s,
          slug: 'retire',
          status: 'archived',
        });
        for (let i = 0; i < 31; i++)
          await fresh.db
            .insertInto('article_corrections')
            .values({
              article_id: live.id,
              text: `Correction numéro ${i}`,
              published_at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
              added_by: editor.id,
            })
            .execute();
        await fresh.db
          .insertInto('article_corrections')
          .values({ article_id: gone.id, text: 'Invisible', published_at: NOW, added_by: null })
          .execute();
        const reader = new Browser(fresh);
        const one = await reader.get('/corrections');
        assert.equal(one.statusCode, 200);
        const doc = parse(one.body);
        assert.equal(doc.querySelectorAll('.corrections-list li').length, 30);
        assert.match(doc.querySelector('.corrections-list li')!.text, /Correction numéro 30/);
        assert.doesNotMatch(one.body, /Invisible/);
        assert.ok(doc.querySelector('link[rel="next"][href="/corrections?page=2"]'));
        const two = parse((await reader.get('/corrections?page=2')).body);
        assert.equal(two.querySelectorAll('.corrections-list li').length, 1);
        assert.equal((await reader.get('/corrections?page=3')).statusCode, 404);
        const home = parse((await reader.get('/')).body);
        assert.ok(home.querySelector('.site-foot a[href="/corrections"]'));
        const sitemap = (await reader.get('/sitemaps/pages.xml')).body;
        assert.match(sitemap, /<loc>https?:\/\/[^<]+\/corrections<\/loc>/);
      } finally {
        await fresh.close();
      }
    });
  });
}
