import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import pino from 'pino';
import { bumpContentVersion, pruneContentChanges } from '../src/cache/content-version.queries.ts';
import { listPurgeCursors } from '../src/cdn/cdn-purge.queries.ts';
import { planPurge, purgeCdnJob, purgeRetryDelayMs } from '../src/cdn/purge-cdn.ts';
import {
  cloudflareTarget,
  fastlyTarget,
  purgeTargets,
  varnishTarget,
  type PurgeTarget,
} from '../src/cdn/purge-targets.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

interface Call {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * A local HTTP server standing in for the remote purge APIs (Cloudflare, Fastly, a Varnish):
 * it records every call and answers what the test sets.
 */
async function purgeStub(): Promise<{
  url: string;
  calls: Call[];
  answer: { status: number; body: string };
  close(): Promise<void>;
}> {
  const calls: Call[] = [];
  const answer = { status: 200, body: '{"success":true}' };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      calls.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    answer,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const silent = pino({ level: 'silent' });

test('a purge plan: the keys changed after the cursor, everything after a gap in the log', () => {
  const rows = [
    { version: 5, key: 'article-1' },
    { version: 5, key: 'comments-1' },
    { version: 6, key: 'article-1' },
    { version: 7, key: 'home' },
  ];
  assert.deepEqual(planPurge(4, rows, false), {
    keys: ['article-1', 'comments-1', 'home'],
    to: 7,
  });
  assert.equal(planPurge(7, [], false), null);
  // Versions 3 and 4 were pruned before this target read them: it cannot know what they touched.
  assert.deepEqual(planPurge(2, rows, false), { keys: ['site'], to: 7 });
  // A full batch may stop inside its last version: that version waits for the next run.
  assert.deepEqual(planPurge(4, rows, true), { keys: ['article-1', 'comments-1'], to: 6 });
  // One change larger than a batch: everything.
  assert.deepEqual(planPurge(4, rows.slice(0, 2), true), { keys: ['site'], to: 5 });
  // A site-wide change purges everything, once.
  assert.deepEqual(planPurge(4, [...rows, { version: 8, key: 'site' }], false), {
    keys: ['site'],
    to: 8,
  });
});

test('the targets call the purge APIs as documented, and a refusal is an error', async () => {
  const stub = await purgeStub();
  try {
    await varnishTarget(`${stub.url}/`, 'secret-token').purge(['article-1', 'home']);
    await cloudflareTarget({
      zoneId: '0123456789abcdef0123456789abcdef',
      apiToken: 'cf-token',
      apiUrl: `${stub.url}/client/v4/`,
    }).purge(['article-1', 'home']);
    await fastlyTarget({
      serviceId: 'SU1Z0isxPaozGVKXdv0eY',
      apiToken: 'fastly-key',
      apiUrl: stub.url,
    }).purge(['article-1', 'home']);
    const [varnish, cloudflare, fastly] = stub.calls;
    assert.equal(varnish?.method, 'PURGE');
    assert.equal(varnish?.url, '/');
    assert.equal(varnish?.headers['xkey-purge'], 'article-1 home');
    assert.equal(varnish?.headers.authorization, 'Bearer secret-token');

    assert.equal(cloudflare?.method, 'POST');
    assert.equal(cloudflare?.url, '/client/v4/zones/0123456789abcdef0123456789abcdef/purge_cache');
    assert.equal(cloudflare?.headers.authorization, 'Bearer cf-token');
    assert.deepEqual(JSON.parse(cloudflare!.body), { tags: ['article-1', 'home'] });

    assert.equal(fastly?.method, 'POST');
    assert.equal(fastly?.url, '/service/SU1Z0isxPaozGVKXdv0eY/purge');
    assert.equal(fastly?.headers['fastly-key'], 'fastly-key');
    assert.deepEqual(JSON.parse(fastly!.body), { surrogate_keys: ['article-1', 'home'] });

    // Cloudflare refuses some calls with a 200 and { success: false }.
    stub.answer.body = '{"success":false,"errors":[{"code":1134,"message":"bad tag"}]}';
    await assert.rejects(
      cloudflareTarget({ zoneId: 'z', apiToken: 't', apiUrl: stub.url }).purge(['x']),
      /refused.*1134/,
    );
    stub.answer.status = 503;
    stub.answer.body = 'Service Unavailable';
    await assert.rejects(varnishTarget(stub.url).purge(['x']), /503/);
  } finally {
    await stub.close();
  }
  assert.deepEqual(
    purgeTargets({}).map((t) => t.name),
    [],
  );
  assert.deepEqual(
    purgeTargets({
      purgeUrl: 'http://127.0.0.1:6081/',
      cloudflare: { zoneId: 'z', apiToken: 't', apiUrl: 'https://api.cloudflare.com/client/v4' },
    }).map((t) => t.name),
    ['varnish', 'cloudflare'],
  );
});

for (const dialect of testDialects()) {
  describe(`CDN purges on ${dialect.name}`, () => {
    let t: TestApp;
    let stub: Awaited<ReturnType<typeof purgeStub>>;
    let target: PurgeTarget;
    const purged = () =>
      stub.calls.filter((c) => c.method === 'PURGE').map((c) => c.headers['xkey-purge']);

    before(async () => {
      t = await createTestApp(dialect);
      stub = await purgeStub();
    });
    after(async () => {
      await stub.close();
      await t.close();
    });
    beforeEach(() => {
      stub.calls.length = 0;
      stub.answer.status = 200;
      target = { ...varnishTarget(stub.url), name: `varnish-${Math.random()}` };
    });

    test('each change is purged by its keys once, by one of several instances', async () => {
      await bumpContentVersion(t.db, ['article-9']); // before the target existed: not purged
      // Two instances' workers, on two connections to the same database.
      const other = t.database.connectAgain();
      const jobA = purgeCdnJob({ db: t.db, targets: [target], log: silent });
      const jobB = purgeCdnJob({ db: other, targets: [target], log: silent });
      await jobA.run(t.clock.now());
      assert.deepEqual(purged(), []);

      await bumpContentVersion(t.db, ['article-1', 'comments-1']);
      await bumpContentVersion(t.db, ['article-1', 'home']);
      const [a, b] = await Promise.all([jobA.run(t.clock.now()), jobB.run(t.clock.now())]);
      assert.equal(a + b, 3);
      assert.deepEqual(purged(), ['article-1 comments-1 home']);
      // Nothing new: nothing sent.
      await Promise.all([jobA.run(t.clock.now()), jobB.run(t.clock.now())]);
      assert.equal(purged().length, 1);
    });

    test('while the cache is down no purge is lost: retried with a growing wait, then sent', async () => {
      const job = purgeCdnJob({ db: t.db, targets: [target], log: silent });
      await job.run(t.clock.now());
      stub.answer.status = 503;
      await bumpContentVersion(t.db, ['article-2']);
      assert.equal(await job.run(t.clock.now()), 0);
      let [cursor] = (await listPurgeCursors(t.db)).filter((c) => c.target === target.name);
      assert.equal(cursor?.attempts, 1);
      assert.match(cursor?.last_error ?? '', /503/);
      // Not tried again before its time.
      const calls = stub.calls.length;
      await job.run(t.clock.now());
      assert.equal(stub.calls.length, calls);
      // Later, still down, then back: the changes made meanwhile go in the same purge.
      t.clock.advance(purgeRetryDelayMs(1));
      await job.run(t.clock.now());
      assert.equal(stub.calls.length, calls + 1);
      await bumpContentVersion(t.db, ['section-3']);
      stub.answer.status = 200;
      t.clock.advance(purgeRetryDelayMs(2));
      assert.equal(await job.run(t.clock.now()), 2);
      assert.deepEqual(purged().at(-1), 'article-2 section-3');
      [cursor] = (await listPurgeCursors(t.db)).filter((c) => c.target === target.name);
      assert.equal(cursor?.attempts, 0);
      assert.equal(cursor?.last_error, null);
      assert.ok(purgeRetryDelayMs(20) <= 60_000, 'the wait is capped at a minute');
    });

    test('a target behind a pruned log purges everything; long key lists go in several calls', async () => {
      const job = purgeCdnJob({ db: t.db, targets: [target], log: silent });
      await job.run(t.clock.now());
      stub.answer.status = 503;
      for (let i = 0; i < 5; i++) await bumpContentVersion(t.db, [`article-${100 + i}`]);
      await job.run(t.clock.now());
      await pruneContentChanges(t.db, 2);
      stub.answer.status = 200;
      t.clock.advance(purgeRetryDelayMs(1));
      await job.run(t.clock.now());
      assert.deepEqual(purged().at(-1), 'site');

      const small = { ...target, maxKeys: 2 };
      const chunked = purgeCdnJob({ db: t.db, targets: [small], log: silent });
      await bumpContentVersion(t.db, ['a-1', 'a-2', 'a-3', 'a-4', 'a-5']);
      await chunked.run(t.clock.now());
      assert.deepEqual(purged().slice(-3), ['a-1 a-2', 'a-3 a-4', 'a-5']);
    });
  });
}
