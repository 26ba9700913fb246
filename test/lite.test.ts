import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { keepLinksLite, stripLitePrefix } from '../src/http/edition.ts';
import { updateSiteSettings } from '../src/settings/setting.queries.ts';
import { bumpContentVersion } from '../src/cache/content-version.queries.ts';
import { buildDefaultSlots } from './helpers/ad-factories.ts';
import { buildArticle, buildImage, buildSection } from './helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

// The full edition's layout (article pages carry its style sheet inline, others link it).
const FULL_SHELL = /<header class="masthead">/;

test('the /lite prefix is stripped for reader pages only', () => {
  assert.equal(stripLitePrefix('/lite'), '/');
  assert.equal(stripLitePrefix('/lite/'), '/');
  assert.equal(stripLitePrefix('/lite?x=1'), '/?x=1');
  assert.equal(
    stripLitePrefix('/lite/politique/un-titre?commentaires=2'),
    '/politique/un-titre?commentaires=2',
  );
  assert.equal(stripLitePrefix('/lite/admin'), '/lite/admin');
  assert.equal(stripLitePrefix('/lite/media/a.jpg'), '/lite/media/a.jpg');
  assert.equal(stripLitePrefix('/literature'), '/literature');
  assert.equal(stripLitePrefix('/politique'), '/politique');
});

test('links and forms of a light page stay in the light edition, except files, feeds and the way back', () => {
  const html =
    '<a href="/">a</a><a href="/politique/x#reagir">b</a><a href="/media/p.jpg">c</a>' +
    '<a href="/politique?complet=1">d</a><a href="https://ex.org/">e</a><a href="//cdn.test/x">f</a>' +
    '<a href="/flux/rss.xml">g</a><a href="/ads/click/1">h</a><form action="/recherche"></form>' +
    '<form action="/articles/1/commentaires#reagir"></form>';
  assert.equal(
    keepLinksLite(html),
    '<a href="/lite">a</a><a href="/lite/politique/x#reagir">b</a><a href="/media/p.jpg">c</a>' +
      '<a href="/politique?complet=1">d</a><a href="https://ex.org/">e</a><a href="//cdn.test/x">f</a>' +
      '<a href="/flux/rss.xml">g</a><a href="/ads/click/1">h</a><form action="/lite/recherche"></form>' +
      '<form action="/lite/articles/1/commentaires#reagir"></form>',
  );
});

for (const dialect of testDialects()) {
  describe(`the light edition on ${dialect.name}`, () => {
    let t: TestApp;
    let articlePath: string;

    before(async () => {
      t = await createTestApp(dialect);
      await buildDefaultSlots(t.db);
      const section = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      const image = await buildImage(t.db, t.dataDir);
      const article = await buildArticle(t.db, { section, image_id: image.id, slug: 'un-titre' });
      articlePath = `/politique/${article.slug}`;
    });
    after(() => t.close());

    const setSaveDataSetting = async (on: boolean) => {
      await updateSiteSettings(t.db, { liteForSaveData: on });
      await bumpContentVersion(t.db);
    };

    function assertLightShell(body: string, url: string) {
      const doc = parse(body);
      assert.equal(doc.querySelectorAll('link[rel="stylesheet"]').length, 0, `${url}: stylesheet`);
      const style = doc.querySelector('head style')?.text ?? '';
      assert.ok(style.length > 200 && style.length < 2048, `${url}: ${style.length} bytes of CSS`);
      assert.doesNotMatch(body, /@font-face|fonts\.googleapis|\.woff/, `${url}: web font`);
      assert.doesNotMatch(body, /griot:ad|class="ad /, `${url}: ad slot`);
      assert.doesNotMatch(body, /<script[^>]+src=/, `${url}: script file`);
      assert.equal(doc.querySelectorAll('.brand img, .brand picture').length, 0, `${url}: logo`);
      for (const a of doc.querySelectorAll('a[href^="/"]')) {
        const href = a.getAttribute('href')!;
        assert.ok(
          href.startsWith('/lite') || /^\/(media|flux)\//.test(href) || href.includes('complet=1'),
          `${url}: link ${href} leaves the light edition`,
        );
      }
      const full = doc.querySelectorAll('a').find((a) => a.text === 'Version complète');
      assert.ok(full, `${url}: a link back to the full edition`);
      return doc;
    }

    test('home, section, article and error pages have a light twin under /lite', async () => {
      for (const url of ['/lite', '/lite/', '/lite/politique', `/lite${articlePath}`]) {
        const res = await t.app.inject(url);
        assert.equal(res.statusCode, 200, url);
        assertLightShell(res.body, url);
      }
      const missing = await t.app.inject('/lite/nulle-part');
      assert.equal(missing.statusCode, 404);
      assertLightShell(missing.body, '/lite/nulle-part');
      assert.equal((await t.app.inject('/lite/politique/nulle-part')).statusCode, 404);
    });

    test('the light article keeps the text, the comments and the share links, and shows its photo on tap only', async () => {
      const res = await t.app.inject(`/lite${articlePath}`);
      const doc = parse(res.body);
      assert.ok(doc.querySelector('article.article .body h2'), 'the body');
      assert.ok(doc.querySelector('section.share a.share-whatsapp'), 'share links');
      const form = doc.querySelector('form#comment-form');
      assert.equal(form?.getAttribute('action'), `/lite${articlePath}`);
      // A link, not an image: without script Chromium fetches even a lazy image at once.
      const photo = doc.querySelector('figure.photo a.photo-on-tap');
      assert.ok(photo, 'the photo waits behind a link');
      assert.match(photo.text, /^Voir la photo \(≈ \d+ Ko\)$/);
      assert.match(photo.getAttribute('href') ?? '', /^\/media\/[^/]+-640\.jpg$/);
      assert.equal(doc.querySelectorAll('img, picture, source').length, 0, 'no image at all');
      assert.match(doc.querySelector('figcaption')!.text, /AGENCE TEST/);
      assert.equal(
        doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
        `https://griot.test${articlePath}`,
      );
      assert.ok(res.body.length < 30_000, `${res.body.length} bytes of HTML`);
    });

    test('the light and full editions never share a cache entry or an ETag', async () => {
      const full = await t.app.inject(articlePath);
      const lite = await t.app.inject(`/lite${articlePath}`);
      const fullAgain = await t.app.inject(articlePath);
      assert.notEqual(full.headers.etag, lite.headers.etag);
      assert.equal(full.headers.etag, fullAgain.headers.etag);
      assert.match(fullAgain.body, FULL_SHELL);
      const revalidate = await t.app.inject({
        url: `/lite${articlePath}`,
        headers: { 'if-none-match': full.headers.etag as string },
      });
      assert.equal(revalidate.statusCode, 200, 'the full ETag does not validate the light page');
    });

    test('with Save-Data on and the setting on, the normal address serves the light edition', async () => {
      await setSaveDataSetting(true);
      const saving = await t.app.inject({ url: articlePath, headers: { 'save-data': 'on' } });
      assert.equal(saving.statusCode, 200);
      assert.equal(saving.headers.vary, 'Accept-Encoding, Save-Data');
      assertLightShell(saving.body, 'save-data');
      const plain = await t.app.inject(articlePath);
      assert.equal(plain.headers.vary, 'Accept-Encoding, Save-Data');
      assert.match(plain.body, FULL_SHELL);
      assert.notEqual(plain.headers.etag, saving.headers.etag);
      // « Version complète » carries ?complet=1, which wins over Save-Data.
      const asked = await t.app.inject({
        url: `${articlePath}?complet=1`,
        headers: { 'save-data': 'on' },
      });
      assert.match(asked.body, FULL_SHELL);
      const home = await t.app.inject({ url: '/', headers: { 'save-data': 'on' } });
      assertLightShell(home.body, 'home with save-data');
    });

    test('with the setting off, Save-Data changes nothing', async () => {
      await setSaveDataSetting(false);
      const res = await t.app.inject({ url: articlePath, headers: { 'save-data': 'on' } });
      assert.match(res.body, FULL_SHELL);
      assert.equal(res.headers.vary, 'Accept-Encoding');
      await setSaveDataSetting(true);
    });

    test('newsroom pages have no light edition and ignore Save-Data', async () => {
      assert.equal((await t.app.inject('/lite/admin')).statusCode, 404);
      const admin = await t.app.inject({ url: '/admin', headers: { 'save-data': 'on' } });
      assert.equal(admin.statusCode, 303);
      const login = await t.app.inject({ url: '/login', headers: { 'save-data': 'on' } });
      assert.match(login.body, /rel="stylesheet"/);
      assert.equal((await t.app.inject('/lite/media/nothing.jpg')).statusCode, 404);
    });
  });
}
