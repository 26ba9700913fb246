// Benchmark: Griot serving a news day (issue 12). The real server (`griot start`, a child
// process) over the demo publication plus 500 articles of the day with 20 approved comments
// each and an archive of older ones, on SQLite and, when BENCH_DATABASE_URL is set, PostgreSQL
// (a schema of its own, dropped at the end). Requests as a phone browser sends them
// (`Accept-Encoding: br, gzip, deflate`, a phone user agent), each to a path drawn from a seeded
// generator: the home page, section pages 1 and 2, articles by a Zipf-like popularity (s = 1,
// newest first) and ~15 % of light-edition twins. Measured in one run, per database: that mix
// with a comment approved every 2 s and an article edited every 30 s, the same mix with no
// change, the single hot page, cache misses (archive articles, each requested once) and a bare
// node:http server sending the hot page's brotli bytes from memory. Prints, never asserts.
//   npm run bench:newsday [-- --duration 15 --connections 10 --articles 500 --archive 2000]
import { request } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DialectName } from '../src/db/connect.ts';
import { openSharedDatabase, spawnTsx, startServer } from '../test/helpers/child-process.ts';
import { freePort } from '../test/helpers/net.ts';
import { seeded } from '../test/helpers/random.ts';
import { loadDrawn, type DrawnLoadResult } from './load.ts';
import { startChanges, type ChangeCount } from './newsday-changes.ts';
import { fillNewsDay, type NewsDay } from './newsday-content.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '10' },
    articles: { type: 'string', default: '500' },
    archive: { type: 'string', default: '2000' },
    comments: { type: 'string', default: '20' },
  },
});
const seconds = Math.min(120, Math.max(2, Number(values.duration)));
const connections = Math.min(256, Math.max(1, Number(values.connections)));
const articles = Math.min(5000, Math.max(50, Number(values.articles)));
const archive = Math.min(50_000, Math.max(100, Number(values.archive)));
const comments = Math.min(200, Math.max(0, Number(values.comments)));

const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 13; Tecno) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
const HEADERS = { 'accept-encoding': 'br, gzip, deflate', 'user-agent': PHONE_UA };
const log = (line: string) => process.stderr.write(line + '\n');

/** A path drawn for each request: home, sections, articles by popularity, light twins. */
function newsDayMix(day: NewsDay, random: () => number): () => string {
  let sum = 0;
  const cumulative = day.today.map((_, rank) => (sum += 1 / (rank + 1)));
  const article = () => {
    const r = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return day.today[lo]!.path;
  };
  const section = () => `/${day.sections[Math.floor(random() * day.sections.length)]!}`;
  return () => {
    const r = random();
    const path =
      r < 0.1 ? '/' : r < 0.22 ? section() : r < 0.25 ? `${section()}?page=2` : article();
    if (random() >= 0.15) return path;
    return path === '/' ? '/lite' : `/lite${path}`;
  };
}

/** Resident and peak memory of a process, in MB, from /proc. */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** The bytes the server sends for a path, brotli as a browser asks. */
function fetchRaw(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    request(url, { headers: HEADERS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        res.headers['content-encoding'] === 'br'
          ? resolve(Buffer.concat(chunks))
          : reject(new Error(`${url}: ${res.statusCode}, not brotli`)),
      );
    })
      .on('error', reject)
      .end();
  });
}

interface Figures {
  engine: DialectName;
  results: [string, DrawnLoadResult][];
  changes: ChangeCount;
  memory: { idle: number; afterNewsDay: number; end: number; peak: number };
}

async function benchDatabase(engine: DialectName, url?: string): Promise<Figures> {
  const shared = await openSharedDatabase(engine, url);
  const stops: (() => Promise<unknown>)[] = [];
  try {
    const db = shared.connect();
    const random = seeded(12);
    const started = performance.now();
    const day = await fillNewsDay(db, {
      dataDir: shared.env.DATA_DIR!,
      articles,
      archive,
      comments,
      random,
    });
    log(`${engine}: content ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // The compiled server, as `npm start` runs it (the script builds it first).
    const server = await startServer({ ...shared.env, LOG_LEVEL: 'warn' }, { built: true });
    stops.push(() => server.stop());
    const pid = server.process.pid!;
    const idle = (await memoryOf(pid)).rss;

    const hot = day.today[0]!.path;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'griot-newsday-'));
    stops.push(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'hot.html.br');
    await writeFile(file, await fetchRaw(server.url + hot));
    const barePort = await freePort();
    const bare = spawnTsx('bench/bare-server.ts', [String(barePort), file, 'br'], {});
    stops.push(() => bare.kill9());
    await bare.waitFor(/ready/, 30_000);

    const run = (origin: string, draw: () => string, options: { maxRequests?: number } = {}) =>
      loadDrawn(origin, { seconds, connections, draw, headers: HEADERS, ...options });
    const mix = newsDayMix(day, random);
    log(
      `${engine}: warming up (every page once, then 3 s of the mix), then ${seconds} s per target, ${connections} connections…`,
    );
    // A news site's pages are warm by mid-morning: every page of the mix is asked for once
    // (both editions), then 3 s of the mix itself.
    const pages = ['/', ...day.sections.flatMap((s) => [`/${s}`, `/${s}?page=2`])];
    pages.push(...day.today.map((a) => a.path));
    const everyPage = [...pages, ...pages.map((p) => (p === '/' ? '/lite' : `/lite${p}`))];
    let warmed = 0;
    await loadDrawn(server.url, {
      seconds: 120,
      connections,
      draw: () => everyPage[warmed++ % everyPage.length]!,
      headers: HEADERS,
      maxRequests: everyPage.length,
    });
    await loadDrawn(server.url, { seconds: 3, connections, draw: mix, headers: HEADERS });
    const results: [string, DrawnLoadResult][] = [];
    results.push([
      'bare node:http (hot page, br, from memory)',
      await run(`http://127.0.0.1:${barePort}`, () => '/'),
    ]);
    results.push(['single hot page (article, br)', await run(server.url, () => hot)]);
    results.push(['news day, no changes', await run(server.url, mix)]);
    const changing = startChanges(db, { day, publicUrl: server.url, random });
    results.push(['news day, approval/2 s + edit/30 s', await run(server.url, mix)]);
    const changes = await changing.stop();
    const afterNewsDay = (await memoryOf(pid)).rss;
    let next = 0;
    results.push([
      'cache misses (archive articles, once each, br)',
      await run(server.url, () => day.archive[next++ % day.archive.length]!.path, {
        maxRequests: day.archive.length,
      }),
    ]);
    const end = await memoryOf(pid);
    return {
      engine,
      results,
      changes,
      memory: { idle, afterNewsDay, end: end.rss, peak: end.peak },
    };
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    await shared.close();
  }
}

function report(f: Figures): void {
  const fmt = (n: number, digits = 0) =>
    n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  console.log(`\n${f.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`);
  console.log(
    '| target | req/s | p50 ms | p99 ms | hit rate | non-2xx |\n| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const [name, r] of f.results) {
    const non2xx = Object.entries(r.statuses)
      .filter(([code]) => !code.startsWith('2'))
      .reduce((s, [, n]) => s + n, 0);
    const hit = r.requests ? 1 - r.fresh / r.requests : 0;
    console.log(
      `| ${name} | ${fmt(r.rps)} | ${fmt(r.p50Ms, 1)} | ${fmt(r.p99Ms, 1)} | ${fmt(hit * 100, 1)} % | ${non2xx + r.errors} |`,
    );
  }
  const rps = (name: string) => f.results.find(([n]) => n.startsWith(name))![1];
  const bare = rps('bare').rps;
  const hot = rps('single hot').rps;
  const day = rps('news day, approval');
  const still = rps('news day, no');
  const misses = rps('cache misses');
  console.log(
    `\nchanges made during the news day: ${f.changes.approvals} approvals, ${f.changes.edits} edits` +
      (f.changes.failures ? ` (${f.changes.failures} failed)` : ''),
  );
  console.log(
    `server RSS: ${fmt(f.memory.idle)} MB idle, ${fmt(f.memory.afterNewsDay)} MB after the news day, ` +
      `${fmt(f.memory.end)} MB at the end (peak ${fmt(f.memory.peak)} MB)`,
  );
  console.log(
    `news day ÷ single hot page: ${fmt(day.rps / hot, 2)} (no changes: ${fmt(still.rps / hot, 2)}) — goal ≥ 0.8`,
  );
  console.log(`single hot page ÷ bare server: ${fmt(hot / bare, 2)} — goal ≥ 0.6`);
  console.log(`cache misses: ${fmt(misses.rps)}/s, p99 ${fmt(misses.p99Ms, 1)} ms — goal ≥ 400/s`);
  console.log(`news-day p99 at ${connections} connections: ${fmt(day.p99Ms, 1)} ms — goal ≤ 20 ms`);
}

const started = performance.now();
const engines: [DialectName, string | undefined][] = [['sqlite', undefined]];
if (process.env.BENCH_DATABASE_URL) engines.push(['postgres', process.env.BENCH_DATABASE_URL]);
const figures: Figures[] = [];
for (const [engine, url] of engines) figures.push(await benchDatabase(engine, url));
console.log(
  `\nbench/newsday — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, autocannon, ` +
    `${articles} articles of the day with ${comments} comments, ${archive} in the archive, ${seconds} s per target, ${connections} connections`,
);
for (const f of figures) report(f);
console.log(
  '\nhit rate: the share of responses whose exact bytes had already been served for that path in ' +
    'the same target; a new body is one the server rendered or compressed again.',
);
log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
