import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { bylineText } from '../src/authors/byline.ts';
import { buildSection, buildUser } from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

test('bylines join names the French way, then the agency', () => {
  assert.equal(bylineText(['A'], '', 'fr'), 'A');
  assert.equal(bylineText(['A', 'B'], '', 'fr'), 'A et B');
  assert.equal(bylineText(['A', 'B', 'C'], '', 'fr'), 'A, B et C');
  assert.equal(bylineText(['A', 'B'], 'AFP', 'fr'), 'A et B, avec AFP');
  assert.equal(bylineText([], 'AFP', 'fr'), 'AFP');
  assert.equal(bylineText(['A', 'B', 'C'], 'AFP', 'en'), 'A, B and C, with AFP');
});

const byline = (html: string) =>
  parse(html).querySelector('.byline .signature')!.text.replace(/\s+/g, ' ').trim();

for (const dialect of testDialects()) {
  describe(`co-authors on ${dialect.name}`, () => {
    let t: TestApp;
    let ids: { awa: number; ibrahim: number; fatou: number };
    let chef: Browser;
    let sectionId: number;

    before(async () => {
      t = await createTestApp(dialect);
      sectionId = (await buildSection(t.db, { slug: 'securite', name: 'Sécurité' })).id;
      const awa = await buildUser(t.db, {
        email: 'awa@griot.test',
        name: 'Awa D.',
        byline: 'Awa Diallo',
        role: 'author',
      });
      const ibrahim = await buildUser(t.db, {
        email: 'ibrahim@griot.test',
        name: 'Ibrahim Maïga',
        byline: '',
        role: 'author',
      });
      const fatou = await buildUser(t.db, {
        email: 'fatou@griot.test',
        name: 'Fatou <b>Sow</b>',
        byline: 'Fatou <b>Sow</b>',
        role: 'editor',
      });
      await buildUser(t.db, { email: 'chef@griot.test', name: 'Chef', role: 'editor' });
      ids = { awa: awa.id, ibrahim: ibrahim.id, fatou: fatou.id };
      chef = await signIn(t, 'chef@griot.test');
    });
    after(() => t.close());

    const publish = async (slug: string, coauthors: number[], agency: string) => {
      const form = await chef.get('/admin/articles/nouveau');
      const res = await chef.post('/admin/articles', {
        _csrf: hiddenValue(form.body, '_csrf'),
        title: `Attaque à Dounzé ${slug}`,
        slug,
        sectionId: String(sectionId),
        body: 'Le texte.',
        signature: 'Ancienne signature',
        coauthors: coauthors.map(String),
        agency,
        intent: 'publish',
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      return Number(/\/admin\/articles\/(\d+)/.exec(res.headers.location as string)![1]);
    };

    test('one, two or three co-authors and an agency, each person linked to their page, escaped', async () => {
      const reader = new Browser(t);
      await publish('un', [ids.ibrahim], '');
      await publish('deux', [ids.awa, ids.ibrahim], 'AFP');
      await publish('trois', [ids.fatou, ids.awa, ids.ibrahim], '');
      assert.equal(byline((await reader.get('/securite/un')).body), 'Ibrahim Maïga');
      const two = (await reader.get('/securite/deux')).body;
      assert.equal(byline(two), 'Awa Diallo et Ibrahim Maïga, avec AFP');
      const links = parse(two).querySelectorAll('.byline .signature a');
      assert.deepEqual(
        links.map((a) => [a.text, a.getAttribute('href'), a.getAttribute('rel')]),
        [
          ['Awa Diallo', `/auteurs/${ids.awa}-awa-d`, 'author'],
          ['Ibrahim Maïga', `/auteurs/${ids.ibrahim}-ibrahim-maiga`, 'author'],
        ],
      );
      const three = (await reader.get('/securite/trois')).body;
      assert.equal(byline(three), 'Fatou <b>Sow</b>, Awa Diallo et Ibrahim Maïga');
      assert.ok(three.includes('Fatou &lt;b&gt;Sow&lt;/b&gt;'));
      assert.doesNotMatch(three, /Fatou <b>/);
    });

    test('JSON-LD lists each person and the agency', async () => {
      const page = (await new Browser(t).get('/securite/deux')).body;
      const ld = JSON.parse(parse(page).querySelector('script[type="application/ld+json"]')!.text);
      assert.deepEqual(ld.author, [
        {
          '@type': 'Person',
          name: 'Awa Diallo',
          url: `https://griot.test/auteurs/${ids.awa}-awa-d`,
        },
        {
          '@type': 'Person',
          name: 'Ibrahim Maïga',
          url: `https://griot.test/auteurs/${ids.ibrahim}-ibrahim-maiga`,
        },
        { '@type': 'Organization', name: 'AFP' },
      ]);
    });

    test('author pages and feeds list the articles a member co-signed', async () => {
      const reader = new Browser(t);
      const page = await reader.get(`/auteurs/${ids.ibrahim}-ibrahim-maiga`);
      assert.equal(page.statusCode, 200);
      const titles = parse(page.body)
        .querySelectorAll('.rows h2')
        .map((h) => h.text.trim());
      assert.equal(titles.length, 3);
      const awa = parse((await reader.get(`/auteurs/${ids.awa}-awa-d`)).body);
      assert.equal(awa.querySelectorAll('.rows h2').length, 2);
      const feed = (await reader.get(`/flux/auteur/${ids.awa}-awa-d/rss.xml`)).body;
      assert.equal((feed.match(/<item>/g) ?? []).length, 2);
      // The editor who published them signed none: their page does not exist.
      const sitemap = (await reader.get('/sitemaps/pages.xml')).body;
      assert.match(sitemap, new RegExp(`/auteurs/${ids.ibrahim}-ibrahim-maiga<`));
    });

    test('the editor ticks co-authors without script, keeps their order, and refuses unknown members', async () => {
      const id = await publish('ordre', [ids.ibrahim, ids.awa], 'Reuters');
      const form = parse((await chef.get(`/admin/articles/${id}`)).body);
      const boxes = form.querySelectorAll('input[name="coauthors"]');
      assert.deepEqual(
        boxes.slice(0, 2).map((b) => [b.getAttribute('value'), b.hasAttribute('checked')]),
        [
          [String(ids.ibrahim), true],
          [String(ids.awa), true],
        ],
      );
      assert.equal(form.querySelector('#a-agency')!.getAttribute('value'), 'Reuters');
      const page = await chef.get('/admin/articles/nouveau');
      const bad = await chef.post('/admin/articles', {
        _csrf: hiddenValue(page.body, '_csrf'),
        title: 'Avec un inconnu',
        sectionId: String(sectionId),
        body: 'x',
        coauthors: ['999999'],
      });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Un des co-auteurs choisis/);
    });

    test('an article without co-authors keeps its free-text signature, with the agency after it', async () => {
      const form = await chef.get('/admin/articles/nouveau');
      const res = await chef.post('/admin/articles', {
        _csrf: hiddenValue(form.body, '_csrf'),
        title: 'Signature libre',
        slug: 'libre',
        sectionId: String(sectionId),
        body: 'x',
        signature: 'Correspondant à Gao',
        agency: 'AFP',
        intent: 'publish',
      });
      assert.equal(res.statusCode, 303);
      const page = (await new Browser(t).get('/securite/libre')).body;
      assert.equal(byline(page), 'Correspondant à Gao, avec AFP');
    });
  });
}
