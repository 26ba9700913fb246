// Benchmark: what live pages' polling costs. In one process, the real app over SQLite (the
// default) with the demo content; one live article. Many clients ask its poll URL
// (`/direct/<id>/depuis/<last>`, what every open page asks every 15 s), while an editor posts an
// entry every 2 s (each one drops the cached fragment and moves the pollers to the new id, as the
// script does); the same clients then ask the plain article page, the baseline, with the same
// posting going on. Printed: requests/s, p99, and database queries per request (counted by a
// Kysely plugin on the app's own handle; the posting's own queries are left out).
//   npm run bench:live [-- --duration 10 --connections 64]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { KyselyPlugin } from 'kysely';
import { buildApp } from '../src/app.ts';
import { createAdDelivery } from '../src/ads/ad-delivery.ts';
import { createArticleViews } from '../src/articles/article-views.ts';
import { createPageCache } from '../src/cache/page-cache.ts';
import { systemClock } from '../src/clock.ts';
import { connect } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { changeLiveCoverage, postLiveEntry } from '../src/live/post-live-entry.ts';
import { localMediaStore } from '../src/media/media-store.ts';
import { seedDemo } from '../src/seed/seed.ts';
import { loadSiteLayout } from '../src/web/site-layout.ts';
import { createShortLinkCounter } from '../src/whatsapp/short-link-visits.ts';
import { testConfig } from '../test/helpers/setup.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
  },
});
const duration = Math.min(120, Number(values.duration));
const connections = Math.min(512, Number(values.connections));
const POST_EVERY_MS = 2_000;

let queries = 0;
const counter: KyselyPlugin = {
  transformQuery: (args) => {
    queries++;
    return args.node;
  },
  transformResult: async (args) => args.result,
};

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-bench-live-'));
const { db: raw } = connect({ dataDir });
try {
  await migrateToLatest(raw);
  const clock = systemClock;
  const store = localMediaStore(dataDir);
  process.stderr.write('Seeding the demo publication…\n');
  await seedDemo({ db: raw, store, clock });
  const db = raw.withPlugin(counter);
  const config = { ...testConfig(dataDir), cacheVersionTtlMs: 1_000 };
  const cache = createPageCache({
    db,
    clock,
    ttlMs: config.cacheVersionTtlMs,
    loadLayout: loadSiteLayout,
  });
  const app = await buildApp({
    config,
    db,
    dialect: 'sqlite',
    clock,
    cache,
    ads: createAdDelivery({ db, cache, clock, secret: config.sessionSecret }),
    media: store,
    shortLinks: createShortLinkCounter({ db, cache, clock }),
    views: createArticleViews({ db, cache, clock }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  const article = await raw
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select(['a.id', 'a.slug', 's.slug as section'])
    .where('a.status', '=', 'published')
    .where('a.live', '=', 0)
    .orderBy('a.published_at', 'desc')
    .executeTakeFirstOrThrow();
  const editor = await raw
    .selectFrom('users')
    .select(['id', 'role'])
    .where('role', '=', 'editor')
    .executeTakeFirstOrThrow();
  const now = () => clock.now();
  await changeLiveCoverage(raw, {
    articleId: article.id,
    user: editor,
    change: 'start',
    now: now(),
  });
  let last = 0;
  let posted = 0;
  const post = async () => {
    const r = await postLiveEntry(raw, {
      articleId: article.id,
      user: editor,
      body: `Entrée de banc d'essai n° ${++posted} : la situation évolue, notre envoyé spécial précise.`,
      pinned: false,
      now: now(),
      locale: 'fr',
    });
    if (r.ok && r.id) last = r.id;
  };
  for (let i = 0; i < 10; i++) await post();

  const run = async (name: string, url: () => string) => {
    const timer = setInterval(() => void post(), POST_EVERY_MS);
    const before = queries;
    const result = await autocannon({
      url: base,
      connections,
      duration,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: url() }) }],
      headers: { 'accept-encoding': 'br, gzip' },
    });
    clearInterval(timer);
    const sent = result.requests.total;
    const non2xx = result.non2xx;
    return {
      name,
      rps: Math.round(result.requests.average),
      p99: result.latency.p99,
      queriesPerRequest: (queries - before) / sent,
      non2xx,
      sent,
    };
  };

  process.stderr.write(
    `${connections} clients, ${duration} s each, an entry posted every ${POST_EVERY_MS / 1000} s\n`,
  );
  const poll = await run(
    'poll fragment (/direct/<id>/depuis/<last>)',
    () => `/direct/${article.id}/depuis/${last}`,
  );
  const page = await run('article page (baseline)', () => `/${article.section}/${article.slug}`);
  for (const r of [poll, page])
    console.log(
      `${r.name.padEnd(46)} ${String(r.rps).padStart(7)} req/s  p99 ${String(r.p99).padStart(4)} ms  ` +
        `${r.queriesPerRequest.toFixed(4)} queries/request  (${r.sent} requests, ${r.non2xx} non-2xx)`,
    );
  console.log(`poll ÷ page: ${(poll.rps / page.rps).toFixed(2)}; ${posted} entries posted`);
  await app.close();
} finally {
  await raw.destroy();
  await rm(dataDir, { recursive: true, force: true });
}
