import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { replaceArticleTags } from '../src/articles/article.queries.ts';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { buildCampaign, buildDefaultSlots } from './helpers/ad-factories.ts';
import { buildArticle, buildImage, buildSection, buildUser } from './helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

for (const dialect of testDialects()) {
  describe(`reader input on ${dialect.name}`, () => {
    let t: TestApp;
    let article: ArticleRow;
    let authorKey: string;
    let articleUrl: string;

    before(async () => {
      t = await createTestApp(dialect);
      const section = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      const author = await buildUser(t.db, { name: 'Awa Diallo', role: 'author' });
      authorKey = `${author.id}-awa-diallo`;
      const image = await buildImage(t.db, t.dataDir, { width: 800, height: 450 });
      article = await buildArticle(t.db, {
        section,
        slug: 'le-budget-vote',
        title: 'Le budget voté',
        signature: 'Awa Diallo',
        author_id: author.id,
        image_id: image.id,
      });
      await replaceArticleTags(t.db, article.id, ['budget']);
      await buildCampaign(t.db, { slotIds: (await buildDefaultSlots(t.db)).map((s) => s.id) });
      articleUrl = `/politique/${article.slug}`;
    });
    after(() => t.close());

    async function assertFrenchPage(url: string, status: number, title: string) {
      const res = await t.app.inject(url);
      assert.equal(res.statusCode, status, `${url}: ${res.body.slice(0, 200)}`);
      const doc = parse(res.body);
      assert.equal(doc.querySelector('html')?.getAttribute('lang'), 'fr', url);
      assert.equal(doc.querySelector('h1')?.text, title, url);
    }

    test('a malformed id, slug or key in a reader path is the French 404 page, never a 500', async () => {
      const malformed = [
        '/politique%00',
        '/%00/x',
        `/politique/${article.slug}%00`,
        '/politique/%C3%A9t%C3%A9',
        '/Politique',
        '/auteurs/%00',
        `/auteurs/${authorKey}%00`,
        '/auteurs/abc',
        '/auteurs/99999999999999999999',
        '/mots-cles/%00',
        '/mots-cles/budget%00',
        '/mots-cles/%09',
        '/flux/%00',
        '/flux/rubrique/%00/rss.xml',
        '/flux/rubrique/politique%00/atom.xml',
        '/flux/auteur/%00/rss.xml',
        '/flux/mot-cle/%00/rss.xml',
        '/flux/mot-cle/budget/rss.json',
        '/sitemaps/%00',
        '/sitemaps/articles-2026-13.xml',
        '/og/abc.jpg',
        '/og/0.jpg',
        '/og/99999999999.jpg',
        '/og/1.png',
        '/ads/click/%00',
        '/ads/click/1e9',
        '/annonceurs/rapport/%00',
      ];
      for (const url of malformed) await assertFrenchPage(url, 404, 'Page introuvable');
    });

    test('query keys readers share are ignored: the same page from the same cache entry', async () => {
      const plain = await t.app.inject(articleUrl);
      assert.equal(plain.statusCode, 200);
      let stored = 0;
      const set = t.cache.set.bind(t.cache);
      t.cache.set = (...args) => {
        stored++;
        set(...args);
      };
      try {
        for (const query of [
          '?utm_source=facebook&utm_medium=social&utm_campaign=budget',
          '?fbclid=IwAR0abc%00def&gclid=x&utm_source=a&utm_source=b',
          '?__proto__=1&constructor=x&hasOwnProperty=y&toString[]=z',
          `?ref=${'x'.repeat(10_000)}`,
        ]) {
          const res = await t.app.inject(articleUrl + query);
          assert.equal(res.statusCode, 200, query);
          assert.equal(res.body, plain.body, query);
          assert.equal(res.headers.etag, plain.headers.etag, query);
        }
        assert.equal(stored, 0, 'no page was rendered and stored again');
      } finally {
        t.cache.set = set;
      }
    });

    test('a malformed known query value falls back to the page it would otherwise be', async () => {
      const sameAs = async (url: string, canonical: string) => {
        const [res, expected] = [await t.app.inject(url), await t.app.inject(canonical)];
        assert.equal(res.statusCode, 200, url);
        assert.equal(res.body, expected.body, url);
      };
      for (const bad of ['abc', '-1', '0', '1e9', '99999999999999999999', '%00', '1.5'])
        await sameAs(`/politique?page=${bad}`, '/politique');
      await sameAs('/politique?page=1&page=2', '/politique');
      await sameAs(`/auteurs/${authorKey}?page[]=2`, `/auteurs/${authorKey}`);
      await sameAs('/mots-cles/budget?page=abc', '/mots-cles/budget');
      await sameAs(`${articleUrl}?commentaires=abc&repondre=-1`, articleUrl);
      await sameAs(`${articleUrl}?commentaires=1&commentaires=2&repondre=%00`, articleUrl);
      for (const query of ['q=a&q=b', 'q=%00budget', 'page=abc', 'rubrique[]=x', 'rubrique=%00'])
        assert.equal((await t.app.inject(`/recherche?${query}`)).statusCode, 200, query);
    });

    test('a malformed account link is the dead-link page, a password form that is no form a 400', async () => {
      for (const url of ['/compte/%00', '/compte/abc', `/compte/${'a'.repeat(30)}%00`])
        assert.equal((await t.app.inject(url)).statusCode, 410, url);
      const res = await t.app.inject({
        method: 'POST',
        url: `/compte/${'a'.repeat(40)}`,
        headers: { 'content-type': 'application/json' },
        payload: '[1, 2, 3]',
      });
      assert.equal(res.statusCode, 400);
      assert.equal(parse(res.body).querySelector('h1')?.text, 'Demande invalide');
    });
  });
}
