import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import type { MediaRow } from '../src/media/media.table.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildImage, buildSection } from './helpers/factories.ts';
import { hiddenValue } from './helpers/http.ts';
import { parseXml } from './helpers/xml.ts';
import { buildNewsroom, createArticle, signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

// Issue 14: photos, galleries and embeds in the body, on every page that shows a body.

const YOUTUBE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const X_POST = 'https://x.com/rfi/status/1234567890';

function bodyWith(photo: MediaRow, other: MediaRow): string {
  return [
    'Le marché a rouvert ce matin.',
    '',
    `![Les étals au lever du jour](media:${photo.id} "Awa Diallo")`,
    '',
    'Les commerçants sont revenus.',
    '',
    `![Un](media:${photo.id} "A")`,
    `![Deux](media:${other.id} "B")`,
    '![Disparue](media:99999 "C")',
    '',
    YOUTUBE,
    '',
    X_POST,
    '',
    'Fin.',
  ].join('\n');
}

// Every address a page would fetch by itself (src, srcset, stylesheet links, iframes).
function fetchedUrls(html: string): string[] {
  const doc = parse(html);
  return [
    ...doc.querySelectorAll('[src]').map((e) => e.getAttribute('src')!),
    ...doc.querySelectorAll('[srcset]').flatMap((e) =>
      e
        .getAttribute('srcset')!
        .split(',')
        .map((s) => s.trim().split(' ')[0]!),
    ),
    ...doc.querySelectorAll('link[rel="stylesheet"]').map((e) => e.getAttribute('href')!),
  ];
}

for (const dialect of testDialects()) {
  describe(`photos and embeds in article bodies on ${dialect.name}`, () => {
    let t: TestApp;
    let section: Section;
    let photo: MediaRow;
    let other: MediaRow;

    before(async () => {
      t = await createTestApp(dialect);
      section = await buildSection(t.db, { name: 'Économie', slug: 'economie' });
      photo = await buildImage(t.db, t.dataDir);
      other = await buildImage(t.db, t.dataDir, { width: 900, height: 1200 });
      await buildNewsroom(t.db);
      await buildArticle(t.db, { section, slug: 'marche', body: bodyWith(photo, other) });
      await buildArticle(t.db, { section, slug: 'sans-embed', body: 'Un texte, sans plus.' });
    });
    after(() => t.close());

    test('the article page shows lazy responsive photos, a gallery and embed cards, loading nothing from elsewhere', async () => {
      const res = await t.app.inject('/economie/marche');
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      const body = doc.querySelector('.body')!;
      const figures = body.querySelectorAll('figure.body-photo');
      assert.equal(figures.length, 3, 'the photo and two of the gallery’s three (one is gone)');
      for (const f of figures) {
        const img = f.querySelector('img')!;
        assert.equal(img.getAttribute('loading'), 'lazy');
        assert.ok(Number(img.getAttribute('width')) > 0 && Number(img.getAttribute('height')) > 0);
        assert.match(img.getAttribute('srcset')!, /^\/media\/test-.*\.jpg 320w, /);
        assert.match(f.querySelector('source')!.getAttribute('srcset')!, /\.webp 320w/);
      }
      assert.equal(figures[0]!.querySelector('.caption')!.text, 'Les étals au lever du jour');
      assert.equal(figures[0]!.querySelector('.credit')!.text, 'Crédit photo\u00A0: Awa Diallo');
      assert.equal(body.querySelectorAll('.gallery figure').length, 2);
      assert.equal(
        body.querySelectorAll('.gallery img')[1]!.getAttribute('height'),
        String(other.height),
      );

      const cards = body.querySelectorAll('figure.embed');
      assert.deepEqual(
        cards.map((c) => c.querySelector('.embed-provider')!.text),
        ['YouTube', 'X'],
      );
      const button = cards[0]!.querySelector('button.embed-show')!;
      assert.equal(button.text, 'Afficher le contenu de YouTube');
      assert.ok(button.hasAttribute('hidden'), 'without script the card is a link');
      assert.equal(cards[0]!.querySelector('.embed-link a')!.getAttribute('href'), YOUTUBE);
      assert.equal(doc.querySelectorAll('iframe').length, 0);
      const scripts = doc.querySelectorAll('script[src]').map((s) => s.getAttribute('src')!);
      assert.ok(
        scripts.some((s) => /^\/assets\/embeds\.[0-9a-f]{10}\.js$/.test(s)),
        scripts.join(),
      );
      for (const url of fetchedUrls(res.body))
        assert.ok(url.startsWith('/') && !url.startsWith('//'), `fetched from elsewhere: ${url}`);

      const script = await t.app.inject(scripts.find((s) => s.includes('embeds'))!);
      assert.equal(script.statusCode, 200);
      assert.match(script.body, /youtube|data-embed-src/);
    });

    test('an article without embeds loads no script file', async () => {
      const doc = parse((await t.app.inject('/economie/sans-embed')).body);
      assert.equal(doc.querySelectorAll('script[src]').length, 0);
    });

    test('reader pages may frame only the YouTube player, newsroom pages nothing', async () => {
      const directive = (csp: string, name: string) =>
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .find((d) => d[0] === name)
          ?.slice(1);
      const reader = String(
        (await t.app.inject('/economie/marche')).headers['content-security-policy'],
      );
      assert.deepEqual(directive(reader, 'frame-src'), [
        "'self'",
        'https://www.youtube-nocookie.com',
      ]);
      assert.deepEqual(directive(reader, 'script-src')!.slice(0, 1), ["'self'"]);
      assert.ok(
        !directive(reader, 'script-src')!.some((s) => s.startsWith('http')),
        'no third-party script',
      );
      const login = String((await t.app.inject('/login')).headers['content-security-policy']);
      assert.deepEqual(directive(login, 'frame-src'), ["'self'"]);
    });

    test('the light edition links to each photo instead of loading it, and embeds are links', async () => {
      const res = await t.app.inject('/lite/economie/marche');
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      const body = doc.querySelector('.body')!;
      assert.equal(body.querySelectorAll('img, picture, iframe, button').length, 0);
      const links = body.querySelectorAll('figure.body-photo a.photo-on-tap');
      assert.equal(links.length, 3);
      for (const a of links) assert.match(a.getAttribute('href')!, /^\/media\/test-.*\.jpg$/);
      assert.equal(body.querySelectorAll('figure.embed').length, 0);
      assert.ok(body.querySelector(`p > a[href="${YOUTUBE}"]`));
      assert.ok(body.querySelector(`p > a[href="${X_POST}"]`));
      assert.ok(
        doc.querySelectorAll('script').some((s) => s.text.includes('photo-on-tap')),
        'the tap-to-load script',
      );
      assert.equal(doc.querySelectorAll('script[src]').length, 0);
    });

    test('the RSS feed carries the photos at absolute addresses and embeds as plain links', async () => {
      const res = await t.app.inject('/flux/rss.xml');
      assert.equal(res.statusCode, 200);
      const items = [parseXml(res.body).rss.channel.item].flat() as Record<string, string>[];
      const item = items.find((i) => i.link === 'https://griot.test/economie/marche')!;
      const doc = parse(item['content:encoded']!);
      const imgs = doc.querySelectorAll('img');
      assert.equal(imgs.length, 3);
      for (const img of imgs)
        assert.match(img.getAttribute('src')!, /^https:\/\/griot\.test\/media\/test-.*\.jpg$/);
      assert.equal(doc.querySelectorAll('figure.embed, button, iframe, script').length, 0);
      assert.ok(doc.querySelector(`a[href="${YOUTUBE}"]`));
    });

    test('editing a library photo’s caption redraws the cached pages that show it in a body', async () => {
      await buildArticle(t.db, { section, slug: 'legende', body: `![](media:${other.id})` });
      const caption = async () =>
        parse((await t.app.inject('/economie/legende')).body).querySelector(
          '.body figure.body-photo .caption',
        )?.text;
      assert.equal(await caption(), 'Image d’illustration');
      assert.equal(await caption(), 'Image d’illustration', 'served again, from the page cache');
      const editor = await signIn(t, 'chef@griot.test');
      const page = await editor.get(`/admin/medias/${other.id}`);
      const res = await editor.post(`/admin/medias/${other.id}`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        alt: 'Des pagnes pliés',
        credit: 'Awa Diallo',
        caption: 'Les pagnes du marché',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(await caption(), 'Les pagnes du marché');
    });

    test('saving through the editor stores markers, and the preview shows photos and cards', async () => {
      const author = await signIn(t, 'auteur@griot.test');
      const id = await createArticle(author, {
        kicker: '',
        title: 'Le marché en images',
        standfirst: '',
        sectionId: String(section.id),
        tags: '',
        body: bodyWith(photo, other),
        signature: 'Awa Auteure',
        slug: 'marche-en-images',
        imageId: '',
        imageCredit: '',
        imageCaption: '',
        imageAlt: '',
        correction: '',
        comments: 'open',
      });
      const row = await t.db
        .selectFrom('articles')
        .select('body_html')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.match(
        row.body_html,
        new RegExp(`<figure class="body-photo" data-media="${photo.id}">`),
      );
      assert.match(row.body_html, /<figure class="embed" data-embed="youtube">/);
      assert.doesNotMatch(row.body_html, /\/media\//, 'no file address is stored');

      const page = await author.get(`/admin/articles/${id}`);
      const res = await t.app.inject({
        method: 'POST',
        url: '/admin/articles/apercu',
        headers: {
          cookie: author.cookie,
          'content-type': 'application/json',
          'x-csrf-token': hiddenValue(page.body, '_csrf'),
        },
        payload: JSON.stringify({ body: bodyWith(photo, other), title: 'x' }),
      });
      assert.equal(res.statusCode, 200);
      const preview = parse((res.json() as { html: string }).html);
      assert.equal(preview.querySelectorAll('figure.body-photo img').length, 3);
      assert.equal(preview.querySelectorAll('figure.embed').length, 2);
      assert.equal(preview.querySelectorAll('iframe').length, 0);
    });
  });

  describe(`body photos with MEDIA_PUBLIC_URL on ${dialect.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { config: { mediaPublicUrl: 'https://cdn.griot.test' } });
      const section = await buildSection(t.db, { name: 'Économie', slug: 'economie' });
      const photo = await buildImage(t.db, t.dataDir);
      await buildArticle(t.db, {
        section,
        slug: 'cdn',
        body: `Texte.\n\n![Photo](media:${photo.id} "X")`,
      });
    });
    after(() => t.close());

    test('come from the media address, as the lead photo does', async () => {
      const doc = parse((await t.app.inject('/economie/cdn')).body);
      const img = doc.querySelector('.body figure.body-photo img')!;
      assert.match(img.getAttribute('src')!, /^https:\/\/cdn\.griot\.test\/media\/test-/);
      for (const s of img.getAttribute('srcset')!.split(', '))
        assert.match(s, /^https:\/\/cdn\.griot\.test\/media\//);
      const lite = parse((await t.app.inject('/lite/economie/cdn')).body);
      assert.match(
        lite.querySelector('.body a.photo-on-tap')!.getAttribute('href')!,
        /^https:\/\/cdn\.griot\.test\/media\//,
      );
    });
  });
}
