// Benchmark: Griot serving a news day (issue 12). The real server (`griot start`, a child
// process) over the demo publication plus 500 articles of the day with 20 approved comments
// each and an archive of older ones, on SQLite and, when BENCH_DATABASE_URL is set, PostgreSQL
// (a schema of its own, dropped at the end). Requests as a phone browser sends them
// (`Accept-Encoding: br, gzip, deflate`, a phone user agent), each to a path drawn from a seeded
// generator: the home page, section pages 1 and 2, articles by a Zipf-like popularity (s = 1,
// newest first) and ~15 % of light-edition twins. Every page is warmed first, and each Griot
// target starts once the server has gone quiet (its background brotli upgrades done, as on a
// site warm by mid-morning). Measured in one run, per database: that mix
// with a comment approved every 2 s and an article edited every 30 s, the same mix with no
// change, the single hot page, cache misses (archive articles, each requested once: half with
// no compression, the render alone, half brotli as browsers ask) and a bare
// node:http server sending from memory the hot page's brotli bytes, and the mix's (the load
// generator's own ceiling on each), and the hot page again with Griot's own response headers
// (what Node itself costs to send that exact response). Prints, never asserts.
//   npm run bench:newsday [-- --duration 15 --rounds 3 --connections 10 --articles 500 --archive 2000]
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DialectName } from '../src/db/connect.ts';
import { openSharedDatabase, spawnTsx, startServer } from '../test/helpers/child-process.ts';
import { freePort, httpRequest } from '../test/helpers/net.ts';
import { processCpuMs } from '../test/helpers/proc-stat.ts';
import { seeded } from '../test/helpers/random.ts';
import { loadDrawn, type DrawnLoadResult } from './load.ts';
import { hasWrk, loadWrk } from './wrk.ts';
import { startChanges, type ChangeCount } from './newsday-changes.ts';
import { fillNewsDay, type NewsDay } from './newsday-content.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '10' },
    articles: { type: 'string', default: '500' },
    archive: { type: 'string', default: '2000' },
    comments: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '3' },
  },
});
const seconds = Math.min(120, Math.max(2, Number(values.duration)));
const connections = Math.min(256, Math.max(1, Number(values.connections)));
const articles = Math.min(5000, Math.max(50, Number(values.articles)));
const archive = Math.min(50_000, Math.max(100, Number(values.archive)));
const comments = Math.min(200, Math.max(0, Number(values.comments)));
const rounds = Math.min(20, Math.max(1, Number(values.rounds)));

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

type Measured = DrawnLoadResult & {
  byRound?: number[];
  /** The CPU the serving process used per request, all its threads (µs). */
  cpuUsPerRequest?: number;
};

/** One target's rounds as one load: its requests over its time, the middle p50, the worst p99. */
function combined(loads: DrawnLoadResult[]): Measured {
  const sum = (f: (l: DrawnLoadResult) => number) => loads.reduce((n, l) => n + f(l), 0);
  const elapsed = sum((l) => (l.rps ? l.requests / l.rps : 0));
  const statuses: Record<string, number> = {};
  for (const l of loads)
    for (const [code, n] of Object.entries(l.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  const p50s = loads.map((l) => l.p50Ms).sort((a, b) => a - b);
  return {
    rps: elapsed ? sum((l) => l.requests) / elapsed : 0,
    p50Ms: p50s[Math.floor(p50s.length / 2)] ?? 0,
    p99Ms: Math.max(...loads.map((l) => l.p99Ms)),
    requests: sum((l) => l.requests),
    statuses,
    errors: sum((l) => l.errors),
    fresh: sum((l) => l.fresh),
    byRound: loads.map((l) => l.rps),
  };
}

/**
 * Waits until the server has gone quiet (under 5 % of a core over a second): the work a load
 * leaves behind (the best-quality brotli of the pages asked for twice, done at the lowest
 * priority) is finished, and the next target is measured on the steady state. Returns the
 * seconds waited.
 */
async function untilQuiet(pid: number, maxSeconds = 300): Promise<number> {
  const started = performance.now();
  let before = await processCpuMs(pid);
  while (performance.now() - started < maxSeconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await processCpuMs(pid);
    if (now - before < 50) break;
    before = now;
  }
  return (performance.now() - started) / 1000;
}

/** The bytes the server sends for a path, brotli as a browser asks. */
function fetchRaw(url: string): Promise<Buffer> {
  return fetchWithHeaders(url).then(({ body }) => body);
}

// The page's brotli bytes and its response headers, as the server sent them (name, value…).
async function fetchWithHeaders(url: string): Promise<{ body: Buffer; headers: string[] }> {
  const res = await httpRequest(url, { headers: HEADERS });
  if (res.headers['content-encoding'] !== 'br')
    throw new Error(`${url}: ${res.status}, not brotli`);
  return {
    body: res.body,
    headers: Object.entries(res.headers).flatMap(([n, v]) => [n, String(v)]),
  };
}

interface Figures {
  engine: DialectName;
  results: [string, Measured][];
  changes: ChangeCount;
  memory: { idle: number; afterNewsDay: number; end: number; peak: number };
  /** Seconds waited for the server to go quiet: after the warm-up, each round, before the misses. */
  waits: number[];
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
    const hotPage = await fetchWithHeaders(server.url + hot);
    await writeFile(file, hotPage.body);
    const barePort = await freePort();
    const bare = spawnTsx('bench/bare-server.ts', [String(barePort), file, 'br'], {});
    stops.push(() => bare.kill9());
    await bare.waitFor(/ready/, 30_000);
    // The same bare server sending the hot page with Griot's own response headers (its security
    // headers, ETag, CDN and key headers…): what Node itself costs to send Griot's exact response.
    const headersFile = path.join(dir, 'hot.headers.json');
    await writeFile(headersFile, JSON.stringify(hotPage.headers));
    const sameHeadersPort = await freePort();
    const sameHeaders = spawnTsx(
      'bench/bare-server.ts',
      [String(sameHeadersPort), file, 'br', headersFile],
      {},
    );
    stops.push(() => sameHeaders.kill9());
    await sameHeaders.waitFor(/ready/, 30_000);

    const run = (
      origin: string,
      draw: () => string,
      options: { maxRequests?: number; headers?: Record<string, string> } = {},
    ) => loadDrawn(origin, { seconds, connections, draw, headers: HEADERS, ...options });
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
    // The load generator's own ceiling on the mix: a bare server sending every page of it (the
    // bytes Griot sent, brotli) from memory, each to its path.
    const mixDir = path.join(dir, 'mix');
    await mkdir(mixDir);
    for (const page of everyPage)
      await writeFile(
        path.join(mixDir, encodeURIComponent(page)),
        await fetchRaw(server.url + page),
      );
    const mixPort = await freePort();
    const bareMix = spawnTsx('bench/bare-server.ts', [String(mixPort), mixDir, 'br'], {});
    stops.push(() => bareMix.kill9());
    await bareMix.waitFor(/ready/, 30_000);
    // Every page warm means compressed at its best too: the measures start on a quiet server.
    const waits: number[] = [];
    const quiet = async () => {
      waits.push(await untilQuiet(pid));
      log(`${engine}: the server went quiet after ${waits.at(-1)!.toFixed(0)} s`);
    };
    await quiet();
    // The targets take turns, in rounds of a few seconds each: on a shared machine a 15 s
    // window can run 30 % faster or slower than the next, and turns spread that drift over
    // all of them instead of tilting the ratios. The changes are on only during their target's
    // turns; what they leave to do in the background is waited for after each round (and shown).
    const changing = startChanges(db, { day, publicUrl: server.url, random });
    changing.pause();
    // [name, origin, paths, with changes, the serving process]
    const targets: [string, string, () => string, boolean, number][] = [
      [
        'bare node:http (hot page, br, from memory)',
        `http://127.0.0.1:${barePort}`,
        () => '/',
        false,
        bare.process.pid!,
      ],
      [
        "bare node:http (hot page, br, from memory, Griot's headers)",
        `http://127.0.0.1:${sameHeadersPort}`,
        () => '/',
        false,
        sameHeaders.process.pid!,
      ],
      [
        'bare node:http (the news-day pages, br, from memory)',
        `http://127.0.0.1:${mixPort}`,
        mix,
        false,
        bareMix.process.pid!,
      ],
      ['single hot page (article, br)', server.url, () => hot, false, pid],
      ['news day, no changes', server.url, mix, false, pid],
      ['news day, approval/2 s + edit/30 s', server.url, mix, true, pid],
    ];
    // Each target measured with autocannon (which tells new bodies from kept ones: the hit
    // rate) and, when installed, with wrk (in C, the issue's client: it costs the shared cores
    // far less per response, so the server, not the client, sets the pace).
    const clients = withWrk ? (['autocannon', 'wrk'] as const) : (['autocannon'] as const);
    const byTarget = clients.flatMap((client) =>
      targets.map(([name, origin, draw, changes, servedBy]) => ({
        name: client === 'wrk' ? `${name} · wrk` : name,
        client,
        origin,
        draw,
        changes,
        servedBy,
        cpuMs: 0,
        // wrk takes its paths in turn from a list drawn beforehand.
        paths: client === 'wrk' ? Array.from({ length: 20_000 }, draw) : [],
        loads: [] as DrawnLoadResult[],
        seen: new Map<string, Set<string>>(),
      })),
    );
    for (let round = 0; round < rounds; round++) {
      for (const t of byTarget) {
        if (t.changes) changing.resume();
        const options = { seconds: seconds / rounds, connections, headers: HEADERS };
        const cpuMs = await processCpuMs(t.servedBy);
        t.loads.push(
          t.client === 'wrk'
            ? await loadWrk(t.origin, { ...options, paths: t.paths })
            : await loadDrawn(t.origin, { ...options, draw: t.draw, seen: t.seen }),
        );
        t.cpuMs += (await processCpuMs(t.servedBy)) - cpuMs;
        if (t.changes) changing.pause();
      }
      await quiet();
    }
    const changes = await changing.stop();
    const results: [string, Measured][] = byTarget.map((t) => {
      const all = combined(t.loads);
      return [t.name, { ...all, cpuUsPerRequest: (t.cpuMs * 1000) / all.requests }];
    });
    const afterNewsDay = (await memoryOf(pid)).rss;
    // (What the changes left to upgrade is not the misses' work.)
    await quiet();
    // Half the archive rendered only (the issue's « render » figure, as its baseline was
    // measured), the other half as browsers ask: rendered, then compressed fast.
    const half = Math.floor(day.archive.length / 2);
    let next = 0;
    results.push([
      'cache misses, render only (archive articles, once each, no compression)',
      await run(server.url, () => day.archive[next++ % half]!.path, {
        maxRequests: half,
        headers: { ...HEADERS, 'accept-encoding': 'identity' },
      }),
    ]);
    await quiet();
    results.push([
      'cache misses (archive articles, once each, br)',
      await run(server.url, () => day.archive[half + (next++ % half)]!.path, {
        maxRequests: half,
      }),
    ]);
    const end = await memoryOf(pid);
    return {
      engine,
      results,
      changes,
      memory: { idle, afterNewsDay, end: end.rss, peak: end.peak },
      waits,
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
    '| target | req/s | p50 ms | p99 ms | hit rate | non-2xx | server CPU µs/req |\n' +
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const [name, r] of f.results) {
    const non2xx = Object.entries(r.statuses)
      .filter(([code]) => !code.startsWith('2'))
      .reduce((s, [, n]) => s + n, 0);
    const hit = Number.isNaN(r.fresh)
      ? 'n/a'
      : `${fmt(r.requests ? (1 - r.fresh / r.requests) * 100 : 0, 1)} %`;
    const cpu = r.cpuUsPerRequest === undefined ? 'n/a' : fmt(r.cpuUsPerRequest, 1);
    console.log(
      `| ${name} | ${fmt(r.rps)} | ${fmt(r.p50Ms, 1)} | ${fmt(r.p99Ms, 1)} | ${hit} | ${non2xx + r.errors} | ${cpu} |`,
    );
  }
  const rps = (name: string) => f.results.find(([n]) => n.startsWith(name))![1];
  const misses = rps('cache misses (');
  const rendered = rps('cache misses, render only');
  console.log(
    `\nreq/s by round (${rounds} rounds of ${fmt(seconds / rounds, 1)} s per target, taking turns): ` +
      f.results
        .filter(([, r]) => r.byRound)
        .map(
          ([name, r]) =>
            `${name.replace(/ \(.*/, '')} ${r.byRound!.map((n) => fmt(n)).join(' / ')}`,
        )
        .join('; '),
  );
  console.log(
    `changes made during the news day: ${f.changes.approvals} approvals, ${f.changes.edits} edits` +
      (f.changes.failures ? ` (${f.changes.failures} failed)` : ''),
  );
  console.log(
    `waited for the server to go quiet: ${f.waits.map((w) => `${fmt(w)} s`).join(', ')} ` +
      '(after the warm-up, after each round, before each target of misses)',
  );
  console.log(
    `server RSS: ${fmt(f.memory.idle)} MB idle, ${fmt(f.memory.afterNewsDay)} MB after the news day, ` +
      `${fmt(f.memory.end)} MB at the end (peak ${fmt(f.memory.peak)} MB)`,
  );
  for (const client of f.results.some(([n]) => n.endsWith(' · wrk'))
    ? ['autocannon', 'wrk']
    : ['autocannon']) {
    const of = (name: string) =>
      f.results.find(
        ([n]) => n.startsWith(name) && n.endsWith(' · wrk') === (client === 'wrk'),
      )![1];
    const bareRun = of('bare node:http (hot page, br, from memory)');
    const bare = bareRun.rps;
    const bareSame = of("bare node:http (hot page, br, from memory, Griot's").rps;
    const bareMix = of('bare node:http (the news-day').rps;
    const hotRun = of('single hot');
    const hot = hotRun.rps;
    const day = of('news day, approval');
    const still = of('news day, no');
    console.log(`with ${client}:`);
    console.log(
      `  news day ÷ single hot page: ${fmt(day.rps / hot, 2)} (no changes: ${fmt(still.rps / hot, 2)}) — goal ≥ 0.8`,
    );
    console.log(
      `  single hot page ÷ bare server: ${fmt(hot / bare, 2)} — goal ≥ 0.6 ` +
        `(÷ the bare server sending Griot's headers: ${fmt(hot / bareSame, 2)}); ` +
        `by CPU per request, the bare server's ÷ the hot page's: ` +
        `${fmt(bareRun.cpuUsPerRequest! / hotRun.cpuUsPerRequest!, 2)}`,
    );
    console.log(
      `  news day ÷ bare server on the news-day pages: ${fmt(day.rps / bareMix, 2)} ` +
        `(no changes: ${fmt(still.rps / bareMix, 2)}); the client's ceiling on the mix ` +
        `is ${fmt(bareMix / bare, 2)} of its ceiling on the hot page`,
    );
    console.log(
      `  news-day p99 at ${connections} connections: ${fmt(day.p99Ms, 1)} ms — goal ≤ 20 ms`,
    );
  }
  console.log(
    `cache misses, render only: ${fmt(rendered.rps)}/s, p99 ${fmt(rendered.p99Ms, 1)} ms — goal ≥ 400/s ` +
      `(as browsers ask, compressed: ${fmt(misses.rps)}/s, p99 ${fmt(misses.p99Ms, 1)} ms)`,
  );
}

const started = performance.now();
const engines: [DialectName, string | undefined][] = [['sqlite', undefined]];
if (process.env.BENCH_DATABASE_URL) engines.push(['postgres', process.env.BENCH_DATABASE_URL]);
const withWrk = await hasWrk();
if (!withWrk) log('wrk is not installed (apt install wrk): autocannon only');
const figures: Figures[] = [];
for (const [engine, url] of engines) figures.push(await benchDatabase(engine, url));
console.log(
  `\nbench/newsday — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, ${withWrk ? 'autocannon and wrk' : 'autocannon'}, ` +
    `${articles} articles of the day with ${comments} comments, ${archive} in the archive, ${seconds} s per target, ${connections} connections`,
);
for (const f of figures) report(f);
console.log(
  '\nhit rate: the share of responses whose exact bytes had already been served for that path in ' +
    'the same target; a new body is one the server rendered or compressed again (wrk does not ' +
    'read the bodies: n/a). The misses are measured with autocannon, which sends exactly one ' +
    'request per archive article. Server CPU per request: the CPU time the serving process (all ' +
    'its threads) used during the target, divided by its requests; req/s also depend on how ' +
    'the client and the server share the two cores, this less so.',
);
log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
