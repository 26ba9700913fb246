// Benchmark: requests/s and p99 latency of the home and an article page served by Griot on
// SQLite with the demo content, next to a bare node:http server returning the same article
// HTML from memory, measured in the same run, in alternating rounds; and the article page with
// its ads picked and counted for a reader next to the same article « sans publicité ».
//   npm run bench:pages [-- --duration 15 --connections 32]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bumpContentVersion } from '../src/cache/content-version.queries.ts';
import { connect } from '../src/db/connect.ts';
import { freePort } from '../test/helpers/net.ts';
import { load, loadGenerator, type LoadResult } from './load.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '32' },
  },
});
const duration = Math.min(120, Number(values.duration));
const connections = Math.min(256, Number(values.connections));
const rounds = 3;

function startProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`not ready after 120 s:\n${out}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 13; Tecno) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';

/** Copies an article as « sans publicité » under another slug; returns its path. */
async function addNoAdsCopy(dir: string, href: string): Promise<string> {
  const { db } = connect({ dataDir: dir });
  try {
    const slug = href.split('/').pop()!;
    const { id: _id, ...row } = await db
      .selectFrom('articles')
      .selectAll()
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('articles')
      .values({ ...row, slug: `${slug}-sans-pub`, no_ads: 1 })
      .execute();
    await bumpContentVersion(db);
    return `${href}-sans-pub`;
  } finally {
    await db.destroy();
  }
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-bench-'));
const children: ChildProcess[] = [];
try {
  const appPort = await freePort();
  process.stderr.write('Starting Griot on SQLite with the demo content…\n');
  children.push(
    await startProcess(
      ['src/main.ts', 'start', '--demo'],
      { DATA_DIR: dataDir, PORT: String(appPort), LOG_LEVEL: 'warn', DATABASE_URL: '' },
      /Griot is running/,
    ),
  );
  const app = `http://127.0.0.1:${appPort}`;
  const home = await (await fetch(app)).text();
  const articleHref = /<h2 class="story-title"><a href="([^"]+)"/.exec(home)?.[1];
  if (!articleHref) throw new Error('no lead article link on the home page');
  const articleHtml = await (await fetch(app + articleHref)).text();
  const htmlFile = path.join(dataDir, 'article.html');
  await writeFile(htmlFile, articleHtml);

  const barePort = await freePort();
  children.push(
    await startProcess(['bench/bare-server.ts', String(barePort), htmlFile], {}, /ready/),
  );

  // The same article marked « sans publicité », for ads on vs off in the same run.
  const noAdsHref = await addNoAdsCopy(dataDir, articleHref);

  const targets: Record<string, string> = {
    'bare node:http (article HTML from memory)': `http://127.0.0.1:${barePort}/`,
    'Griot home page': `${app}/`,
    'Griot article page': app + articleHref,
    'Griot article page, ads counted (phone UA)': app + articleHref,
    'Griot article page, no ads': app + noAdsHref,
  };
  // wrk sends no User-Agent, which delivery takes for a robot (served, not counted); this
  // target is a reader's phone, so every view is counted as well.
  const headersOf = (name: string): Record<string, string> =>
    name.includes('phone UA') ? { 'user-agent': PHONE_UA } : {};
  const generator = await loadGenerator();
  process.stderr.write(
    `Warming up, then ${duration} s per target in ${rounds} alternating rounds, ${connections} connections, with ${generator}…\n`,
  );
  for (const [name, url] of Object.entries(targets))
    await load(url, { seconds: 2, connections, headers: headersOf(name) });
  const samples: Record<string, LoadResult[]> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, url] of Object.entries(targets)) {
      (samples[name] ??= []).push(
        await load(url, { seconds: duration / rounds, connections, headers: headersOf(name) }),
      );
    }
  }

  console.log(
    `\nbench/pages — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, ${generator}`,
  );
  console.log(`article: ${articleHref} (${Buffer.byteLength(articleHtml)} bytes of HTML)\n`);
  console.log(
    'target'.padEnd(44) + 'req/s'.padStart(10) + 'p99 ms'.padStart(10) + 'vs bare'.padStart(10),
  );
  const mean = (list: LoadResult[]) => list.reduce((sum, r) => sum + r.rps, 0) / list.length;
  const baseline = mean(samples['bare node:http (article HTML from memory)']!);
  for (const [name, list] of Object.entries(samples)) {
    const rps = mean(list);
    const p99 = Math.max(...list.map((r) => r.p99Ms));
    console.log(
      name.padEnd(44) +
        rps.toFixed(0).padStart(10) +
        p99.toFixed(2).padStart(10) +
        `${((rps / baseline) * 100).toFixed(0)} %`.padStart(10),
    );
  }
  const ratio = mean(samples['Griot article page']!) / baseline;
  console.log(`\narticle page / bare server: ${(ratio * 100).toFixed(1)} % (target ≥ 50 %)`);
  const adsOn = mean(samples['Griot article page, ads counted (phone UA)']!);
  const adsOff = mean(samples['Griot article page, no ads']!);
  console.log(
    `article page with ads (picked and counted) / without: ${((adsOn / adsOff) * 100).toFixed(1)} %`,
  );
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await rm(dataDir, { recursive: true, force: true });
}
