import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { replaceArticleTags } from '../src/articles/article.queries.ts';
import type { NewArticleRow } from '../src/articles/article.table.ts';
import { bumpContentVersion } from '../src/cache/content-version.queries.ts';
import { MAX_SITEMAP_URLS, renderUrlSet } from '../src/feeds/sitemap.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildImage, buildSection, buildUser } from './helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';
import { parseXml } from './helpers/xml.ts';

const NOW = '2026-11-23T12:00:00.000Z';
const hoursAgo = (h: number) => new Date(Date.parse(NOW) - h * 3_600_000).toISOString();

for (const dialect of testDialects()) {
  describe(`sitemaps on ${dialect.name}`, () => {
    let t: TestApp;
    let section: Section;
    let authorId: number;

    before(async () => {
      t = await createTestApp(dialect, { now: NOW });
      section = await buildSection(t.db, { name: 'Société', slug: 'societe' });
      const author = await buildUser(t.db, { name: 'Hawa Diabaté', role: 'author' });
      authorId = author.id;
      const image = await buildImage(t.db, t.dataDir);
      const fresh = await buildArticle(t.db, {
        section,
        slug: 'frais',
        title: 'Les écoles rouvrent & les « cantines » aussi',
        signature: 'Hawa Diabaté',
        author_id: author.id,
        image_id: image.id,
        image_caption: 'Une classe à Birni',
        published_at: hoursAgo(3),
        updated_at: hoursAgo(1),
      });
      await replaceArticleTags(t.db, fresh.id, ['éducation']);
      await buildArticle(t.db, { section, slug: 'hier', published_at: hoursAgo(30) });
      await buildArticle(t.db, {
        section,
        slug: 'semaine',
        published_at: '2026-11-16T08:00:00.000Z',
      });
      await buildArticle(t.db, {
        section,
        slug: 'octobre',
        published_at: '2026-10-31T23:30:00.000Z',
      });
      // None of these may show anywhere readers or crawlers look.
      const hidden = await buildUser(t.db, { name: 'Fantôme Caché', role: 'author' });
      for (const status of ['draft', 'scheduled', 'archived'] as const) {
        const a = await buildArticle(t.db, {
          section,
          slug: `secret-${status}`,
          title: `SECRET ${status}`,
          status,
          signature: 'Fantôme Caché',
          author_id: hidden.id,
          published_at: status === 'scheduled' ? hoursAgo(-5) : hoursAgo(2),
        });
        await replaceArticleTags(t.db, a.id, ['mot secret', 'éducation']);
      }
    });
    after(() => t.close());

    test('the sitemap index names the news, pages and month sitemaps', async () => {
      const res = await t.app.inject('/sitemap.xml');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
      assert.ok(res.headers.etag);
      const index = parseXml(res.body).sitemapindex;
      assert.equal(index['@xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
      assert.deepEqual(
        index.sitemap.map((s: { loc: string }) => s.loc),
        [
          'https://griot.test/sitemaps/news.xml',
          'https://griot.test/sitemaps/pages.xml',
          'https://griot.test/sitemaps/articles-2026-11.xml',
          'https://griot.test/sitemaps/articles-2026-10.xml',
        ],
      );
      assert.equal(index.sitemap[2].lastmod, '2026-11-23T11:00:00Z');
      assert.equal(index.sitemap[3].lastmod, '2026-10-31T23:30:00Z');
    });

    test('a month sitemap lists that month’s articles with their lead images', async () => {
      const res = await t.app.inject('/sitemaps/articles-2026-11.xml');
      assert.equal(res.statusCode, 200);
      const set = parseXml(res.body).urlset;
      assert.equal(set['@xmlns:image'], 'http://www.google.com/schemas/sitemap-image/1.1');
      assert.deepEqual(
        set.url.map((u: { loc: string }) => u.loc),
        [
          'https://griot.test/societe/frais',
          'https://griot.test/societe/hier',
          'https://griot.test/societe/semaine',
        ],
      );
      const [fresh, yesterday] = set.url;
      assert.equal(fresh.lastmod, '2026-11-23T11:00:00Z');
      assert.equal(yesterday.lastmod, rfc(hoursAgo(30)));
      const image = fresh['image:image'][0];
      assert.match(image['image:loc'], /^https:\/\/griot\.test\/media\/.+\.jpg$/);
      assert.equal(image['image:caption'], 'Une classe à Birni');
      assert.equal(yesterday['image:image'], undefined);

      const october = parseXml((await t.app.inject('/sitemaps/articles-2026-10.xml')).body);
      assert.deepEqual(
        october.urlset.url.map((u: { loc: string }) => u.loc),
        ['https://griot.test/societe/octobre'],
      );
    });

    test('months without articles and other names are 404s', async () => {
      for (const url of [
        '/sitemaps/articles-2026-09.xml',
        '/sitemaps/articles-2026-13.xml',
        '/sitemaps/articles-2026-11.txt',
        '/sitemaps/autre.xml',
      ])
        assert.equal((await t.app.inject(url)).statusCode, 404, url);
    });

    test('the news sitemap lists the last two days with the required news elements', async () => {
      const res = await t.app.inject('/sitemaps/news.xml');
      assert.equal(res.statusCode, 200);
      const set = parseXml(res.body).urlset;
      assert.equal(set['@xmlns:news'], 'http://www.google.com/schemas/sitemap-news/0.9');
      assert.deepEqual(
        set.url.map((u: { loc: string }) => u.loc),
        ['https://griot.test/societe/frais', 'https://griot.test/societe/hier'],
      );
      const news = set.url[0]['news:news'];
      assert.equal(news['news:publication']['news:name'], 'Griot');
      assert.equal(news['news:publication']['news:language'], 'fr');
      assert.equal(news['news:publication_date'], '2026-11-23T09:00:00Z');
      assert.equal(news['news:title'], 'Les écoles rouvrent & les «\u00A0cantines\u00A0» aussi');
      assert.ok(res.body.includes('rouvrent &amp; les'));
    });

    test('the pages sitemap lists home, sections, authors, tags and static pages', async () => {
      const set = parseXml((await t.app.inject('/sitemaps/pages.xml')).body).urlset;
      assert.deepEqual(
        set.url.map((u: { loc: string }) => u.loc),
        [
          'https://griot.test/',
          'https://griot.test/societe',
          `https://griot.test/auteurs/${authorId}-hawa-diabate`,
          'https://griot.test/mots-cles/%C3%A9ducation',
          'https://griot.test/annoncez-chez-nous',
          'https://griot.test/corrections',
        ],
      );
    });

    test('drafts, scheduled and archived articles appear in no feed, sitemap or list page', async () => {
      const urls = [
        '/flux/rss.xml',
        '/flux/atom.xml',
        '/flux/rubrique/societe/rss.xml',
        '/flux/rubrique/societe/atom.xml',
        `/flux/auteur/${authorId}-hawa-diabate/rss.xml`,
        '/flux/mot-cle/%C3%A9ducation/atom.xml',
        '/sitemap.xml',
        '/sitemaps/news.xml',
        '/sitemaps/pages.xml',
        '/sitemaps/articles-2026-11.xml',
        `/auteurs/${authorId}-hawa-diabate`,
        '/mots-cles/%C3%A9ducation',
        '/societe',
        '/',
      ];
      for (const url of urls) {
        const res = await t.app.inject(url);
        assert.equal(res.statusCode, 200, url);
        assert.doesNotMatch(res.body, /secret|SECRET|Fantôme|Fant&#244;me|mot%20secret/, url);
      }
      // Their author and their own tag have no page and no feed at all.
      const hidden = authorId + 1;
      for (const url of [
        `/auteurs/${hidden}-fantome-cache`,
        `/flux/auteur/${hidden}-fantome-cache/rss.xml`,
        '/mots-cles/mot%20secret',
        '/flux/mot-cle/mot%20secret/rss.xml',
      ])
        assert.equal((await t.app.inject(url)).statusCode, 404, url);
    });

    test('robots.txt points to the sitemaps and keeps crawlers out of private areas', async () => {
      const res = await t.app.inject('/robots.txt');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
      const lines = res.body.split('\n');
      assert.equal(lines[0], 'User-agent: *');
      for (const path of ['/admin', '/login', '/compte', '/ads/', '/recherche', '/commentaires'])
        assert.ok(lines.includes(`Disallow: ${path}`), path);
      assert.ok(lines.includes('Sitemap: https://griot.test/sitemap.xml'));
      assert.ok(lines.includes('Sitemap: https://griot.test/sitemaps/news.xml'));
    });
  });

  describe(`the news sitemap under load on ${dialect.name}`, () => {
    let t: TestApp;

    before(async () => {
      t = await createTestApp(dialect, { now: NOW });
      const section = await buildSection(t.db, { name: 'Fil', slug: 'fil' });
      // 1,005 articles of the last two days, one a minute, inserted a hundred at a time.
      const rows: NewArticleRow[] = Array.from({ length: 1005 }, (_, i) => ({
        slug: `depeche-${i}`,
        section_id: section.id,
        kicker: '',
        title: `Dépêche ${i}`,
        standfirst: '',
        body: '',
        body_html: '',
        signature: 'Agence',
        author_id: null,
        status: 'published',
        published_at: new Date(Date.parse(NOW) - (i + 1) * 60_000).toISOString(),
        updated_at: null,
        created_at: NOW,
        image_id: null,
        image_credit: '',
        image_caption: '',
        image_alt: '',
        comments: 'open',
        version: 1,
      }));
      for (let i = 0; i < rows.length; i += 100)
        await t.db
          .insertInto('articles')
          .values(rows.slice(i, i + 100))
          .execute();
      await bumpContentVersion(t.db);
    });
    after(() => t.close());

    test('it lists exactly the 1,000 newest, newest first', async () => {
      const set = parseXml((await t.app.inject('/sitemaps/news.xml')).body).urlset;
      assert.equal(set.url.length, 1000);
      assert.equal(set.url[0].loc, 'https://griot.test/fil/depeche-0');
      assert.equal(set.url[999].loc, 'https://griot.test/fil/depeche-999');
      const dates = set.url.map((u: { 'news:news': Record<string, string> }) =>
        Date.parse(u['news:news']['news:publication_date']!),
      );
      assert.ok(dates.every((d: number, i: number) => i === 0 || d < dates[i - 1]));
    });
  });
}

test('a sitemap never lists more URLs than the protocol allows', () => {
  const urls = Array.from({ length: MAX_SITEMAP_URLS + 1 }, (_, i) => ({
    loc: `https://griot.test/${i}`,
  }));
  assert.throws(() => renderUrlSet(urls), RangeError);
  assert.doesNotThrow(() => renderUrlSet(urls.slice(1)));
});

function rfc(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, 'Z');
}
