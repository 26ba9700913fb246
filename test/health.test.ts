import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../src/app.ts';
import { fixedClock } from '../src/clock.ts';
import { connect } from '../src/db/connect.ts';
import type { Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createHeartbeat } from '../src/jobs/heartbeat.ts';
import { openSharedDatabase, type SharedDatabase } from './helpers/child-process.ts';
import { testConfig, testDialects } from './helpers/setup.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

for (const dialect of testDialects()) {
  describe(`/healthz and request ids on ${dialect.name}`, () => {
    let shared: SharedDatabase;
    let db: Db;
    let app: FastifyInstance;
    const clock = fixedClock('2026-12-03T08:00:00.000Z');
    const heartbeat = createHeartbeat(clock);

    before(async () => {
      shared = await openSharedDatabase(dialect.name);
      // One connection, so a test can hold it and leave /healthz's query waiting.
      ({ db } = connect({
        databaseUrl: shared.env.DATABASE_URL || undefined,
        dataDir: shared.env.DATA_DIR!,
        poolMax: 1,
      }));
      await migrateToLatest(db);
      const config = testConfig(shared.env.DATA_DIR!);
      app = await buildApp({ config, db, dialect: dialect.name, clock, heartbeat });
    });
    after(async () => {
      await app.close();
      await db.destroy();
      await shared.close();
    });

    test('answers 200 when the database answers and the worker ran lately, never cached', async () => {
      heartbeat.beat();
      clock.advance(5_000);
      const res = await app.inject('/healthz');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.deepEqual(res.json(), {
        status: 'ok',
        database: dialect.name,
        workerLastRunSecondsAgo: 5,
      });
    });

    test('answers 503 with the reason when the worker has not run for a minute', async () => {
      heartbeat.beat();
      clock.advance(61_000);
      const res = await app.inject('/healthz');
      assert.equal(res.statusCode, 503);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.deepEqual(res.json(), {
        status: 'unavailable',
        reason: 'worker: no job finished for 61 s',
        database: dialect.name,
        workerLastRunSecondsAgo: 61,
      });
      heartbeat.beat();
      assert.equal((await app.inject('/healthz')).statusCode, 200);
    });

    test('answers 503 when the database gives no answer within its timeout', async () => {
      heartbeat.beat();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const isHolding = new Promise<void>((resolve) => (holding = resolve));
      // The only connection, busy in a transaction: /healthz's query waits for it.
      const transaction = db.transaction().execute(async () => {
        holding();
        await held;
      });
      await isHolding;
      const since = Date.now();
      const res = await app.inject('/healthz');
      release();
      await transaction;
      assert.equal(res.statusCode, 503);
      assert.deepEqual(res.json(), {
        status: 'unavailable',
        reason: 'database: no answer within 2000 ms',
        database: dialect.name,
        workerLastRunSecondsAgo: 0,
      });
      assert.ok(Date.now() - since < 5000, 'answers soon after the timeout');
      assert.equal((await app.inject('/healthz')).statusCode, 200);
    });

    test('sends back a well-formed incoming X-Request-Id, on cached pages too', async () => {
      for (const id of ['f3b1c2d4e5a6978812345678abcdef01', 'req-42.a:b_c', crypto.randomUUID()])
        for (const url of ['/', '/', '/healthz', '/no-such-page']) {
          const res = await app.inject({ url, headers: { 'x-request-id': id } });
          assert.equal(res.headers['x-request-id'], id, `${url} ${id}`);
        }
    });

    test('generates an id when none or a malformed one comes in', async () => {
      const seen = new Set<string>();
      const incoming = [undefined, '', 'has space', '<script>', 'x'.repeat(101), '-leading-dash'];
      for (const id of incoming) {
        const res = await app.inject({
          url: '/',
          headers: id === undefined ? {} : { 'x-request-id': id },
        });
        const sent = String(res.headers['x-request-id']);
        assert.match(sent, UUID, `for ${JSON.stringify(id)}`);
        seen.add(sent);
      }
      assert.equal(seen.size, incoming.length, 'a fresh id each time');
    });
  });
}

test('/healthz answers 503 when the database is unreachable', async () => {
  const { db } = connect({
    databaseUrl: 'postgres://nobody:nothing@127.0.0.1:1/none',
    dataDir: '/nonexistent',
  });
  const app = await buildApp({ config: testConfig('/tmp'), db, dialect: 'postgres' });
  try {
    const res = await app.inject('/healthz');
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json(), {
      status: 'unavailable',
      reason: 'database: the query failed',
      database: 'postgres',
    });
  } finally {
    await app.close();
    await db.destroy();
  }
});
