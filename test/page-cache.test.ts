import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { bumpContentVersion } from '../src/cache/content-version.queries.ts';
import {
  createPageCache,
  fillSlots,
  splitSlots,
  type CachedPage,
  type PageCache,
} from '../src/cache/page-cache.ts';
import { fixedClock } from '../src/clock.ts';
import { loadSiteLayout } from '../src/web/site-layout.ts';
import { seeded } from './helpers/random.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

// A page of the size of an article page, different for each n: words drawn at random from a
// vocabulary, so that it compresses like text (a repeating pattern is no test of compression).
function page(n: number, keys: string[] = [`article-${n}`]): CachedPage {
  const random = seeded(n);
  const words = Array.from({ length: 3000 }, () => `mot${Math.floor(random() * 1000)}`).join(' ');
  const html = `<!doctype html><title>Page ${n}</title><p>${words}</p><!--griot:mine--><p>fin</p>`;
  return {
    status: 200,
    etag: `W/"${n}"`,
    keys,
    ...splitSlots(html),
    facts: {},
    fills: new Map(),
  };
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

for (const dialect of testDialects()) {
  describe(`page cache on ${dialect.name}`, () => {
    let t: TestApp;
    let cache: PageCache;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(() => t.close());

    const fresh = (maxBytes?: number) =>
      createPageCache({
        db: t.db,
        clock: t.clock,
        ttlMs: 0,
        loadLayout: loadSiteLayout,
        ...(maxBytes ? { maxBytes } : {}),
      });

    test('a page that shows something ending (the site alert) is never kept or served past its end', async () => {
      const clock = fixedClock('2026-11-23T12:00:00.000Z');
      const ends = Date.parse('2026-11-23T12:05:00.000Z');
      let layouts = 0;
      // A layout with an alert up until `ends`, then without: counts its reloads.
      const timed = createPageCache({
        db: t.db,
        clock,
        ttlMs: 60 * 60_000,
        loadLayout: async (db, now) => {
          layouts++;
          const layout = await loadSiteLayout(db, now);
          return now.getTime() < ends ? { ...layout, validUntil: ends } : layout;
        },
      });
      const { version } = await timed.snapshot();
      timed.set('/', { ...page(7), expiresAt: ends }, version);
      clock.advance(4 * 60_000);
      assert.ok(timed.get('/'), 'kept while the alert is up');
      assert.equal(layouts, 1);
      // A render that read the layout before the end and finished after it.
      clock.advance(60_000);
      timed.set('/late', { ...page(8), expiresAt: ends }, version);
      assert.equal(timed.get('/late'), undefined, 'not kept past the end');
      assert.equal(timed.get('/'), undefined, 'dropped at the end, with no change logged');
      // The layout is read again at the end, though its TTL (an hour) is far from over.
      assert.equal((await timed.snapshot()).validUntil, undefined);
      assert.equal(layouts, 2);
    });

    test('a clock set back (an NTP step) does not stop the change log from being read', async () => {
      const clock = fixedClock('2026-11-23T12:00:00.000Z');
      const stepped = createPageCache({
        db: t.db,
        clock,
        ttlMs: 1_000,
        loadLayout: loadSiteLayout,
      });
      const { version } = await stepped.snapshot();
      stepped.set('/p', page(3), version);
      clock.set('2026-11-23T11:00:00.000Z');
      await bumpContentVersion(t.db, ['article-3']);
      clock.advance(1_000);
      assert.equal((await stepped.snapshot()).version, version + 1);
      assert.equal(stepped.get('/p'), undefined, 'the page that shows the change is dropped');
      await stepped.close();
    });

    test('a miss is compressed fast, and a page asked for again upgraded to the best brotli off the request path', async () => {
      cache = fresh();
      const { version } = await cache.snapshot();
      const p = page(1);
      cache.set('/a', p, version);
      const body = { tag: '', values: {} };
      p.fills.set('', body);
      const fast = await cache.encoded(p, body, 'br');
      const text = brotliDecompressSync(fast).toString();
      assert.match(text, /^<!doctype html><title>Page 1<\/title>/);
      assert.doesNotMatch(text, /griot:mine/, 'slots are never sent');
      // Read once, it stays fast; asked for again, it is upgraded in the background.
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.notEqual(p.fills.get('')!.brBest, true);
      assert.equal(await cache.encoded(p, body, 'br'), fast);
      await until(
        () =>
          cache.stats().upgradesPending === 0 &&
          p.fills.get('')!.brBest === true &&
          p.packed !== undefined,
      );
      const best = p.fills.get('')!.br!;
      assert.equal(brotliDecompressSync(best).toString(), text);
      assert.ok(best.length < fast.length, `${best.length} < ${fast.length}`);
      // Asked again, the same bytes: compressed once per content, not per request.
      assert.equal(await cache.encoded(p, body, 'br'), best);
      // A page read more than once keeps its markup packed: a fraction of its size, and the
      // same bytes for a reader without brotli and for a new fill of its slot.
      assert.equal(p.parts, undefined);
      assert.ok(p.packed);
      assert.ok(
        cache.stats().bytes < 0.6 * Buffer.byteLength(text),
        `${cache.stats().bytes} bytes`,
      );
      const gz = await cache.encoded(p, body, 'gzip');
      assert.equal(gunzipSync(gz).toString(), text);
      assert.equal(fillSlots(p, {}).toString(), text);
      const filled = fillSlots(p, { '<!--griot:mine-->': '<b>à vous</b>' }).toString();
      assert.equal(filled, text.replace('<p>fin</p>', '<b>à vous</b><p>fin</p>'));
    });

    test('the cache holds at most its size in bytes, least recently used out first', async () => {
      const size = page(0).parts!.reduce((n, part) => n + part.length, 0);
      cache = fresh(size * 10);
      const { version } = await cache.snapshot();
      for (let n = 0; n < 40; n++) {
        cache.set(`/p${n}`, page(n), version);
        if (n >= 2) assert.ok(cache.get('/p0'), 'the page read each time stays');
      }
      const { entries, bytes } = cache.stats();
      assert.ok(bytes <= size * 10, `${bytes} bytes`);
      assert.ok(entries >= 5 && entries < 10, `${entries} entries`);
      assert.ok(cache.get('/p0'));
      assert.equal(cache.get('/p5'), undefined);
      assert.ok(cache.get('/p39'));
    });

    test('a crawl of pages read once never pushes out the pages read again', async () => {
      const size = page(0).parts!.reduce((n, part) => n + part.length, 0);
      cache = fresh(size * 20);
      const { version } = await cache.snapshot();
      // Today's pages: kept, then asked for again by readers.
      const today = Array.from({ length: 8 }, (_, n) => `/today${n}`);
      for (const [n, key] of today.entries()) cache.set(key, page(n), version);
      for (const key of today) assert.ok(cache.get(key));
      // A crawler walks 200 archive pages, each once.
      for (let n = 0; n < 200; n++) cache.set(`/archive${n}`, page(n), version);
      assert.ok(cache.stats().bytes <= size * 20, `${cache.stats().bytes} bytes`);
      for (const key of today) assert.ok(cache.get(key), `${key} stays`);
      // The crawl's latest pages are there, its first ones gone.
      assert.ok(cache.get('/archive199'));
      assert.equal(cache.get('/archive0'), undefined);
      // Pages read again hold at most most of the cache: when more are, the least recent of
      // them go back among the pages read once, and out in turn.
      for (let n = 0; n < 40; n++) {
        cache.set(`/busy${n}`, page(n), version);
        assert.ok(cache.get(`/busy${n}`));
      }
      assert.ok(cache.stats().bytes <= size * 20, `${cache.stats().bytes} bytes`);
      assert.equal(cache.get('/today0'), undefined);
      assert.ok(cache.get('/busy39'));
    });

    test('a page read every second stays while many others are read again', async () => {
      const size = page(0).parts!.reduce((n, part) => n + part.length, 0);
      cache = fresh(size * 20);
      const { version } = await cache.snapshot();
      cache.set('/hot', page(0), version);
      assert.ok(cache.get('/hot'));
      // (A page read again keeps its place for a second: within it, a view moves nothing.)
      for (let n = 0; n < 40; n++) {
        cache.set(`/busy${n}`, page(n + 1), version);
        assert.ok(cache.get(`/busy${n}`));
        if (n % 4 === 0) t.clock.advance(1_000);
        assert.ok(cache.get('/hot'), `/hot stays (${n})`);
      }
      assert.ok(cache.stats().bytes <= size * 20, `${cache.stats().bytes} bytes`);
      assert.equal(cache.get('/busy0'), undefined);
    });

    test('what the cache counts is what it holds: its buffers are views of no larger memory', async () => {
      cache = fresh();
      const { version } = await cache.snapshot();
      // A small page (a light one): zlib's output chunk is 16 KB, a small Buffer.from() a view of
      // an 8 KB pool slab; neither may stay alive behind the few bytes the cache counts.
      const small = {
        ...page(3),
        ...splitSlots(
          '<!doctype html><title>Court</title><p>Un texte bref.</p><!--griot:mine--><p>fin</p>',
        ),
      };
      cache.set('/small', small, version);
      const body = { tag: '', values: {} };
      small.fills.set('', body);
      const held = [
        ...small.parts,
        await cache.encoded(small, body, 'br'),
        await cache.encoded(small, body, 'gzip'),
      ];
      for (const buffer of held) {
        assert.equal(buffer.byteOffset, 0);
        assert.equal(buffer.buffer.byteLength, buffer.length, 'no larger memory behind it');
      }
    });

    test('a page rendered from data older than a change to what it shows is not kept', async () => {
      cache = fresh();
      const seen = (await cache.snapshot()).version;
      // The render read the article, then the article changed, and the change was seen
      // before the render finished.
      await bumpContentVersion(t.db, ['article-7']);
      await cache.snapshot();
      cache.set('/raced', page(7), seen);
      assert.equal(cache.get('/raced'), undefined);
      // A page that does not show the article is kept.
      cache.set('/other', page(8), seen);
      assert.ok(cache.get('/other'));
      // Nor is anything rendered before the whole site changed.
      await bumpContentVersion(t.db);
      await cache.snapshot();
      cache.set('/before-site', page(9), seen);
      assert.equal(cache.get('/before-site'), undefined);
    });
  });
}
