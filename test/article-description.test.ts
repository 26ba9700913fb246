import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { articleDescription, DESCRIPTION_MAX } from '../src/articles/article-description.ts';
import { renderMarkdown } from '../src/articles/markdown.ts';
import { buildArticle, buildSection } from './helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

// Issue 14, bug 2: an article without a standfirst had an empty meta description, og:description,
// JSON-LD description and feed description. They fall back to the opening of its body.

const BODY = [
  '## Une nuit de négociations',
  '',
  'Les délégués se sont retrouvés **mardi soir** au siège de l’Union, à Dounzé. Après douze heures de discussions, un accord a été trouvé sur le calendrier électoral & la sécurité des bureaux de vote.',
  '',
  'Le texte doit encore être signé par les présidents des trois pays concernés.',
].join('\n');

test('a description is the standfirst, or the body’s opening cut at a sentence within 160 characters', () => {
  const bodyHtml = renderMarkdown(BODY, 'fr');
  assert.equal(articleDescription({ standfirst: ' Un chapô. ', bodyHtml }), 'Un chapô.');
  const fallback = articleDescription({ standfirst: '', bodyHtml });
  assert.equal(
    fallback,
    'Les délégués se sont retrouvés mardi soir au siège de l’Union, à Dounzé.',
  );
  assert.ok(fallback.length <= DESCRIPTION_MAX);
  // One long sentence: cut at a word, marked.
  const long = articleDescription({
    standfirst: '',
    bodyHtml: `<p>${'Un mot de plus, '.repeat(30)}fin.</p>`,
  });
  assert.ok(long.length <= DESCRIPTION_MAX, `${long.length}`);
  assert.match(long, /^Un mot de plus, .* de plus…$/);
  // Short bodies come whole; entities decoded once (the page escapes them again).
  assert.equal(
    articleDescription({
      standfirst: '',
      bodyHtml: '<p>Prix &amp; salaires : &laquo;&nbsp;non&nbsp;&raquo;</p>',
    }),
    'Prix & salaires : « non »',
  );
  assert.equal(articleDescription({ standfirst: '', bodyHtml: '<h2>Titre seul</h2>' }), '');
});

for (const dialect of testDialects()) {
  describe(`an article without a standfirst on ${dialect.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      const section = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      await buildArticle(t.db, {
        section,
        slug: 'sans-chapo',
        title: 'Un accord trouvé à Dounzé',
        standfirst: '',
        body: BODY,
        body_html: renderMarkdown(BODY, 'fr'),
      });
    });
    after(() => t.close());

    test('its page, share card, JSON-LD and feeds describe it by its opening', async () => {
      const expected = 'Les délégués se sont retrouvés mardi soir au siège de l’Union, à Dounzé.';
      const doc = parse((await t.app.inject('/politique/sans-chapo')).body);
      assert.equal(
        doc.querySelector('meta[name="description"]')?.getAttribute('content'),
        expected,
      );
      assert.equal(
        doc.querySelector('meta[property="og:description"]')?.getAttribute('content'),
        expected,
      );
      const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.text) as {
        description: string;
      };
      assert.equal(ld.description, expected);
      assert.equal(doc.querySelector('p.standfirst'), null, 'no empty standfirst shown');
      const rss = (await t.app.inject('/flux/rss.xml')).body;
      assert.ok(rss.includes(`<description>${expected}</description>`), 'RSS description');
      const atom = (await t.app.inject('/flux/atom.xml')).body;
      assert.ok(atom.includes(expected), 'Atom summary');
    });
  });
}
