import assert from 'node:assert/strict';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { publishScheduledJob } from '../src/jobs/publish-scheduled.ts';
import { startWorker } from '../src/jobs/worker.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildSection } from './helpers/factories.ts';
import { createOtherInstance, createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

for (const dialect of testDialects()) {
  describe(`page cache and worker on ${dialect.name}`, () => {
    let t: TestApp;
    let section: Section;
    before(async () => {
      t = await createTestApp(dialect);
      section = await buildSection(t.db, { name: 'Économie', slug: 'economie' });
      await buildArticle(t.db, { section, title: 'Le prix du mil baisse sur les marchés' });
    });
    after(() => t.close());

    test('reader pages carry ETag, Cache-Control and Surrogate-Key, and answer 304', async () => {
      const res = await t.app.inject('/economie');
      assert.equal(res.statusCode, 200);
      const etag = res.headers.etag as string;
      assert.ok(etag);
      assert.equal(res.headers['cache-control'], 'public, max-age=0, must-revalidate');
      assert.equal(res.headers['cdn-cache-control'], 'max-age=60, stale-while-revalidate=600');
      // The keys of what the page shows, for a CDN's purge: its section's list, and the layout.
      assert.equal(res.headers['surrogate-key'], `section-${section.id} site`);
      assert.equal(res.headers['cache-tag'], `section-${section.id},site`);
      const again = await t.app.inject({ url: '/economie', headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
    });

    test('pages are compressed for clients that accept it', async () => {
      const plain = (await t.app.inject('/')).body;
      const gz = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gz.rawPayload).toString(), plain);
      const br = await t.app.inject({
        url: '/',
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain);
      assert.ok(br.rawPayload.length < plain.length / 2);
    });

    test('a second instance on the same database sees a change made through the first', async () => {
      const instance = await createOtherInstance(t, { now: '2026-11-23T12:00:00Z' });
      const other = instance.app;
      try {
        const before = await other.inject('/economie');
        assert.doesNotMatch(before.body, /Nouvelle usine/);
        await buildArticle(t.db, { section, title: 'Nouvelle usine de transformation à Kalanga' });
        const afterChange = await other.inject('/economie');
        assert.match(afterChange.body, /Nouvelle usine de transformation/);
        assert.notEqual(afterChange.headers.etag, before.headers.etag);
      } finally {
        await instance.close();
      }
    });

    test('a scheduled article goes live when its time comes, through the worker', async () => {
      await buildArticle(t.db, {
        section,
        title: 'Article programmé pour midi et demi',
        status: 'scheduled',
        published_at: '2026-11-23T12:30:00.000Z',
      });
      const job = publishScheduledJob({ db: t.db, cache: t.cache });
      assert.equal(await job.run(t.clock.now()), 0, 'not yet due at noon');
      assert.doesNotMatch((await t.app.inject('/economie')).body, /Article programmé/);
      assert.equal(
        (await t.app.inject('/economie/article-programme-pour-midi-et-demi')).statusCode,
        404,
      );

      t.clock.set('2026-11-23T12:31:00.000Z');
      const worker = startWorker({
        jobs: [job],
        clock: t.clock,
        log: t.app.log,
        intervalMs: 60_000,
      });
      await worker.runOnce();
      await worker.stop();
      assert.match((await t.app.inject('/economie')).body, /Article programmé pour midi et demi/);
      assert.equal(
        (await t.app.inject('/economie/article-programme-pour-midi-et-demi')).statusCode,
        200,
      );
    });

    test('a scheduled article missed while the server was down is published at the next start', async () => {
      await buildArticle(t.db, {
        section,
        title: 'Article dont l’heure est passée pendant une panne',
        status: 'scheduled',
        published_at: '2026-11-22T06:00:00.000Z',
      });
      const worker = startWorker({
        jobs: [publishScheduledJob({ db: t.db, cache: t.cache })],
        clock: t.clock,
        log: t.app.log,
        intervalMs: 60_000,
      });
      await worker.stop(); // the first tick runs at start; stop waits for it
      assert.match((await t.app.inject('/economie')).body, /heure est passée pendant une panne/);
    });
  });
}
