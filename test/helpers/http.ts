import type { LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';
import type { TestApp } from './setup.ts';

/** A browser-like cookie jar over inject(): keeps cookies between requests. */
export class Browser {
  private jar = new Map<string, string>();
  constructor(
    private readonly t: TestApp,
    private readonly ip = '192.0.2.10',
  ) {}

  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && new Date(c.expires).getTime() < Date.now()))
        this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    return res;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.t.app.inject({
        url,
        remoteAddress: this.ip,
        headers: { cookie: this.cookie, ...headers },
      }),
    );
  }

  async post(
    url: string,
    fields: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(fields))
      for (const one of ([] as string[]).concat(v)) form.append(k, one);
    return this.keep(
      await this.t.app.inject({
        method: 'POST',
        url,
        remoteAddress: this.ip,
        headers: {
          cookie: this.cookie,
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://griot.test',
          ...headers,
        },
        payload: form.toString(),
      }),
    );
  }

  /** Signs in through the real login form. */
  async login(email: string, password: string): Promise<void> {
    const page = await this.get('/login');
    const token =
      parse(page.body).querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '';
    const res = await this.post('/login', { _csrf: token, email, password });
    if (res.statusCode !== 303) throw new Error(`login failed: ${res.statusCode}`);
  }
}

/** The value of a hidden input on a page. */
export function hiddenValue(html: string, name: string): string {
  return parse(html).querySelector(`input[name="${name}"]`)?.getAttribute('value') ?? '';
}

/** A fresh comment-form stamp, as the form's script fetches it when the reader starts writing. */
export async function formStamp(reader: Browser): Promise<string> {
  const res = await reader.get('/commentaires/tampon');
  if (res.statusCode !== 200) throw new Error(`no form stamp: ${res.statusCode}`);
  return res.body;
}
