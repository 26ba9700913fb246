import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { replaceArticleTags } from '../src/articles/article.queries.ts';
import { normalizeTags } from '../src/articles/save-article.ts';
import type { ArticleRow } from '../src/articles/article.table.ts';
import type { User } from '../src/users/user.table.ts';
import { buildArticle, buildSection, buildUser } from './helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

for (const dialect of testDialects()) {
  describe(`author and tag pages on ${dialect.name}`, () => {
    let t: TestApp;
    let author: User;
    let key: string;
    let own: ArticleRow;
    let agency: ArticleRow;

    before(async () => {
      t = await createTestApp(dialect);
      const section = await buildSection(t.db, { name: 'Économie', slug: 'economie' });
      author = await buildUser(t.db, { name: 'Ousmane Kéré', role: 'author' });
      key = `${author.id}-ousmane-kere`;
      // 24 under their name, one with no signature: 25 theirs, two pages.
      for (let i = 0; i < 25; i++) {
        const a = await buildArticle(t.db, {
          section,
          slug: `marche-${i}`,
          title: `Le marché, épisode ${i}`,
          signature: i === 0 ? '' : 'Ousmane Kéré',
          author_id: author.id,
          published_at: new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString(),
        });
        if (i === 24) own = a;
        await replaceArticleTags(t.db, a.id, i % 2 ? ['vie chère'] : ['vie chère', 'coton']);
      }
      agency = await buildArticle(t.db, {
        section,
        slug: 'depeche-agence',
        title: 'Une dépêche d’agence',
        signature: 'Agence Fleuve Info',
        author_id: author.id,
      });
      await replaceArticleTags(t.db, agency.id, ['coton']);
      await buildArticle(t.db, {
        section,
        slug: 'brouillon',
        title: 'Brouillon à ne pas lister',
        status: 'draft',
        signature: 'Ousmane Kéré',
        author_id: author.id,
      });
    });
    after(() => t.close());

    test('an author page lists the articles they signed, 20 a page', async () => {
      const res = await t.app.inject(`/auteurs/${key}`);
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      assert.equal(doc.querySelector('h1')?.text, 'Ousmane Kéré');
      assert.equal(doc.querySelector('title')?.text, 'Ousmane Kéré, articles — Griot');
      assert.equal(
        doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
        `https://griot.test/auteurs/${key}`,
      );
      assert.match(
        doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
        /Ousmane Kéré/,
      );
      assert.match(doc.querySelector('.page-head')?.text ?? '', /25 articles publiés/);
      const titles = doc.querySelectorAll('.story-title').map((h) => h.text);
      assert.equal(titles.length, 20);
      assert.equal(titles[0], 'Le marché, épisode 24');
      assert.ok(!res.body.includes('dépêche d’agence'), 'agency copy is not theirs');
      assert.ok(!res.body.includes('Brouillon'), 'drafts are not listed');
      assert.equal(
        doc.querySelector('link[rel="next"]')?.getAttribute('href'),
        `/auteurs/${key}?page=2`,
      );

      const second = parse((await t.app.inject(`/auteurs/${key}?page=2`)).body);
      const rest = second.querySelectorAll('.story-title').map((h) => h.text);
      assert.equal(rest.length, 5);
      assert.equal(rest[4], 'Le marché, épisode 0', 'an unsigned article of theirs counts');
      assert.equal(
        second.querySelector('link[rel="canonical"]')?.getAttribute('href'),
        `https://griot.test/auteurs/${key}?page=2`,
      );
      assert.match(second.querySelector('title')?.text ?? '', /page 2/);
      assert.equal((await t.app.inject(`/auteurs/${key}?page=3`)).statusCode, 404);
    });

    test('an author address with another name part moves to the canonical one', async () => {
      for (const wrong of [
        `${author.id}`,
        `${author.id}-ancien-nom`,
        `${author.id}-Ousmane-Kere`,
      ]) {
        const res = await t.app.inject(`/auteurs/${wrong}?page=2`);
        assert.equal(res.statusCode, 301, wrong);
        assert.equal(res.headers.location, `/auteurs/${key}?page=2`);
      }
    });

    test('unknown authors and members without a published signed article are 404s', async () => {
      const agencyOnly = await buildUser(t.db, { name: 'Sans Signature' });
      const section = await buildSection(t.db);
      await buildArticle(t.db, { section, author_id: agencyOnly.id, signature: 'AFP' });
      for (const url of [
        '/auteurs/999999-personne',
        '/auteurs/personne',
        `/auteurs/${agencyOnly.id}-sans-signature`,
      ])
        assert.equal((await t.app.inject(url)).statusCode, 404, url);
    });

    test('a tag page lists the published articles with that tag, accents and spaces included', async () => {
      const res = await t.app.inject('/mots-cles/vie%20ch%C3%A8re');
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      assert.equal(doc.querySelector('h1')?.text, 'vie chère');
      assert.equal(
        doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
        'https://griot.test/mots-cles/vie%20ch%C3%A8re',
      );
      assert.equal(doc.querySelectorAll('.story-title').length, 20);
      const page2 = parse((await t.app.inject('/mots-cles/vie%20ch%C3%A8re?page=2')).body);
      assert.equal(page2.querySelectorAll('.story-title').length, 5);

      const coton = parse((await t.app.inject('/mots-cles/coton')).body);
      const titles = coton.querySelectorAll('.story-title').map((h) => h.text);
      assert.equal(titles.length, 14);
      assert.ok(titles.includes('Une dépêche d’agence'));
      assert.match(coton.querySelector('title')?.text ?? '', /^coton — Griot$/);
    });

    test('tag addresses are lower-case; unknown tags and pages past the end are 404s', async () => {
      const res = await t.app.inject('/mots-cles/Vie%20Ch%C3%A8re?page=2');
      assert.equal(res.statusCode, 301);
      assert.equal(res.headers.location, '/mots-cles/vie%20ch%C3%A8re?page=2');
      for (const url of ['/mots-cles/inconnu', '/mots-cles/coton?page=2', '/mots-cles/%20'])
        assert.equal((await t.app.inject(url)).statusCode, 404, url);
    });

    test('the article page links its tags and, when it is theirs, its author’s page', async () => {
      const doc = parse((await t.app.inject(`/economie/${own.slug}`)).body);
      const signature = doc.querySelector('.byline .signature a');
      assert.equal(signature?.getAttribute('href'), `/auteurs/${key}`);
      assert.equal(signature?.getAttribute('rel'), 'author');
      assert.equal(signature?.text, 'Ousmane Kéré');
      const foot = doc.querySelector('footer.article-foot');
      const tags = foot?.querySelectorAll('.article-tags a') ?? [];
      assert.deepEqual(
        tags.map((a) => [a.text, a.getAttribute('href')]),
        [
          ['coton', '/mots-cles/coton'],
          ['vie chère', '/mots-cles/vie%20ch%C3%A8re'],
        ],
      );
      const links = foot?.querySelectorAll('.article-more a').map((a) => a.getAttribute('href'));
      assert.deepEqual(links, ['/economie', `/auteurs/${key}`]);

      const agencyDoc = parse((await t.app.inject(`/economie/${agency.slug}`)).body);
      assert.equal(agencyDoc.querySelector('.byline .signature')?.text, 'Agence Fleuve Info');
      assert.equal(agencyDoc.querySelector('.byline .signature a'), null);
      assert.deepEqual(
        agencyDoc.querySelectorAll('.article-more a').map((a) => a.getAttribute('href')),
        ['/economie'],
      );
    });
  });
}

test('tags are stored without control characters (the article query joins them with U+001F)', () => {
  assert.deepEqual(normalizeTags([' Coton\u001f ', 'vie\u0000 chère', '\u001f', 'COTON']), [
    'coton',
    'vie chère',
  ]);
});
