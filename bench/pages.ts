// Benchmark: requests/s and p99 latency of the home and an article page served by Griot on
// SQLite with the demo content, next to a bare node:http server returning the same article
// HTML from memory, measured in the same run. Loopback only; every run is bounded in time.
//   npm run bench:pages [-- --duration 10 --connections 20]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
  },
});
const duration = Math.min(60, Number(values.duration));
const connections = Math.min(200, Number(values.connections));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

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

async function load(url: string, seconds: number) {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  if (result.non2xx || result.errors)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    bytes: result.throughput.average,
  };
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-bench-'));
const children: ChildProcess[] = [];
try {
  const appPort = await freePort();
  process.stderr.write('Starting Griot on SQLite with the demo content…\n');
  children.push(
    await startProcess(
      ['src/main.ts', 'start'],
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
  const bare = `http://127.0.0.1:${barePort}/`;

  process.stderr.write(
    `Warming up, then ${duration} s per target with ${connections} connections…\n`,
  );
  for (const url of [app + '/', app + articleHref, bare]) await load(url, 2);
  const results = {
    'bare node:http (article HTML from memory)': await load(bare, duration),
    'Griot home page': await load(app + '/', duration),
    'Griot article page': await load(app + articleHref, duration),
  };

  console.log(
    `\nbench/pages — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores`,
  );
  console.log(`article: ${articleHref} (${Buffer.byteLength(articleHtml)} bytes of HTML)\n`);
  console.log(
    'target'.padEnd(44) + 'req/s'.padStart(10) + 'p99 ms'.padStart(10) + 'vs bare'.padStart(10),
  );
  const baseline = results['bare node:http (article HTML from memory)'].rps;
  for (const [name, r] of Object.entries(results)) {
    const ratio = `${((r.rps / baseline) * 100).toFixed(0)} %`;
    console.log(
      name.padEnd(44) +
        r.rps.toFixed(0).padStart(10) +
        String(r.p99).padStart(10) +
        ratio.padStart(10),
    );
  }
  const articleRatio = results['Griot article page'].rps / baseline;
  console.log(`\narticle page / bare server: ${(articleRatio * 100).toFixed(1)} % (target ≥ 50 %)`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await rm(dataDir, { recursive: true, force: true });
}
