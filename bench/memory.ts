// Benchmark: the server's memory (issue 12, item 6). Starts the compiled server as `npm start`
// runs it (`node dist/main.js start`, built first by `npm run bench:memory`) as a child process,
// over the demo publication plus a news day (bench/newsday-content.ts: 500 articles with 20
// comments each), on SQLite and, when BENCH_DATABASE_URL is set, PostgreSQL. Prints its memory
// idle, after each of a few hundred distinct reader pages was asked for once (brotli, as
// browsers ask), and after the news-day mix under load with a comment approved every 2 s and an
// article edited every 30 s: resident (RSS, and its peak), the V8 heap (committed and used, and
// the young generation's share), external memory and array buffers (response bodies), and the
// rest (native allocations: SQLite, zlib, libvips if loaded, thread stacks). Prints, never asserts.
//   npm run bench:memory [-- --pages 300 --seconds 15 --connections 10 --articles 500]
//   The server gets the node options of `npm start` (package.json), or BENCH_NODE_OPTIONS.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { DialectName } from '../src/db/connect.ts';
import { bumpContentVersion } from '../src/cache/content-version.queries.ts';
import { npmStartCommand, openSharedDatabase } from '../test/helpers/child-process.ts';
import { freePort } from '../test/helpers/net.ts';
import { processCpuMs } from '../test/helpers/proc-stat.ts';
import { seeded } from '../test/helpers/random.ts';
import { loadDrawn } from './load.ts';
import { startChanges } from './newsday-changes.ts';
import { fillNewsDay, type NewsDay } from './newsday-content.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '10' },
    articles: { type: 'string', default: '500' },
    comments: { type: 'string', default: '20' },
  },
});
const pages = Math.min(5000, Math.max(10, Number(values.pages)));
const seconds = Math.min(120, Math.max(2, Number(values.seconds)));
const connections = Math.min(256, Math.max(1, Number(values.connections)));
const articles = Math.min(5000, Math.max(50, Number(values.articles)));
const comments = Math.min(200, Math.max(0, Number(values.comments)));
// The server runs as `npm start` runs it: its environment variables and node options.
const { env: startEnv, nodeOptions } = npmStartCommand();

const HEADERS = {
  'accept-encoding': 'br, gzip, deflate',
  'user-agent':
    'Mozilla/5.0 (Linux; Android 13; Tecno) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
};
const log = (line: string) => process.stderr.write(line + '\n');

// Loaded into the server before its own code: answers the bench's question over the IPC
// channel with the process's own view of its memory, then how much of it is live (after full
// collections, hence --expose-gc; array buffers are released by a sweeper after the collection,
// so a second one follows a moment later). Nothing else is added to the server.
const PROBE = `data:text/javascript,${encodeURIComponent(
  "import v8 from 'node:v8'; process.on('message', (m) => { if (m !== 'memory') return; " +
    'const usage = process.memoryUsage(); const spaces = v8.getHeapSpaceStatistics(); gc(); ' +
    'setTimeout(() => { gc(); process.send({ usage, spaces, live: process.memoryUsage() }); }, 300); });',
)}`;

/** One reading of the server's memory, in MB. */
interface Reading {
  rss: number;
  peak: number;
  heapCommitted: number;
  heapUsed: number;
  /** The heap still reachable after a full collection. */
  heapLive: number;
  /** Array buffers still reachable after a full collection. */
  liveArrayBuffers: number;
  youngCommitted: number;
  external: number;
  arrayBuffers: number;
  /** Anonymous resident memory outside the V8 heap and array buffers: native allocations. */
  native: number;
  /** Resident pages of mapped files (the node binary, shared libraries). */
  files: number;
}

async function read(server: ChildProcess): Promise<Reading> {
  const answer = new Promise<{
    usage: NodeJS.MemoryUsage;
    spaces: { space_name: string; space_size: number }[];
    live: NodeJS.MemoryUsage;
  }>((resolve) => server.once('message', resolve as (m: unknown) => void));
  server.send('memory');
  const { usage, spaces, live } = await answer;
  const status = await readFile(`/proc/${server.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
  const mb = (bytes: number) => bytes / 1048576;
  const young = spaces.find((s) => s.space_name === 'new_space')?.space_size ?? 0;
  return {
    rss: kb('VmRSS') / 1024,
    peak: kb('VmHWM') / 1024,
    heapCommitted: mb(usage.heapTotal),
    heapUsed: mb(usage.heapUsed),
    heapLive: mb(live.heapUsed),
    liveArrayBuffers: mb(live.arrayBuffers),
    youngCommitted: mb(young),
    external: mb(usage.external),
    arrayBuffers: mb(usage.arrayBuffers),
    native: kb('RssAnon') / 1024 - mb(usage.heapTotal) - mb(usage.arrayBuffers),
    files: kb('RssFile') / 1024,
  };
}

function perRequest(fromMs: number, toMs: number, requests: number): string {
  return `${((toMs - fromMs) / Math.max(1, requests)).toFixed(1)} ms a request`;
}

/** The distinct reader paths of the news day: home, sections (pages 1 and 2), articles, twins. */
function distinctPaths(day: NewsDay, count: number): string[] {
  const paths = ['/', ...day.sections.flatMap((s) => [`/${s}`, `/${s}?page=2`])];
  for (const article of day.today) paths.push(article.path);
  const withTwins = paths.flatMap((p) => [p, p === '/' ? '/lite' : `/lite${p}`]);
  return withTwins.slice(0, count);
}

/** The news-day mix of bench/newsday: home, sections, articles by Zipf popularity, twins. */
function newsDayMix(day: NewsDay, random: () => number): () => string {
  let sum = 0;
  const cumulative = day.today.map((_, rank) => (sum += 1 / (rank + 1)));
  const article = () => {
    const r = random() * sum;
    const index = cumulative.findIndex((c) => c >= r);
    return day.today[index < 0 ? day.today.length - 1 : index]!.path;
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

async function startCompiledServer(env: Record<string, string>): Promise<{
  process: ChildProcess;
  url: string;
  stop(): Promise<void>;
}> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [...nodeOptions, '--expose-gc', '--import', PROBE, 'dist/main.js', 'start'],
    {
      env: {
        ...process.env,
        ...startEnv,
        ...env,
        PORT: String(port),
        PUBLIC_URL: url,
        LOG_LEVEL: 'warn',
        CACHE_VERSION_TTL_MS: '1000',
        // Required on PostgreSQL; any will do for one instance.
        SESSION_SECRET: 'bench-memory-session-secret-long-enough-to-sign',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not serving after 90 s:\n${out}`)), 90_000);
    const collect = (chunk: Buffer) => {
      out += chunk.toString();
      if (/Griot is running/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code) => reject(new Error(`exited (${code}):\n${out}`)));
  });
  return {
    process: child,
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function benchDatabase(engine: DialectName, url?: string): Promise<[string, Reading][]> {
  const shared = await openSharedDatabase(engine, url);
  try {
    const db = shared.connect();
    const random = seeded(6);
    const day = await fillNewsDay(db, {
      dataDir: shared.env.DATA_DIR!,
      articles,
      archive: 0,
      comments,
      random,
    });
    const server = await startCompiledServer(shared.env);
    try {
      const readings: [string, Reading][] = [];
      // Let start-up's last allocations settle, as a server does before its first reader.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      readings.push(['idle after start', await read(server.process)]);
      const list = distinctPaths(day, pages);
      let cpu = await processCpuMs(server.process.pid!);
      log(`${engine}: ${list.length} distinct pages, once each…`);
      for (const path of list) {
        const res = await fetch(server.url + path, { headers: HEADERS });
        await res.arrayBuffer();
        if (res.status !== 200) log(`${path}: ${res.status}`);
      }
      readings.push([`after ${list.length} distinct pages`, await read(server.process)]);
      log(
        `${engine}: server CPU ${perRequest(cpu, await processCpuMs(server.process.pid!), list.length)}`,
      );
      // A change of the whole site's content drops every cached page: the difference is what
      // the page cache held for those pages. The server trusts its content version for
      // CACHE_VERSION_TTL_MS (1 s here), so the home page is asked for again after twice that.
      await bumpContentVersion(db);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      for (let i = 0; i < 2; i++)
        await (await fetch(server.url + '/', { headers: HEADERS })).arrayBuffer();
      readings.push(['after a site-wide change (cache dropped)', await read(server.process)]);
      log(`${engine}: ${seconds} s of the news-day mix with changes, ${connections} connections…`);
      cpu = await processCpuMs(server.process.pid!);
      const changing = startChanges(db, { day, publicUrl: server.url, random });
      const result = await loadDrawn(server.url, {
        seconds,
        connections,
        draw: newsDayMix(day, random),
        headers: HEADERS,
      });
      const changes = await changing.stop();
      log(
        `${engine}: ${result.requests} requests (${Math.round(result.rps)}/s), ` +
          `${changes.approvals} approvals, ${changes.edits} edits; server CPU ` +
          perRequest(cpu, await processCpuMs(server.process.pid!), result.requests),
      );
      readings.push(['after the news-day mix', await read(server.process)]);
      return readings;
    } finally {
      await server.stop();
    }
  } finally {
    await shared.close();
  }
}

function report(engine: DialectName, readings: [string, Reading][]): void {
  const f = (n: number) => n.toFixed(1);
  console.log(`\n${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (MB)`);
  console.log(
    '| moment | RSS | peak RSS | V8 heap committed (young gen.) | heap used (live) | external (array buffers, live) | native | mapped files |\n' +
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const [moment, r] of readings)
    console.log(
      `| ${moment} | ${f(r.rss)} | ${f(r.peak)} | ${f(r.heapCommitted)} (${f(r.youngCommitted)}) | ` +
        `${f(r.heapUsed)} (${f(r.heapLive)}) | ${f(r.external)} (${f(r.arrayBuffers)}, ${f(r.liveArrayBuffers)}) | ${f(r.native)} | ${f(r.files)} |`,
    );
  const held = (r: Reading) => r.heapLive + r.liveArrayBuffers;
  const full = readings.find(([moment]) => moment.startsWith('after') && moment.endsWith('pages'));
  const dropped = readings.find(([moment]) => moment.includes('cache dropped'));
  if (full && dropped) {
    const cache = held(full[1]) - held(dropped[1]);
    console.log(
      `page cache for ${pages} pages ≈ ${f(cache)} MB live heap and buffers ` +
        `(${Math.round((cache * 1024) / pages)} KB a page)`,
    );
  }
}

const started = performance.now();
const engines: [DialectName, string | undefined][] = [['sqlite', undefined]];
if (process.env.BENCH_DATABASE_URL) engines.push(['postgres', process.env.BENCH_DATABASE_URL]);
const results: [DialectName, [string, Reading][]][] = [];
for (const [engine, url] of engines) results.push([engine, await benchDatabase(engine, url)]);
console.log(
  `\nbench/memory — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, ` +
    `${Object.entries(startEnv)
      .map(([k, v]) => `${k}=${v} `)
      .join('')}node ${nodeOptions.map((o) => o + ' ').join('')}dist/main.js start, ` +
    `${articles} articles with ${comments} comments, ${seconds} s of the mix at ${connections} connections`,
);
for (const [engine, readings] of results) report(engine, readings);
console.log(
  '\nnative: anonymous resident memory outside the V8 heap and array buffers (SQLite, zlib, ' +
    'libvips once an image was processed, thread stacks); mapped files: the node binary and ' +
    'shared libraries, shared with other processes.',
);
log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
