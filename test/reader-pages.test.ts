import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildImage, buildSection } from './helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

for (const dialect of testDialects()) {
  describe(`reader pages on ${dialect.name}`, () => {
    let t: TestApp;
    let securite: Section;
    let politique: Section;
    let slug: string;

    before(async () => {
      t = await createTestApp(dialect);
      securite = await buildSection(t.db, { name: 'Sécurité', slug: 'securite', position: 1 });
      politique = await buildSection(t.db, { name: 'Politique', slug: 'politique', position: 0 });
      const image = await buildImage(t.db, t.dataDir);
      const article = await buildArticle(t.db, {
        section: securite,
        title: 'Sécurité : les patrouilles renforcées autour de Dounzé',
        kicker: 'TENSION',
        signature: 'Aïssata Maïga',
        image_id: image.id,
        image_credit: 'AFI',
        image_caption: 'Image d’illustration',
        published_at: '2026-11-23T13:05:00.000Z',
        updated_at: '2026-11-23T15:30:00.000Z',
      });
      slug = article.slug;
      await buildArticle(t.db, {
        section: politique,
        title: 'Un brouillon qui ne doit pas paraître',
        status: 'draft',
      });
    });
    after(() => t.close());

    test('the article page shows the whole anatomy in semantic HTML', async () => {
      const res = await t.app.inject(`/securite/${slug}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      const doc = parse(res.body);
      const article = doc.querySelector('article.article');
      assert.ok(article, 'an <article> element');
      assert.equal(doc.querySelector('html')?.getAttribute('lang'), 'fr');
      assert.equal(article.querySelector('.kicker')?.text, 'TENSION');
      assert.equal(doc.querySelectorAll('h1').length, 1);
      assert.equal(
        article.querySelector('h1')?.text,
        'Sécurité\u00A0: les patrouilles renforcées autour de Dounzé',
      );
      assert.match(article.querySelector('.standfirst')?.text ?? '', /Un chapô de deux phrases/);
      assert.equal(article.querySelector('a.section-label')?.getAttribute('href'), '/securite');
      assert.equal(article.querySelector('.signature')?.text, 'Aïssata Maïga');
      const subheadings = article.querySelectorAll('.body h2').map((h) => h.text);
      assert.deepEqual(subheadings, ['Un premier intertitre', 'Un second intertitre']);
      assert.ok(article.querySelector('.body blockquote'), 'a quote');
      assert.ok(article.querySelector('.body ul li'), 'a list');
      const figure = article.querySelector('figure.photo');
      assert.ok(figure);
      const caption = figure.querySelector('figcaption')?.text ?? '';
      assert.match(caption, /Image d’illustration/);
      assert.match(caption, /Crédit photo\u00A0: AFI/);
      const img = figure.querySelector('img');
      assert.ok(img?.getAttribute('width') && img.getAttribute('height'), 'intrinsic size');
      assert.match(img?.getAttribute('srcset') ?? '', /320w.*640w.*1024w.*1600w/);
      assert.equal(img?.getAttribute('alt'), 'Une image de test');
      assert.match(figure.querySelector('source')?.getAttribute('srcset') ?? '', /\.webp 320w/);
      const times = article.querySelectorAll('time');
      assert.equal(times[0]?.getAttribute('datetime'), '2026-11-23T14:05:00+01:00');
      assert.equal(times[0]?.text, '23 novembre 2026 à 14\u00A0h\u00A005');
      assert.match(article.text, /Mis à jour le/);
    });

    test('the article page carries its metadata and NewsArticle JSON-LD', async () => {
      const doc = parse((await t.app.inject(`/securite/${slug}`)).body);
      const meta = (sel: string) => doc.querySelector(sel)?.getAttribute('content');
      assert.equal(
        doc.querySelector('title')?.text,
        'Sécurité\u00A0: les patrouilles renforcées autour de Dounzé — Griot',
      );
      assert.match(meta('meta[name="description"]') ?? '', /^Un chapô de deux phrases/);
      const canonical = `https://griot.test/securite/${slug}`;
      assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), canonical);
      assert.equal(
        meta('meta[property="og:title"]'),
        'Sécurité\u00A0: les patrouilles renforcées autour de Dounzé',
      );
      assert.match(meta('meta[property="og:description"]') ?? '', /chapô/);
      assert.match(
        meta('meta[property="og:image"]') ?? '',
        /^https:\/\/griot\.test\/og\/\d+\.jpg$/,
      );
      assert.equal(meta('meta[property="og:image:width"]'), '1200');
      assert.equal(meta('meta[property="og:image:height"]'), '630');
      assert.equal(meta('meta[property="article:published_time"]'), '2026-11-23T14:05:00+01:00');
      assert.equal(meta('meta[property="article:section"]'), 'Sécurité');

      const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.text ?? '{}');
      assert.equal(ld['@type'], 'NewsArticle');
      assert.equal(ld.headline, 'Sécurité : les patrouilles renforcées autour de Dounzé');
      assert.equal(ld.datePublished, '2026-11-23T14:05:00+01:00');
      assert.equal(ld.dateModified, '2026-11-23T16:30:00+01:00');
      assert.equal(ld.author[0].name, 'Aïssata Maïga');
      assert.match(ld.image[0], /^https:\/\/griot\.test\/og\//);
      assert.equal(ld.publisher['@type'], 'Organization');
      assert.equal(ld.publisher.name, 'Griot');
      assert.equal(ld.articleSection, 'Sécurité');
      assert.equal(ld.inLanguage, 'fr');
      assert.equal(ld.mainEntityOfPage['@id'], canonical);
    });

    test('French typography puts non-breaking spaces in the body', async () => {
      const body =
        parse((await t.app.inject(`/securite/${slug}`)).body).querySelector('.body')?.text ?? '';
      assert.match(body, /faits\u00A0: qui/);
      assert.match(body, /«\u00A0Nous resterons vigilants\u00A0»/);
      assert.match(body, /paragraphe\u202F!/);
      assert.match(body, /example\.org\/rapport|lien/);
    });

    test('the home page leads with the newest article and lists sections', async () => {
      const res = await t.app.inject('/');
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      assert.equal(doc.querySelector('title')?.text, 'Griot — L’actualité, chaque jour');
      assert.ok(doc.querySelector('meta[name="description"]'));
      assert.match(doc.querySelector('.lead')?.text ?? '', /patrouilles renforcées/);
      const nav = doc.querySelectorAll('nav.nav a').map((a) => a.text);
      assert.deepEqual(nav, ['À la une', 'Politique', 'Sécurité']);
      assert.doesNotMatch(res.body, /brouillon qui ne doit pas paraître/);
    });

    test('a draft is not reachable', async () => {
      const res = await t.app.inject('/politique/un-brouillon-qui-ne-doit-pas-paraitre');
      assert.equal(res.statusCode, 404);
    });

    test('the section page lists 20 articles a page with rel prev/next', async () => {
      for (let i = 0; i < 22; i++)
        await buildArticle(t.db, { section: politique, title: `Article politique numéro ${i}` });
      const first = parse((await t.app.inject('/politique')).body);
      assert.equal(first.querySelector('title')?.text, 'Politique — Griot');
      assert.equal(first.querySelector('h1')?.text, 'Politique');
      assert.equal(first.querySelectorAll('.rows > li').length, 20);
      assert.equal(
        first.querySelector('link[rel="next"]')?.getAttribute('href'),
        '/politique?page=2',
      );
      assert.equal(first.querySelector('link[rel="prev"]'), null);
      const second = parse((await t.app.inject('/politique?page=2')).body);
      assert.equal(second.querySelectorAll('.rows > li').length, 2);
      assert.equal(second.querySelector('link[rel="prev"]')?.getAttribute('href'), '/politique');
      assert.equal(second.querySelector('a[rel="prev"]')?.getAttribute('href'), '/politique');
      assert.equal((await t.app.inject('/politique?page=3')).statusCode, 404);
      assert.equal((await t.app.inject('/politique?page=abc')).statusCode, 200);
    });

    test('unknown paths get the French 404 page', async () => {
      for (const url of ['/nulle-part', '/securite/article-inconnu', '/a/b/c']) {
        const res = await t.app.inject(url);
        assert.equal(res.statusCode, 404, url);
        const doc = parse(res.body);
        assert.equal(doc.querySelector('h1')?.text, 'Page introuvable');
        assert.match(doc.text, /Retour à l’accueil/);
      }
    });

    test('an article moved to another section redirects to its new address', async () => {
      const res = await t.app.inject(`/politique/${slug}`);
      assert.equal(res.statusCode, 301);
      assert.equal(res.headers.location, `/securite/${slug}`);
    });

    test('text written by the newsroom is escaped, never run', async () => {
      const evil = await buildArticle(t.db, {
        section: politique,
        title: '<script>alert("titre")</script> Titre piégé',
        kicker: '<img src=x onerror=alert(1)>',
        standfirst: '"><script>alert(2)</script>',
        body: 'Texte <script>alert(3)</script> [x](javascript:alert(4))',
        signature: '</span><b>signature</b>',
      });
      const res = await t.app.inject(`/politique/${evil.slug}`);
      assert.equal(res.statusCode, 200);
      assert.doesNotMatch(res.body, /<script>alert/);
      assert.doesNotMatch(res.body, /<img src=x/);
      assert.doesNotMatch(res.body, /href="javascript:/);
      assert.doesNotMatch(res.body, /<b>signature<\/b>/);
      const ld = parse(res.body).querySelector('script[type="application/ld+json"]')?.text ?? '';
      assert.doesNotMatch(ld, /<\/script>/i);
      assert.equal(JSON.parse(ld).headline, '<script>alert("titre")</script> Titre piégé');
    });

    test('media files are served with long-lived cache headers', async () => {
      const page = parse((await t.app.inject(`/securite/${slug}`)).body);
      const src = page.querySelector('figure.photo img')?.getAttribute('src') ?? '';
      const res = await t.app.inject(src);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'image/jpeg');
      assert.match(res.headers['cache-control'] as string, /max-age=31536000/);
      assert.match(res.headers['cache-control'] as string, /immutable/);
    });

    test('the stylesheet is served under a hashed URL and cached forever', async () => {
      const href =
        parse((await t.app.inject('/')).body)
          .querySelector('link[rel="stylesheet"]')
          ?.getAttribute('href') ?? '';
      assert.match(href, /^\/assets\/site\.[0-9a-f]{10}\.css$/);
      const res = await t.app.inject(href);
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['cache-control'] as string, /immutable/);
    });

    test('/healthz reports the database reachable', async () => {
      const res = await t.app.inject('/healthz');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: 'ok', database: dialect.name });
    });
  });
}
