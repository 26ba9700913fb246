import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { freePort } from './net.ts';

const HAPROXY = '/usr/sbin/haproxy';

/** Why the load-balancer tests cannot run here (.ci/run installs haproxy; CI never skips). */
export function haproxyMissing(): string | false {
  if (existsSync(HAPROXY)) return false;
  if (process.env.CI) throw new Error(`${HAPROXY} is missing: .ci/run installs haproxy`);
  return `${HAPROXY} is not installed (apt-get install haproxy)`;
}

/** A real HAProxy running deploy/haproxy/griot.cfg in front of the given instances. */
export async function startHaproxy(
  backends: string[],
  port?: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'griot-haproxy-'));
  port ??= await freePort();
  let cfg = await readFile(path.resolve('deploy/haproxy/griot.cfg'), 'utf8');
  cfg = cfg.replace(/bind 127\.0\.0\.1:\d+/, `bind 127.0.0.1:${port}`);
  backends.forEach((backend, i) => {
    const { host } = new URL(backend);
    cfg = cfg.replace(new RegExp(`(server app${i + 1} )\\S+`), `$1${host}`);
  });
  const file = path.join(dir, 'griot.cfg');
  await writeFile(file, cfg);
  const child = spawn(HAPROXY, ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited:\n${log.slice(-3000)}`);
    try {
      if ((await fetch(`${url}/robots.txt`, { signal: AbortSignal.timeout(1000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`haproxy did not start:\n${log.slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async close() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A browser-like client over real HTTP: keeps cookies, never follows redirects. */
export class HttpClient {
  private jar = new Map<string, string>();
  constructor(private readonly origin: string) {}

  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  /** GET `url` (absolute, any instance or the balancer); the body read as text. */
  async get(url: string): Promise<{ res: Response; text: string }> {
    const res = this.keep(
      await fetch(url, { headers: { cookie: this.cookie }, redirect: 'manual' }),
    );
    return { res, text: await res.text() };
  }

  /** POSTs a form to `url` as a page of the site (Origin: the public URL). */
  async post(
    url: string,
    fields: Record<string, string>,
  ): Promise<{ res: Response; text: string }> {
    const res = this.keep(
      await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          cookie: this.cookie,
          origin: this.origin,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams(fields).toString(),
      }),
    );
    return { res, text: await res.text() };
  }

  /** POSTs a multipart form with one file, as a browser's upload form. */
  async upload(
    url: string,
    fields: Record<string, string>,
    file: { field: string; name: string; type: string; bytes: Buffer },
  ): Promise<{ res: Response; text: string }> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    const res = this.keep(
      await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: this.cookie, origin: this.origin },
        body: form,
      }),
    );
    return { res, text: await res.text() };
  }

  /** Signs in through the login form at `base`. */
  async login(base: string, email: string, password: string): Promise<void> {
    const page = await this.get(`${base}/login`);
    const csrf = csrfOf(page.text);
    const { res } = await this.post(`${base}/login`, { _csrf: csrf, email, password });
    if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
  }
}

/** The CSRF token of the first form on a page. */
export function csrfOf(html: string): string {
  return parse(html).querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '';
}
