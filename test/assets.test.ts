import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { cspHash, helmetOptions, probeHelmetHeaders } from '../src/http/security-headers.ts';
import { encodeAsset, sendAsset } from '../src/http/static-assets.ts';
import { inlineStyleSheet, loadAssets, type Asset } from '../src/web/assets.ts';
import { buildArticle, buildSection } from './helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

// The files the app serves, read as the app reads them: their URLs are their content's hash.
const assets = Object.values(await loadAssets()) as Asset[];
const css = (await loadAssets()).css;

function decoded(res: LightMyRequestResponse): Buffer {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.rawPayload);
  if (encoding === 'gzip') return gunzipSync(res.rawPayload);
  assert.equal(encoding, undefined);
  return res.rawPayload;
}

for (const dialect of testDialects()) {
  describe(`static assets (${dialect.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(() => t.close());

    const get = (url: string, headers: Record<string, string> = {}, method = 'GET' as const) =>
      t.app.inject({ method, url, headers });

    test('every file decodes back to its exact bytes in brotli, gzip and as is', async () => {
      const sizes: string[] = [];
      for (const asset of assets) {
        const forms: Record<string, number> = {};
        for (const accept of ['br', 'gzip', 'identity']) {
          const res = await get(asset.url, { 'accept-encoding': accept });
          assert.equal(res.statusCode, 200, asset.url);
          assert.equal(res.headers['content-encoding'], accept === 'identity' ? undefined : accept);
          assert.ok(decoded(res).equals(asset.body), `${asset.url} in ${accept}`);
          assert.equal(Number(res.headers['content-length']), res.rawPayload.length);
          assert.equal(res.headers['content-type'], asset.type);
          assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
          assert.equal(res.headers.vary, 'Accept-Encoding');
          forms[accept] = res.rawPayload.length;
        }
        assert.ok(forms.br! < forms.gzip! && forms.gzip! < forms.identity!, asset.url);
        sizes.push(
          `${asset.url.padEnd(32)} ${forms.identity} B raw, ${forms.br} br, ${forms.gzip} gzip`,
        );
      }
      if (dialect.name === 'sqlite') console.log(sizes.join('\n'));
    });

    test('brotli is preferred, and a coding refused with q=0 is never sent', async () => {
      const cases: [string | undefined, string | undefined][] = [
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip', 'gzip'],
        ['br;q=0, gzip', 'gzip'],
        ['gzip;q=1.0, br;q=0.5', 'gzip'],
        ['br;q=0, gzip;q=0', undefined],
        ['gzip;q=0, *', 'br'],
        ['*;q=0', undefined],
        ['identity', undefined],
        [undefined, undefined],
      ];
      for (const [accept, expected] of cases) {
        const res = await get(css.url, accept === undefined ? {} : { 'accept-encoding': accept });
        assert.equal(res.headers['content-encoding'], expected, `Accept-Encoding: ${accept}`);
        assert.ok(decoded(res).equals(css.body), `Accept-Encoding: ${accept}`);
      }
    });

    test('HEAD answers with the headers and length of each form, without a body', async () => {
      for (const accept of ['br', 'gzip', 'identity']) {
        const full = await get(css.url, { 'accept-encoding': accept });
        const head = await get(css.url, { 'accept-encoding': accept }, 'HEAD' as 'GET');
        assert.equal(head.statusCode, 200);
        assert.equal(head.rawPayload.length, 0);
        for (const name of ['content-length', 'content-encoding', 'content-type', 'etag', 'vary'])
          assert.equal(head.headers[name], full.headers[name], `${accept}: ${name}`);
      }
    });

    test('each form has its own ETag, and revalidating it gets an empty 304', async () => {
      const etags = new Set<string>();
      for (const accept of ['br', 'gzip', 'identity']) {
        const res = await get(css.url, { 'accept-encoding': accept });
        const etag = String(res.headers.etag);
        etags.add(etag);
        const again = await get(css.url, { 'accept-encoding': accept, 'if-none-match': etag });
        assert.equal(again.statusCode, 304, accept);
        assert.equal(again.rawPayload.length, 0);
        assert.equal(again.headers.etag, etag);
        assert.equal(again.headers.vary, 'Accept-Encoding');
        assert.match(String(again.headers['cache-control']), /immutable/);
      }
      assert.equal(etags.size, 3);
      // A tag of another form is not this one's: the file comes back whole.
      const other = await get(css.url, { 'accept-encoding': 'gzip', 'if-none-match': '"x", "y"' });
      assert.equal(other.statusCode, 200);
    });

    test('every form carries the security headers helmet sets', async () => {
      const expected = await probeHelmetHeaders(
        helmetOptions(t.config, 'reader', [inlineStyleSheet(css)]),
      );
      const etag = String((await get(css.url, { 'accept-encoding': 'br' })).headers.etag);
      const responses: [string, LightMyRequestResponse][] = [
        ['brotli', await get(css.url, { 'accept-encoding': 'br' })],
        ['gzip', await get(css.url, { 'accept-encoding': 'gzip' })],
        ['as is', await get(css.url)],
        ['HEAD', await get(css.url, { 'accept-encoding': 'br' }, 'HEAD' as 'GET')],
        ['304', await get(css.url, { 'accept-encoding': 'br', 'if-none-match': etag })],
      ];
      assert.ok(Object.keys(expected).length >= 10);
      for (const [label, res] of responses)
        for (const [name, value] of Object.entries(expected))
          assert.equal(res.headers[name], value, `${label}: ${name}`);
    });

    test('an article page carries the style sheet inline, allowed by its hash; others link it', async () => {
      const section = await buildSection(t.db);
      const article = await buildArticle(t.db, { section });
      const page = await get(`/${section.slug}/${article.slug}`, { 'accept-encoding': 'br' });
      assert.equal(page.statusCode, 200);
      const html = decoded(page).toString();
      assert.ok(html.includes(`<style>${css.body.toString()}</style>`));
      assert.ok(!html.includes(css.url), 'no second request for the same rules');
      const csp = String(page.headers['content-security-policy']);
      assert.ok(csp.includes(cspHash(css.body.toString())));
      const home = (await get('/')).body;
      assert.ok(home.includes(`<link rel="stylesheet" href="${css.url}"`));
      assert.ok(!home.includes('<style>'));
    });
  });
}

describe('compressing a static file', () => {
  test('a form that is not smaller is not kept, and the file then goes out as is', async () => {
    const tiny = await encodeAsset({
      url: '/a.css',
      body: Buffer.from('a{}'),
      type: 'text/css',
      hash: 'h',
    });
    assert.equal(tiny.br, undefined);
    assert.equal(tiny.gzip, undefined);
    const image = await encodeAsset({
      url: '/b.png',
      body: Buffer.alloc(4096),
      type: 'image/png',
      hash: 'i',
    });
    assert.equal(image.br, undefined, 'only text files are compressed');

    const app = Fastify();
    app.get(tiny.url, (request, reply) => sendAsset(request, reply, tiny));
    const res = await app.inject({ url: tiny.url, headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.headers.vary, undefined, 'nothing varies');
    assert.equal(res.body, 'a{}');
    await app.close();
  });
});
