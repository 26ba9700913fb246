// Load with wrk (Debian's `wrk`, written in C), the client the issue's own figures were measured
// with: it costs far less per response than autocannon, which on two shared cores tops out near
// the server's speed. Paths are taken in turn from a list drawn beforehand (a Lua script per
// thread); wrk does not look at the bodies, so it reports no hit rate.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DrawnLoadResult } from './load.ts';

const run = promisify(execFile);

const SCRIPT = `
local paths = {}
local i = 0
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  -- Each thread starts somewhere else in the list.
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  i = math.random(#paths) - 1
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests":%d,"us":%d,"p50":%d,"p99":%d,"non2xx":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
`;

/** Whether wrk is installed (`apt install wrk`). */
export async function hasWrk(): Promise<boolean> {
  return run('wrk', ['--version']).then(
    () => true,
    // wrk --version prints its usage and exits with 1.
    (error: { stdout?: string; stderr?: string }) => /wrk/.test(`${error.stdout}${error.stderr}`),
  );
}

/**
 * Sends GET requests to a loopback origin for `seconds`, over `connections` connections on
 * two threads, each request to the next path of `paths`.
 */
export async function loadWrk(
  origin: string,
  {
    seconds,
    connections,
    paths,
    headers = {},
  }: { seconds: number; connections: number; paths: string[]; headers?: Record<string, string> },
): Promise<DrawnLoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin))
    throw new Error(`not a loopback origin: ${origin}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'griot-wrk-'));
  try {
    const script = path.join(dir, 'paths.lua');
    const list = path.join(dir, 'paths.txt');
    await writeFile(script, SCRIPT);
    await writeFile(list, paths.join('\n') + '\n');
    const args = ['-t', '2', '-c', String(connections), '-d', `${seconds}s`, '-s', script];
    for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
    const { stdout } = await run('wrk', [...args, origin, '--', list], {
      maxBuffer: 1024 * 1024,
    });
    const line = /^WRK (\{.*\})$/m.exec(stdout)?.[1];
    if (!line) throw new Error(`wrk printed no summary:\n${stdout}`);
    const r = JSON.parse(line) as Record<string, number>;
    const requests = r.requests!;
    return {
      rps: requests / (r.us! / 1e6),
      p50Ms: r.p50! / 1000,
      p99Ms: r.p99! / 1000,
      requests,
      statuses: { '2xx': requests - r.non2xx!, other: r.non2xx! },
      errors: r.errors!,
      fresh: Number.NaN,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
