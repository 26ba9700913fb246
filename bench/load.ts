// Load generation for the benchmarks: wrk when installed (a C client that will not be the
// bottleneck), else autocannon. Loopback targets only; every run is bounded in time.
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

const run = promisify(execFile);

export interface LoadResult {
  rps: number;
  p99Ms: number;
}

let wrkAvailable: boolean | undefined;

/** The name of the load generator in use, for the report. */
export async function loadGenerator(): Promise<'wrk' | 'autocannon'> {
  wrkAvailable ??= await run('wrk', ['--version']).then(
    () => true,
    (err: { stdout?: string; code?: unknown }) =>
      err.code !== 'ENOENT' && /wrk/.test(err.stdout ?? ''),
  );
  return wrkAvailable ? 'wrk' : 'autocannon';
}

/** Sends requests to a loopback URL for `seconds` and reports requests/s and p99 latency. */
export async function load(
  url: string,
  { seconds, connections }: { seconds: number; connections: number },
): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url))
    throw new Error(`not a loopback URL: ${url}`);
  if ((await loadGenerator()) === 'wrk') {
    const { stdout } = await run(
      'wrk',
      ['-t1', `-c${connections}`, `-d${Math.max(1, Math.round(seconds))}s`, '--latency', url],
      {
        timeout: (seconds + 30) * 1000,
      },
    );
    if (/Non-2xx or 3xx responses/.test(stdout))
      throw new Error(`${url}: non-2xx responses\n${stdout}`);
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
    const [, value, unit] = /\s99%\s+([\d.]+)(us|ms|s)/.exec(stdout) ?? [];
    const p99Ms = Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
    if (!rps || Number.isNaN(p99Ms)) throw new Error(`cannot read wrk output:\n${stdout}`);
    return { rps, p99Ms };
  }
  const result = await autocannon({ url, connections, duration: seconds });
  if (result.non2xx || result.errors)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99Ms: result.latency.p99 };
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
