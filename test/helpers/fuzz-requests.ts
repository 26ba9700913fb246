/** One route as Fastify registered it: its methods and its URL pattern (`/admin/articles/:id`). */
export interface FuzzRoute {
  methods: string[];
  url: string;
}

/** A request the fuzzer sends through `app.inject`. */
export interface FuzzRequest {
  route: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  remoteAddress: string;
}

/** Valid values the generator starts from, so that some requests reach deep into handlers. */
export interface FuzzPools {
  /** Valid values per route parameter name (`id`, `slug`, `section`, `*`…). */
  params: Record<string, string[]>;
  /** Cookie headers of signed-in members, each with the CSRF token of its session. */
  sessions: { cookie: string; csrf: string }[];
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;
const chance = (random: Random, p: number) => random() < p;

/** Path segments that are not what any route expects: the ids, encodings and sizes of the issue. */
const BAD_SEGMENTS = [
  'abc',
  '0',
  '-1',
  '1e9',
  '1.5',
  '0x1f',
  '99999999999999999999',
  '2147483648',
  '%61',
  '%09',
  '%00',
  '%0a',
  '%0d%0a',
  '%2e%2e',
  '..%2f..%2fetc%2fpasswd',
  '%2e',
  '%2f',
  '%5c',
  '%25',
  '%',
  '%zz',
  '%C3%A9t%C3%A9',
  '%E2%80%AE',
  '%F0%9F%92%A9',
  '%ED%A0%80',
  '%FF',
  '%C3',
  '%20',
  '+',
  'été',
  'ÉTÉ',
  '日本語',
  '💩',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  "'",
  '%22',
  ';',
  '~',
  '*',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  'rss.xml',
  'atom.xml',
  'articles-2026-13.xml',
  'articles-0000-01.xml',
  '1.jpg',
  '0.jpg',
  '99999999999.jpg',
];

/** Query keys routes read, and some they should ignore. */
export const QUERY_KEYS = [
  'page',
  'q',
  'rubrique',
  'commentaires',
  'repondre',
  'complet',
  'token',
  'next',
  'statut',
  'article',
  'de',
  'a',
  'fait',
  'deja',
  'reglages',
  'email',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'fbclid',
  'gclid',
  '__proto__',
  'constructor',
  'hasOwnProperty',
];

const QUERY_VALUES = ['1', '2', '3', '100', '', 'santé', 'dounzé', 'on', 'pending', 'spam', '1,2'];

/** Form fields routes read. */
export const FORM_FIELDS = [
  'title',
  'kicker',
  'standfirst',
  'body',
  'signature',
  'sectionId',
  'status',
  'etat',
  'transition',
  'tags',
  'slug',
  'name',
  'email',
  'password',
  'confirm',
  'role',
  'description',
  'ids',
  'decision',
  'bulk',
  'bulk-reason',
  'parent',
  'stamp',
  'website',
  'notify',
  'next',
  'version',
  'alt',
  'credit',
  'caption',
  'mediaId',
  'imageId',
  'siteName',
  'tagline',
  'locale',
  'timeZone',
  'autoCloseDays',
  'weight',
  'startsAt',
  'endsAt',
  'linkUrl',
  'creativeKind',
  'textTitle',
  'textBody',
  'slots',
  'sections',
  'sens',
  'retour',
  'mode',
  'enabled',
  'comments',
];

const FORM_VALUES = [
  '1',
  '2',
  'abc',
  '',
  '-1',
  '0',
  '99999999999999999999',
  'admin',
  'published',
  'approve',
  'reject',
  'spam',
  'haut',
  'bas',
  'fr',
  'en',
  'Africa/Niamey',
  'Un titre',
  'fuzz@example.test',
  '2026-11-23T12:00',
  'https://example.test/',
  'javascript:alert(1)',
  '<img src=x onerror=alert(1)>',
  'on',
  '\u0000',
  'a\r\nb',
  '日本語',
  '💩',
];

const CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-16',
  'application/json',
  'application/json; charset=latin1',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary=x',
  'text/plain',
  'text/html',
  'application/octet-stream',
  'application/xml',
  'garbage',
  ';;;',
  '',
];

const ENCODINGS = [
  'gzip',
  'br',
  'gzip, deflate, br',
  'br;q=0, gzip;q=0',
  'identity;q=0',
  '*',
  'gzip, gzip, gzip',
  'x-gzip',
  'zstd',
  'BR',
  ',,,',
  'gzip;q=abc',
  'g'.repeat(4000),
];

function badCookie(random: Random): string {
  return pick(random, [
    'griot_session=%',
    'griot_session=',
    '=',
    ';;;',
    'a=b=c',
    'griot_session=x; griot_session=y',
    `griot_session=${'x'.repeat(6000)}`,
    'griot_session=s%3Aabc.def',
    '_csrf=garbage',
    '_csrf=s%3Aabc.def',
    'griot_mine=%E0%A4%A',
    `griot_mine=${'a~'.repeat(2000)}`,
    'griot_mine=1~2~3',
    '__proto__=1',
    'griot_session="unterminated',
  ]);
}

/** Builds the requests of one fuzz run from a seeded random source. */
export function createFuzzer(random: Random, routes: FuzzRoute[], pools: FuzzPools) {
  const segment = (name: string): string => {
    const valid = pools.params[name] ?? pools.params.id ?? ['1'];
    if (chance(random, 0.45)) return pick(random, valid);
    const base = pick(random, valid);
    switch (Math.floor(random() * 8)) {
      case 0:
        return `${base}${pick(random, ['%00', '%09', '/..', '.jpg', '%2f', '~', '.', '%20', 'é'])}`;
      case 1:
        return base.toUpperCase();
      case 2:
        return 'a'.repeat(1 + Math.floor(random() * 8000));
      case 3:
        return encodeOne(random, base);
      default:
        return pick(random, BAD_SEGMENTS);
    }
  };

  const path = (route: FuzzRoute): string => {
    let url = route.url.replace(/:(\w+)|\*/g, (whole, name?: string) => segment(name ?? '*'));
    if (chance(random, 0.1)) url = encodeOne(random, url);
    if (chance(random, 0.04)) url = `${url}/`;
    if (chance(random, 0.03)) url = url.replace('/', '//');
    if (chance(random, 0.05)) url = `/lite${url}`;
    if (chance(random, 0.02)) url = url.replace(/\/[^/]*$/, '/%2e%2e$&');
    return url;
  };

  const query = (): string => {
    if (chance(random, 0.45)) return '';
    const parts: string[] = [];
    const n = 1 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) {
      const key = pick(random, QUERY_KEYS);
      const value = chance(random, 0.5) ? pick(random, QUERY_VALUES) : queryValue();
      switch (Math.floor(random() * 6)) {
        case 0: // repeated key: an array
          parts.push(`${key}=${value}`, `${key}=${pick(random, QUERY_VALUES)}`);
          break;
        case 1:
          parts.push(`${key}[]=${value}`);
          break;
        case 2:
          parts.push(chance(random, 0.5) ? key : `${key}[a][b]=${value}`);
          break;
        default:
          parts.push(`${key}=${value}`);
      }
    }
    if (chance(random, 0.05)) parts.push(pick(random, ['&&&', '=x', '%', '%zz=1', 'a=%']));
    return `?${parts.join('&')}`;
  };

  const queryValue = (): string =>
    chance(random, 0.1)
      ? 'x'.repeat(1 + Math.floor(random() * 20_000))
      : pick(random, BAD_SEGMENTS);

  const formValue = (): string =>
    chance(random, 0.5)
      ? pick(random, FORM_VALUES)
      : chance(random, 0.1)
        ? 'é'.repeat(Math.floor(random() * 300_000))
        : decodeSafely(pick(random, BAD_SEGMENTS));

  const fields = (csrf: string | undefined): [string, string][] => {
    const out: [string, string][] = [];
    if (csrf && chance(random, 0.85)) out.push(['_csrf', csrf]);
    const n = Math.floor(random() * 8);
    for (let i = 0; i < n; i++) out.push([pick(random, FORM_FIELDS), formValue()]);
    if (chance(random, 0.2)) out.push([pick(random, FORM_FIELDS), formValue()]); // repeated key
    return out;
  };

  const body = (
    csrf: string | undefined,
  ): { payload: string; type: string | undefined } | undefined => {
    const form = fields(csrf);
    switch (Math.floor(random() * 10)) {
      case 0: {
        const json: Record<string, unknown> = Object.fromEntries(form);
        if (chance(random, 0.3)) json[pick(random, FORM_FIELDS)] = [1, { a: null }, true];
        const text = JSON.stringify(json);
        // Deep nesting is written out: JSON.stringify itself would overflow the stack.
        const payload = chance(random, 0.5)
          ? `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}"${pick(random, FORM_FIELDS)}":${deep(random)}}`
          : text;
        return { payload, type: 'application/json' };
      }
      case 1: {
        const text = new URLSearchParams(form).toString();
        return {
          payload:
            text.slice(0, Math.floor(random() * (text.length + 1))) +
            pick(random, ['', '%', '%E', '&=', '&&']),
          type: 'application/x-www-form-urlencoded',
        };
      }
      case 2:
      case 3:
        return multipart(random, form);
      case 4:
        return {
          payload: chance(random, 0.5) ? '{"a":' : new URLSearchParams(form).toString(),
          type: pick(random, CONTENT_TYPES),
        };
      case 5:
        return chance(random, 0.2)
          ? { payload: `a=${'x'.repeat(1_100_000)}`, type: 'application/x-www-form-urlencoded' }
          : { payload: '', type: pick(random, CONTENT_TYPES) };
      default:
        return {
          payload: new URLSearchParams(form).toString(),
          type: 'application/x-www-form-urlencoded',
        };
    }
  };

  const headers = (session: FuzzPools['sessions'][number] | undefined): Record<string, string> => {
    const h: Record<string, string> = {};
    const cookies: string[] = [];
    if (session) cookies.push(session.cookie);
    if (chance(random, 0.2)) cookies.push(badCookie(random));
    if (cookies.length) h.cookie = cookies.join('; ');
    if (chance(random, 0.5)) h['accept-encoding'] = pick(random, ENCODINGS);
    if (chance(random, 0.2))
      h['accept-language'] = pick(random, ['en', 'fr-FR,fr;q=0.9', '*', ';q=', 'x'.repeat(3000)]);
    if (chance(random, 0.15))
      h['user-agent'] = pick(random, ['Googlebot/2.1', '', 'curl/8', 'M'.repeat(8000)]);
    if (chance(random, 0.1)) h['if-none-match'] = pick(random, ['*', 'W/"x"', '"', 'W/"dev-1"']);
    if (chance(random, 0.1)) h['save-data'] = pick(random, ['on', 'ON', 'off', '']);
    if (chance(random, 0.1))
      h.origin = pick(random, ['https://griot.test', 'null', 'https://evil.example', '%']);
    if (chance(random, 0.1))
      h.referer = pick(random, ['https://griot.test/', 'https://evil.example/', '::::']);
    if (chance(random, 0.05))
      h.range = pick(random, [
        'bytes=0-10',
        'bytes=abc',
        'bytes=99999999999999999999-',
        'bytes=5-1',
      ]);
    if (chance(random, 0.05))
      h['if-modified-since'] = pick(random, ['garbage', 'Thu, 01 Jan 1970 00:00:00 GMT']);
    if (chance(random, 0.05)) h['x-forwarded-for'] = pick(random, ['1.2.3.4', 'garbage, ,', '::1']);
    if (chance(random, 0.03)) h['x-huge'] = 'h'.repeat(12_000);
    return h;
  };

  /** The next request: a registered route, its path, query, method, headers and body mutated. */
  return function next(): FuzzRequest {
    const route = pick(random, routes);
    const session = chance(random, 0.55) ? pick(random, pools.sessions) : undefined;
    const method = chance(random, 0.85)
      ? pick(random, route.methods)
      : pick(random, ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);
    const h = headers(session);
    const url = path(route) + query();
    const sendsBody =
      method === 'POST' || method === 'PUT' || method === 'PATCH' || chance(random, 0.05);
    const b = sendsBody && method !== 'GET' && method !== 'HEAD' ? body(session?.csrf) : undefined;
    if (b?.type !== undefined) h['content-type'] = b.type;
    return {
      route: `${route.methods.join(',')} ${route.url}`,
      method,
      url,
      headers: h,
      payload: b?.payload,
      // A few clients, so that flood controls and throttles are met as well as passed.
      remoteAddress: `198.51.100.${1 + Math.floor(random() * 8)}`,
    };
  };
}

// Percent-encodes one letter of a string (`/admin/%61rticles`), leaving existing escapes alone.
function encodeOne(random: Random, text: string): string {
  const letters = [...text.matchAll(/[a-z]/g)];
  if (!letters.length) return text;
  const at = pick(random, letters).index;
  const code = text.charCodeAt(at).toString(16).toUpperCase();
  return `${text.slice(0, at)}%${code}${text.slice(at + 1)}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function deep(random: Random): string {
  const depth = chance(random, 0.5) ? 50 : 5_000;
  return chance(random, 0.5)
    ? `${'['.repeat(depth)}"x"${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
}

function multipart(random: Random, form: [string, string][]): { payload: string; type: string } {
  const boundary = `----fuzz${Math.floor(random() * 1e9)}`;
  const parts = form.map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  if (chance(random, 0.6)) {
    const name = pick(random, ['file', 'imageFile', 'logoFile', 'x']);
    const filename = pick(random, ['photo.jpg', '', '../../etc/passwd', 'a'.repeat(2000), 'é.png']);
    const type = pick(random, ['image/jpeg', 'image/png', 'text/plain', '', 'image/svg+xml']);
    const content = pick(random, [
      '\xff\xd8\xff\xe0garbage',
      '<svg onload=alert(1)>',
      'x'.repeat(Math.floor(random() * 200_000)),
      '',
    ]);
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`,
    );
  }
  let payload = `${parts.join('')}--${boundary}--\r\n`;
  switch (Math.floor(random() * 6)) {
    case 0: // truncated
      payload = payload.slice(0, Math.floor(random() * payload.length));
      break;
    case 1: // no closing boundary
      payload = parts.join('');
      break;
    case 2: // headers without the blank line
      payload = `--${boundary}\r\nContent-Disposition: form-data; name="a"\r\nxyz--${boundary}--`;
      break;
    case 3: // a part without a name
      payload = `--${boundary}\r\nContent-Disposition: form-data\r\n\r\nv\r\n${payload}`;
      break;
  }
  const type = pick(random, [
    `multipart/form-data; boundary=${boundary}`,
    `multipart/form-data; boundary=${boundary}`,
    `multipart/form-data; boundary=${boundary}`,
    'multipart/form-data',
    'multipart/form-data; boundary=other',
    `multipart/mixed; boundary=${boundary}`,
  ]);
  return { payload, type };
}
