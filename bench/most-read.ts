// Benchmark: what counting article views costs. The same cached article page, asked by a
// reader's phone (each view counted in memory, written every 5 s) and by the same phone as a
// prefetch (served the same way, « Les plus lus » filled the same way, not counted), in
// alternating rounds of one run; then the views written, once the server has shut down
// gracefully, against the reader requests sent.
//   npx tsx bench/most-read.ts [-- --duration 18 --connections 16]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createArticleViews } from '../src/articles/article-views.ts';
import type { PageCache } from '../src/cache/page-cache.ts';
import { systemClock } from '../src/clock.ts';
import { connect } from '../src/db/connect.ts';
import type { Db } from '../src/db/database.ts';
import { freePort } from '../test/helpers/net.ts';
import { load, loadGenerator, type LoadResult } from './load.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '18' },
    connections: { type: 'string', default: '16' },
  },
});
const duration = Math.min(120, Number(values.duration));
const connections = Math.min(256, Number(values.connections));
const rounds = 3;

const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 13; Tecno) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';

function start(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start', '--demo'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`not ready after 120 s:\n${out}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/Griot is running/.test(out)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

// The counting itself, in this process and on a quiet core: robot check and one map update.
function countingCost(): number {
  const views = createArticleViews({
    db: undefined as unknown as Db,
    cache: undefined as unknown as PageCache,
    clock: systemClock,
  });
  const viewer = { method: 'GET', headers: { 'user-agent': PHONE_UA }, cookies: {} };
  const runs = 200_000;
  for (let i = 0; i < 20_000; i++) views.count(i % 50, viewer);
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) views.count(i % 50, viewer);
  return Number(process.hrtime.bigint() - start) / runs / 1000;
}
const perViewUs = countingCost();

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-bench-'));
let child: ChildProcess | undefined;
try {
  const port = await freePort();
  process.stderr.write('Starting Griot on SQLite with the demo content…\n');
  child = await start({
    DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
  });
  const app = `http://127.0.0.1:${port}`;
  const home = await (await fetch(app)).text();
  const href = /<h2 class="story-title"><a href="([^"]+)"/.exec(home)?.[1];
  if (!href) throw new Error('no lead article link on the home page');
  const { db } = connect({ dataDir });
  const articleId = (
    await db
      .selectFrom('articles')
      .select('id')
      .where('slug', '=', href.split('/').pop()!)
      .executeTakeFirstOrThrow()
  ).id;
  const viewsOf = async () =>
    Number(
      (
        await db
          .selectFrom('article_views')
          .select((eb) => eb.fn.sum<number>('views').as('n'))
          .where('article_id', '=', articleId)
          .executeTakeFirst()
      )?.n ?? 0,
    );
  const before = await viewsOf();

  const targets: Record<string, Record<string, string>> = {
    'article page, view counted (phone)': { 'user-agent': PHONE_UA },
    'article page, not counted (prefetch)': { 'user-agent': PHONE_UA, 'sec-purpose': 'prefetch' },
  };
  const generator = await loadGenerator();
  process.stderr.write(
    `Warming up, then ${duration} s per target in ${rounds} alternating rounds, ${connections} connections, with ${generator}…\n`,
  );
  for (const headers of Object.values(targets))
    await load(app + href, { seconds: 2, connections, headers });
  const warmViews = (await viewsOf()) - before;
  const samples: Record<string, LoadResult[]> = {};
  let counted = 0;
  for (let round = 0; round < rounds; round++)
    for (const [name, headers] of Object.entries(targets)) {
      const r = await load(app + href, { seconds: duration / rounds, connections, headers });
      (samples[name] ??= []).push(r);
      if (name.includes('counted (phone)')) counted += r.rps * (duration / rounds);
    }
  // A graceful stop writes the last batch.
  const exited = new Promise((r) => child!.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  child = undefined;
  const written = (await viewsOf()) - before;
  await db.destroy();

  console.log(
    `\nbench/most-read — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, ${generator}, ${connections} connections`,
  );
  console.log(`article: ${href}\n`);
  console.log('target'.padEnd(40) + 'req/s'.padStart(10) + 'p99 ms'.padStart(10));
  const mean = (list: LoadResult[]) => list.reduce((sum, r) => sum + r.rps, 0) / list.length;
  for (const [name, list] of Object.entries(samples))
    console.log(
      name.padEnd(40) +
        mean(list).toFixed(0).padStart(10) +
        Math.max(...list.map((r) => r.p99Ms))
          .toFixed(2)
          .padStart(10) +
        `   rounds: ${list.map((r) => r.rps.toFixed(0)).join(', ')}`,
    );
  const on = mean(samples['article page, view counted (phone)']!);
  const off = mean(samples['article page, not counted (prefetch)']!);
  console.log(`\ncounted / not counted: ${((on / off) * 100).toFixed(1)} % (goal ≥ 95 %)`);
  console.log(
    `counting one view in process: ${perViewUs.toFixed(2)} µs, ${((perViewUs / (1e6 / off)) * 100).toFixed(2)} % of a request at the uncounted rate`,
  );
  console.log(
    `views written after the graceful stop: ${written} (≈ ${Math.round(counted + warmViews)} reader requests sent, by the generator's average rate)`,
  );
} finally {
  child?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await rm(dataDir, { recursive: true, force: true });
}
