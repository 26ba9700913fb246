import { createHash } from 'node:crypto';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type onRequestHookHandler, type RouteOptions } from 'fastify';
import type { Config } from '../config.ts';
import { inlineScripts, inlineStyles } from '../web/inline-code.ts';
import { embedFrameOrigins } from '../web/embed-frames.ts';

/**
 * Which side of the site a response belongs to: the public reader pages (and their files), or
 * the private side (newsroom, sign-in, account links, advertisers' reports), which is never framed.
 */
export type SiteSide = 'reader' | 'private';

/** A CSP source allowing one inline script or style sheet by the hash of its exact text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Whether the site is served over HTTPS (PUBLIC_URL), which turns on HSTS and Secure cookies. */
export function isHttpsSite(config: Pick<Config, 'publicUrl'>): boolean {
  return config.publicUrl.startsWith('https:');
}

/**
 * The Content-Security-Policy of one side. Scripts: our files and the hashed inline scripts,
 * never an inline handler. Style sheets: ours, the light edition's and `inlineSheets` (the
 * theme's, inlined by article pages), by hash; style
 * attributes stay allowed, since ad slots reserve their size through them (custom properties
 * per slot) and newsroom pages set a few, and an attribute cannot carry a selector to read a page.
 * `carried` keeps only the inline texts one page carries (see pageCspFor).
 */
export function cspDirectives(
  side: SiteSide,
  { mediaPublicUrl }: Partial<Pick<Config, 'mediaPublicUrl'>> = {},
  inlineSheets: string[] = [],
  carried: (text: string) => boolean = () => true,
): Record<string, string[]> {
  const allowed = (texts: string[]) => texts.filter(carried).map(cspHash);
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...allowed(Object.values(inlineScripts))],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", ...allowed([...Object.values(inlineStyles), ...inlineSheets])],
    'style-src-attr': ["'unsafe-inline'"],
    // Photos and ad creatives are served from /media/ (which redirects to MEDIA_PUBLIC_URL when
    // set: a redirect's target must be allowed too); the light edition's icon is `data:,`.
    'img-src': ["'self'", 'data:', ...(mediaPublicUrl ? [new URL(mediaPublicUrl).origin] : [])],
    'font-src': ["'self'"],
    // A reader page frames nothing but the players of embeds the reader asked for (see
    // web/embed-frames.ts): the iframe exists only after the tap, so nothing loads before.
    'frame-src': side === 'reader' ? ["'self'", ...Object.values(embedFrameOrigins)] : ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': [side === 'private' ? "'none'" : "'self'"],
  };
}

/** A policy's header value, written as helmet writes it: `name value value;name value…`. */
export function formatCsp(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join(';');
}

/**
 * The Content-Security-Policy of each shared reader page, from its markup: the reader side's,
 * allowing by hash only the inline scripts and style sheets the page itself carries (of the
 * known ones: inline-code.ts and `inlineSheets`). A home page then allows no inline script at
 * all, and an article page not the light edition's or a live page's; the header is also a third
 * (an article's) to three fifths (the home's) shorter than the side's, which lists them all.
 * Made once per set of texts carried.
 * Per-view fills (ads, « Les plus lus », a reader's own comments) carry no inline code.
 */
export function pageCspFor(
  config: Partial<Pick<Config, 'mediaPublicUrl'>>,
  inlineSheets: string[] = [],
): (html: string) => string {
  const texts = [...Object.values(inlineScripts), ...Object.values(inlineStyles), ...inlineSheets];
  const made = new Map<number, string>();
  return (html) => {
    let set = 0;
    texts.forEach((text, i) => {
      if (html.includes(text)) set |= 1 << i;
    });
    let csp = made.get(set);
    if (csp === undefined) {
      const carried = new Set(texts.filter((_, i) => set & (1 << i)));
      csp = formatCsp(cspDirectives('reader', config, inlineSheets, (t) => carried.has(t)));
      made.set(set, csp);
    }
    return csp;
  };
}

/**
 * Every security header of one side, as @fastify/helmet options: the one definition, used for
 * Fastify replies, for the pages the page cache sends straight to the socket (helmet writes the
 * headers on the raw response), and for the few refusals made before routing (probeHelmetHeaders).
 */
export function helmetOptions(
  config: Pick<Config, 'publicUrl'> & Partial<Pick<Config, 'mediaPublicUrl'>>,
  side: SiteSide,
  inlineSheets: string[] = [],
): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: cspDirectives(side, config, inlineSheets),
    },
    // Reader pages, photos and feeds are public and meant to be shown elsewhere (feed readers,
    // shares); the private side's responses load into no other site's page.
    crossOriginResourcePolicy: { policy: side === 'private' ? 'same-origin' : 'cross-origin' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // A year, this host only: a newsroom's other subdomains may not all speak HTTPS.
    strictTransportSecurity: isHttpsSite(config)
      ? { maxAge: 365 * 24 * 3600, includeSubDomains: false }
      : false,
    xFrameOptions: { action: side === 'private' ? 'deny' : 'sameorigin' },
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The side of the site a route belongs to, which picks its security headers (reader by default). */
    side?: SiteSide;
  }
}

/** An onRoute hook for the private side's context: its routes answer with the private side's headers. */
export function markPrivateSide(route: RouteOptions): void {
  route.config = { ...route.config, side: 'private' } as RouteOptions['config'];
}

/** Each side's security headers, as helmet itself sends them, computed once at start-up. */
export type SecurityHeaders = Record<SiteSide, [string, string][]>;

/**
 * Asks helmet, once, for the headers of both sides (see probeHelmetHeaders); `inlineSheets` are
 * the style sheets reader pages carry inline.
 */
export async function securityHeaders(
  config: Pick<Config, 'publicUrl'> & Partial<Pick<Config, 'mediaPublicUrl'>>,
  inlineSheets: string[] = [],
): Promise<SecurityHeaders> {
  const [reader, privateSide] = await Promise.all([
    probeHelmetHeaders(helmetOptions(config, 'reader', inlineSheets)),
    probeHelmetHeaders(helmetOptions(config, 'private')),
  ]);
  return { reader: Object.entries(reader), private: Object.entries(privateSide) };
}

/**
 * An onRequest hook writing the route's side's headers on the raw response, where the pages the
 * page cache sends straight to the socket find them too. The values are helmet's, computed once:
 * @fastify/helmet would rebuild its middleware and reparse the CSP on every request.
 */
export function applySecurityHeaders(headers: SecurityHeaders): onRequestHookHandler {
  return (request, reply, done) => {
    const side = request.routeOptions.config?.side ?? 'reader';
    for (const [name, value] of headers[side]) reply.raw.setHeader(name, value);
    done();
  };
}

/**
 * The headers helmet sends with these options, read once at start-up from a probe: for the
 * requests Fastify refuses before any hook runs (a path that is not valid URL encoding, an
 * overlong path parameter), which helmet never sees.
 */
export async function probeHelmetHeaders(
  options: FastifyHelmetOptions,
): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  await probe.register(fastifyHelmet, options);
  probe.get('/', () => '');
  const res = await probe.inject('/');
  await probe.close();
  const skip = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);
  return Object.fromEntries(
    Object.entries(res.headers)
      .filter(([name]) => !skip.has(name))
      .map(([name, value]) => [name, String(value)]),
  );
}
