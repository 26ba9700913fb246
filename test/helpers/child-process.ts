import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, type DialectName } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/database.ts';
import { freePort } from './net.ts';

/** A database that separate processes open through the environment, as the real server does. */
export interface SharedDatabase {
  /** DATA_DIR and DATABASE_URL for a child process. */
  env: Record<string, string>;
  /** A handle of the test's own on the same database; closed with the rest. */
  connect(): Db;
  close(): Promise<void>;
}

/**
 * A fresh database of this kind: a temp folder for SQLite, a schema of its own on PostgreSQL
 * (at `url`, by default TEST_DATABASE_URL).
 */
export async function openSharedDatabase(
  dialect: DialectName,
  url = process.env.TEST_DATABASE_URL,
): Promise<SharedDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-shared-'));
  let schema: string | undefined;
  let databaseUrl = '';
  if (dialect === 'postgres') {
    if (!url) throw new Error('no PostgreSQL URL (TEST_DATABASE_URL is not set)');
    schema = `t_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `CREATE SCHEMA ${schema}`);
    // The server reads nothing but DATABASE_URL: the schema travels in the URL's options.
    const options = encodeURIComponent(`-c search_path=${schema}`);
    databaseUrl = `${url}${url.includes('?') ? '&' : '?'}options=${options}`;
  }
  const handles: Db[] = [];
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    connect() {
      const { db } = connect({
        dataDir,
        ...(schema && url ? { databaseUrl: url, schema } : {}),
      });
      handles.push(db);
      return db;
    },
    async close() {
      for (const db of handles) await db.destroy().catch(() => {});
      if (schema && url) await adminQuery(url, `DROP SCHEMA ${schema} CASCADE`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, query: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** A child process, with what it printed so far. */
export interface Child {
  process: ChildProcess;
  /** Everything written to stdout and stderr, for diagnostics and for waiting on lines. */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string | null>;
  /** Resolves once the output matches; rejects at the deadline or if the process exits first. */
  waitFor(pattern: RegExp | ((output: string) => boolean), ms: number): Promise<void>;
  /** SIGKILL, and wait until the process is gone. */
  kill9(): Promise<void>;
}

/** Runs `node --import tsx <script> ...args` with the given environment added. */
export function spawnTsx(script: string, args: string[], env: Record<string, string>): Child {
  return spawnNode(['--import', 'tsx', script, ...args], env);
}

/**
 * How `npm start` runs the built server, read from package.json's start script
 * (`[VAR=value …] node [options] dist/main.js start [--demo]`): its environment variables and
 * node options, so tests and benches run the server exactly as a newsroom does.
 * BENCH_NODE_OPTIONS replaces the node options (to compare V8 settings in a bench).
 */
export function npmStartCommand(): { env: Record<string, string>; nodeOptions: string[] } {
  const script = (
    JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
  ).scripts.start!;
  const command = /^((?:[A-Z_]+=\S+\s+)*)node\s+(.*?)\s*dist\/main\.js start\b/.exec(script);
  if (!command) throw new Error(`Cannot read package.json's start script: ${script}`);
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  return {
    env: Object.fromEntries(
      words(command[1]!).map((pair) => pair.split('=', 2) as [string, string]),
    ),
    nodeOptions: words(process.env.BENCH_NODE_OPTIONS ?? command[2]!),
  };
}

/** Runs node with these arguments as a child process, its output collected. */
export function spawnNode(nodeArgs: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, nodeArgs, {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    out += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => {
      resolve(code ?? signal);
      for (const listener of listeners) listener();
    }),
  );
  return {
    process: child,
    output: () => out,
    exited,
    waitFor(pattern, ms) {
      return new Promise((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        const matches = typeof pattern === 'function' ? pattern : (o: string) => pattern.test(o);
        const check = () => {
          if (matches(out)) {
            done();
            resolve();
          } else if (child.exitCode !== null || child.signalCode !== null) {
            done();
            reject(new Error(`exited before ${String(pattern)}:\n${out.slice(-3000)}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${String(pattern)} within ${ms} ms:\n${out.slice(-3000)}`));
        }, ms);
        listeners.add(check);
        check();
      });
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The real server (`griot start`) running as a child process on a port of its own. */
export interface ServerProcess extends Child {
  url: string;
  /** SIGTERM, and wait for the graceful exit. */
  stop(): Promise<void>;
}

const main = path.resolve('src/main.ts');

/** What every test server shares unless told otherwise (PostgreSQL requires one). */
export const TEST_SESSION_SECRET = 'test-servers-share-this-session-secret-of-enough-length';

/**
 * Starts `griot start` over an existing database and resolves once it serves. `demo` passes
 * --demo: an empty database then gets the demo publication.
 */
export async function startServer(
  env: Record<string, string>,
  options: { built?: boolean; demo?: boolean } = {},
): Promise<ServerProcess> {
  // A port the caller chose (a balancer in front was told it) is kept.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const url = `http://127.0.0.1:${port}`;
  const serverEnv = {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    LOG_LEVEL: 'error',
    SESSION_SECRET: TEST_SESSION_SECRET,
    ...env,
  };
  const args = ['start', ...(options.demo ? ['--demo'] : [])];
  const built = npmStartCommand();
  // Built: the compiled server of `npm run build` (benches); else the sources through tsx.
  const child = options.built
    ? spawnNode([...built.nodeOptions, 'dist/main.js', ...args], { ...built.env, ...serverEnv })
    : spawnTsx(main, args, serverEnv);
  // Generous: the machine running the suite may be busy with other test files.
  await child.waitFor(/Griot is running/, 90_000);
  return {
    ...child,
    url,
    async stop() {
      if (child.process.exitCode === null && child.process.signalCode === null)
        child.process.kill('SIGTERM');
      await child.exited;
    },
  };
}
