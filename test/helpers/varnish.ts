import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './net.ts';

const VARNISHD = '/usr/sbin/varnishd';

/**
 * Whether Debian's varnish (with varnish-modules' xkey) is installed: .ci/run installs it. A
 * developer machine without it skips the tests that need it, with the reason; CI never does.
 */
export function varnishMissing(): string | false {
  if (existsSync(VARNISHD)) return false;
  if (process.env.CI) throw new Error(`${VARNISHD} is missing: .ci/run installs varnish`);
  return `${VARNISHD} is not installed (apt-get install varnish varnish-modules)`;
}

/** A real varnishd running our deploy/varnish/griot.vcl in front of the given backends. */
export interface VarnishProcess {
  url: string;
  port: number;
  /** Stops it at once (SIGKILL): the cache is gone, as when the machine dies. */
  kill(): Promise<void>;
  /** Starts it again on the same port, with an empty cache. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Starts varnishd with the shipped VCL, its backends pointed at `backends` (host:port URLs). */
export async function startVarnish(backends: string[]): Promise<VarnishProcess> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'griot-varnish-'));
  let vcl = await readFile(path.resolve('deploy/varnish/griot.vcl'), 'utf8');
  backends.forEach((backend, i) => {
    const { hostname, port } = new URL(backend);
    vcl = vcl.replace(
      new RegExp(`(backend app${i + 1} \\{ \\.host = )"[^"]*"; \\.port = "\\d+";`),
      `$1"${hostname}"; .port = "${port}";`,
    );
  });
  const vclFile = path.join(dir, 'griot.vcl');
  await writeFile(vclFile, vcl);
  const port = await freePort();
  let child: ReturnType<typeof spawn> | undefined;
  let exited: Promise<unknown> = Promise.resolve();
  let log = '';

  const start = async () => {
    child = spawn(
      VARNISHD,
      [
        '-F',
        '-j',
        'none',
        '-n',
        path.join(dir, 'work'),
        '-a',
        `127.0.0.1:${port}`,
        '-T',
        'none',
        '-f',
        vclFile,
        '-p',
        'http_gzip_support=off',
        '-s',
        'malloc,64m',
      ],
      // Its own process group: the manager and its cache child are killed together.
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    const proc = child;
    exited = new Promise((resolve) => proc.on('exit', resolve));
    // Ready when the listener answers (the VCL compiles first, a second or two).
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`varnishd exited:\n${log.slice(-3000)}`);
      try {
        await fetch(`http://127.0.0.1:${port}/robots.txt`, { signal: AbortSignal.timeout(1000) });
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`varnishd did not start:\n${log.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  const kill = async () => {
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }
    await exited;
  };
  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    kill,
    restart: start,
    async close() {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
