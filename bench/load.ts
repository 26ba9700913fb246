// Load generation for the benchmarks: wrk when installed (a C client that will not be the
// bottleneck), else autocannon. Loopback targets only; every run is bounded in time.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
  {
    seconds,
    connections,
    headers = {},
  }: { seconds: number; connections: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url))
    throw new Error(`not a loopback URL: ${url}`);
  if ((await loadGenerator()) === 'wrk') {
    const headerArgs = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
    const { stdout } = await run(
      'wrk',
      [
        '-t1',
        `-c${connections}`,
        `-d${Math.max(1, Math.round(seconds))}s`,
        '--latency',
        ...headerArgs,
        url,
      ],
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
  const result = await autocannon({ url, connections, duration: seconds, headers });
  if (result.non2xx || result.errors)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99Ms: result.latency.p99 };
}

/**
 * One request of a varied load. In `path`, header values and `body`, `{n}` becomes the request's
 * sequence number and `{ip}` a distinct IPv4 address derived from it (10.x.y.z), so every
 * request can come from another client and carry other text.
 */
export interface RequestTemplate {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface VariedLoadResult extends LoadResult {
  p50Ms: number;
  /** Completed responses, and how many of each status code. */
  requests: number;
  statuses: Record<string, number>;
  /** Socket errors and timeouts. */
  errors: number;
}

const ipOf = (n: number) =>
  `10.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
const fillTemplate = (s: string, n: number) =>
  s.replaceAll('{n}', String(n)).replaceAll('{ip}', ipOf(n));

// A Lua string literal for any text: printable ASCII as is, every other byte as a \ddd escape.
function luaString(s: string): string {
  let out = '"';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    out +=
      byte >= 32 && byte < 127 && c !== '"' && c !== '\\'
        ? c
        : `\\${String(byte).padStart(3, '0')}`;
  }
  return out + '"';
}

function wrkScript(template: RequestTemplate, first: number): string {
  const headers = Object.entries(template.headers ?? {})
    .map(([k, v]) => `[${luaString(k)}] = ${luaString(v)}`)
    .join(', ');
  return `
local method, path, body = ${luaString(template.method ?? 'GET')}, ${luaString(template.path)}, ${
    template.body === undefined ? 'nil' : luaString(template.body)
  }
local headers = { ${headers} }
local n = ${first - 1}
statuses = {}
local threads = {}
local function ip(k)
  return "10." .. (math.floor(k / 65536) % 256) .. "." .. (math.floor(k / 256) % 256) .. "." .. (k % 256)
end
local function fill(s, k)
  s = s:gsub("{n}", tostring(k))
  return (s:gsub("{ip}", ip(k)))
end
function setup(thread) table.insert(threads, thread) end
function request()
  n = n + 1
  local h = {}
  for k, v in pairs(headers) do h[k] = fill(v, n) end
  return wrk.format(method, fill(path, n), h, body and fill(body, n) or nil)
end
function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency)
  local e = summary.errors
  io.write(string.format("GRIOT %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.timeout))
  for _, t in ipairs(threads) do
    for code, count in pairs(t:get("statuses")) do io.write(string.format("GRIOT_STATUS %d %d\\n", code, count)) end
  end
end
`;
}

/**
 * Sends requests built from a template to a loopback origin for `seconds` (request numbers start
 * at `first`) and reports requests/s, p50 and p99 latency and the status codes seen. Unlike
 * load(), it does not judge the statuses: the caller does. With wrk, one thread runs a Lua script.
 */
export async function loadVaried(
  origin: string,
  template: RequestTemplate,
  { seconds, connections, first = 1 }: { seconds: number; connections: number; first?: number },
): Promise<VariedLoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin))
    throw new Error(`not a loopback origin: ${origin}`);
  if ((await loadGenerator()) === 'wrk') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'griot-wrk-'));
    try {
      const script = path.join(dir, 'requests.lua');
      await writeFile(script, wrkScript(template, first));
      const { stdout } = await run(
        'wrk',
        [
          '-t1',
          `-c${connections}`,
          `-d${Math.max(1, Math.round(seconds))}s`,
          '--timeout',
          '10s',
          '-s',
          script,
          `${origin}/`,
        ],
        { timeout: (seconds + 30) * 1000 },
      );
      const m = /^GRIOT (\d+) (\d+) (\d+) (\d+) (\d+)$/m.exec(stdout);
      if (!m) throw new Error(`cannot read wrk output:\n${stdout}`);
      const [requests, durationUs, p50Us, p99Us, errors] = m.slice(1).map(Number) as [
        number,
        number,
        number,
        number,
        number,
      ];
      const statuses: Record<string, number> = {};
      for (const [, code, count] of stdout.matchAll(/^GRIOT_STATUS (\d+) (\d+)$/gm))
        statuses[code!] = Number(count);
      return {
        rps: requests / (durationUs / 1e6),
        p50Ms: p50Us / 1000,
        p99Ms: p99Us / 1000,
        requests,
        statuses,
        errors,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  let n = first - 1;
  const result = await autocannon({
    url: origin,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          n++;
          return {
            ...request,
            method: template.method ?? 'GET',
            path: fillTemplate(template.path, n),
            headers: Object.fromEntries(
              Object.entries(template.headers ?? {}).map(([k, v]) => [k, fillTemplate(v, n)]),
            ),
            ...(template.body === undefined ? {} : { body: fillTemplate(template.body, n) }),
          };
        },
      },
    ],
  });
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    statuses[code] = stat.count ?? 0;
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    statuses,
    errors: result.errors + result.timeouts,
  };
}

/** Options of loadDrawn(). */
export interface DrawnLoadOptions {
  seconds: number;
  connections: number;
  /** The path of the next request (a new draw for every request). */
  draw: () => string;
  headers?: Record<string, string>;
  /** Stop after this many requests, if sooner than `seconds`. */
  maxRequests?: number;
  /**
   * The bodies already served per path (a fingerprint of each), shared by the loads of one
   * target measured in several rounds; a new map per load by default.
   */
  seen?: Map<string, Set<string>>;
}

export interface DrawnLoadResult extends VariedLoadResult {
  /**
   * Responses whose exact bytes had not been served before for that path in this load (or in
   * the earlier loads that shared `seen`): the
   * server rendered or (re)compressed each of them. The others were served from what it kept.
   */
  fresh: number;
}

/**
 * Sends GET requests to a loopback origin, each to a path drawn anew, with autocannon (whose
 * per-request hooks let every request go elsewhere and every response be told apart), and
 * reports requests/s, p50 and p99 latency, the statuses and how many bodies were new.
 */
export async function loadDrawn(
  origin: string,
  { seconds, connections, draw, headers = {}, maxRequests, seen = new Map() }: DrawnLoadOptions,
): Promise<DrawnLoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin))
    throw new Error(`not a loopback origin: ${origin}`);
  let fresh = 0;
  let firstAt: number | undefined;
  let lastAt: number | undefined;
  const options: autocannon.Options = {
    url: origin,
    connections,
    // A number of requests, when given, is exact (stopping the instance from a hook let a
    // second's worth more through); else a duration.
    ...(maxRequests !== undefined ? { amount: maxRequests } : { duration: seconds }),
    headers,
    requests: [
      {
        setupRequest: (request, context: { path?: string }) => {
          firstAt ??= performance.now();
          context.path = draw();
          return { ...request, method: 'GET', path: context.path };
        },
        onResponse: (_status, body, context: { path?: string }) => {
          lastAt = performance.now();
          const bodies = seen.get(context.path!) ?? new Set<string>();
          seen.set(context.path!, bodies);
          const print = createHash('sha1').update(body).digest('base64');
          if (!bodies.has(print)) {
            bodies.add(print);
            fresh++;
          }
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(options, (err, res) => (err ? reject(err as Error) : resolve(res)));
  });
  // From the first request sent to the last response: autocannon's own duration is in whole
  // seconds and ends on its next tick (2,000 requests in 5.2 s would read 333/s).
  const elapsed = ((lastAt ?? 0) - (firstAt ?? 0)) / 1000 || result.duration;
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    statuses[code] = stat.count ?? 0;
  return {
    rps: result.requests.total / elapsed,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    statuses,
    errors: result.errors + result.timeouts,
    fresh,
  };
}
