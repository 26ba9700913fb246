import { loadSiteLayout } from '../../src/web/site-layout.ts';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/app.ts';
import { createPageCache, type PageCache } from '../../src/cache/page-cache.ts';
import { fixedClock } from '../../src/clock.ts';
import { createAdDelivery, type AdDelivery } from '../../src/ads/ad-delivery.ts';
import {
  createShortLinkCounter,
  type ShortLinkCounter,
} from '../../src/whatsapp/short-link-visits.ts';
import { createArticleViews, type ArticleViews } from '../../src/articles/article-views.ts';
import type { Config } from '../../src/config.ts';
import { connect, type DialectName } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { localMediaStore, type MediaStore } from '../../src/media/media-store.ts';

/** A database the suite can run against. */
export interface TestDialect {
  name: DialectName;
  /** Opens a fresh, empty database of this kind; close() deletes it. */
  open(): Promise<TestDatabase>;
}

export interface TestDatabase {
  db: Db;
  dialect: DialectName;
  dataDir: string;
  /** A second handle on the same database, as another app instance would have. */
  connectAgain(): Db;
  close(): Promise<void>;
}

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. One suite runs on each. */
export function testDialects(): TestDialect[] {
  const dialects: TestDialect[] = [{ name: 'sqlite', open: openSqlite }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) dialects.push({ name: 'postgres', open: () => openPostgres(url) });
  return dialects;
}

async function openSqlite(): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-test-'));
  const { db } = connect({ dataDir });
  const extra: Db[] = [];
  return {
    db,
    dialect: 'sqlite',
    dataDir,
    connectAgain: () => {
      const again = connect({ dataDir }).db;
      extra.push(again);
      return again;
    },
    close: async () => {
      for (const d of [...extra, db]) await d.destroy().catch(() => {});
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// Each test database is a schema of its own, so test files may run side by side.
async function openPostgres(url: string): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-test-'));
  const { db } = connect({ databaseUrl: url, dataDir, schema });
  const extra: Db[] = [];
  return {
    db,
    dialect: 'postgres',
    dataDir,
    connectAgain: () => {
      const again = connect({ databaseUrl: url, dataDir, schema }).db;
      extra.push(again);
      return again;
    },
    close: async () => {
      // A test may already have destroyed its handle (to simulate a lost database).
      for (const d of [...extra, db]) await d.destroy().catch(() => {});
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A configuration for tests: quiet logs, a fixed public URL, no cache-version delay. */
export function testConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: undefined,
    publicUrl: 'https://griot.test',
    smtpUrl: undefined,
    mailFrom: 'no-reply@griot.test',
    sessionSecret: 'test-secret-that-is-long-enough-for-signing-cookies',
    logLevel: 'silent',
    trustProxy: false,
    cacheVersionTtlMs: 0,
    pageCacheMb: 64,
    cdnPurge: {},
    cdnPurgeIntervalMs: 1000,
    pgPoolMax: 10,
    pgStatementTimeoutMs: 0,
    shutdownTimeoutMs: 10_000,
    mediaStore: 'local',
    s3: undefined,
    mediaPublicUrl: undefined,
    ...overrides,
  };
}

/** A running app over a fresh migrated database, with a fake clock. */
export interface TestApp {
  app: FastifyInstance;
  db: Db;
  dialect: DialectName;
  dataDir: string;
  clock: ReturnType<typeof fixedClock>;
  cache: PageCache;
  /** The app's ad delivery, to flush its counts in tests. */
  ads: AdDelivery;
  /** The app's short-link visit counter, to flush its counts in tests. */
  shortLinks: ShortLinkCounter;
  /** The app's article view counter, to flush its counts in tests. */
  views: ArticleViews;
  /** The app's media store: DATA_DIR's unless the test passed one. */
  media: MediaStore;
  config: Config;
  database: TestDatabase;
  close(): Promise<void>;
}

/** Builds the real app on a fresh database of the given dialect. */
export async function createTestApp(
  dialect: TestDialect,
  options: {
    config?: Partial<Config> | ((dataDir: string) => Partial<Config>);
    now?: string;
    /** The ads' random source; seeded in statistical tests. */
    random?: () => number;
    /** The media store (an S3 bucket: see helpers/s3.ts); DATA_DIR's by default. */
    media?: MediaStore;
  } = {},
): Promise<TestApp> {
  const database = await dialect.open();
  const { db } = database;
  await migrateToLatest(db);
  const clock = fixedClock(options.now ?? '2026-11-23T12:00:00.000Z');
  const overrides =
    typeof options.config === 'function' ? options.config(database.dataDir) : options.config;
  const config = testConfig(database.dataDir, overrides);
  const cache = createPageCache({
    db,
    clock,
    ttlMs: config.cacheVersionTtlMs,
    loadLayout: loadSiteLayout,
  });
  const ads = createAdDelivery({
    db,
    cache,
    clock,
    secret: config.sessionSecret,
    ...(options.random ? { random: options.random } : {}),
  });
  const views = createArticleViews({ db, cache, clock });
  const media = options.media ?? localMediaStore(database.dataDir);
  const shortLinks = createShortLinkCounter({ db, cache, clock });
  const app = await buildApp({
    config,
    db,
    dialect: database.dialect,
    clock,
    cache,
    ads,
    media,
    shortLinks,
    views,
  });
  return {
    app,
    db,
    dialect: database.dialect,
    dataDir: database.dataDir,
    clock,
    cache,
    ads,
    shortLinks,
    views,
    media,
    config,
    database,
    close: async () => {
      await app.close();
      await cache.close();
      await database.close();
    },
  };
}

/** A second app instance on a test app's database, as another server sharing it runs. */
export interface OtherInstance {
  app: FastifyInstance;
  /** Its own page cache, reading the change log every request unless given a TTL. */
  cache: PageCache;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

/** Starts another instance on the test app's database: its own connection, clock and cache. */
export async function createOtherInstance(
  t: TestApp,
  { now, cacheTtlMs = 0 }: { now: string; cacheTtlMs?: number },
): Promise<OtherInstance> {
  const db = t.database.connectAgain();
  const clock = fixedClock(now);
  const cache = createPageCache({ db, clock, ttlMs: cacheTtlMs, loadLayout: loadSiteLayout });
  const app = await buildApp({
    config: testConfig(t.dataDir, { cacheVersionTtlMs: cacheTtlMs }),
    db,
    dialect: t.dialect,
    clock,
    cache,
  });
  return {
    app,
    cache,
    clock,
    close: async () => {
      await app.close();
      await cache.close();
    },
  };
}
