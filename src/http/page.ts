import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Child } from 'hono/jsx';
import { fillSlots, splitSlots, type CachedPage, type EncodableBody } from '../cache/page-cache.ts';
import { createHash } from 'node:crypto';
import { gzip } from 'node:zlib';
import { slotKeyOfMarker } from '../ads/ad-slot-markup.ts';
import { promisify } from 'node:util';
import type { PageContext } from '../web/page-context.ts';
import { renderDocument } from '../web/render.ts';
import { stringsFor } from '../web/strings.ts';
import type { RouteDeps } from './deps.ts';
import { isLitePath, keepLinksLite, readerEdition, variesOnSaveData } from './edition.ts';
import { notFound } from './errors.ts';

/** Builds the layout context of a page from the current site snapshot. */
export async function pageContext(deps: RouteDeps, request: FastifyRequest): Promise<PageContext> {
  const snapshot = await deps.cache.snapshot();
  return {
    site: snapshot.settings,
    sections: snapshot.sections,
    adSlots: snapshot.adSlots,
    logo: snapshot.logo,
    t: stringsFor(snapshot.settings.locale),
    assets: deps.assets,
    publicUrl: deps.config.publicUrl,
    path: request.url.split('?')[0] ?? '/',
    user: request.user ?? undefined,
    year: deps.clock.now().getFullYear(),
    lite: isLitePath(request),
  };
}

/** Sends a page that must never be stored by a shared cache (newsroom pages, forms). */
export async function sendPrivatePage(
  reply: FastifyReply,
  node: Child,
  status = 200,
): Promise<FastifyReply> {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .send(await renderDocument(node));
}

// Browsers revalidate every time (a 304 when nothing changed), so a reader never sees an old
// thread or an old story; CDNs keep pages a minute and purge them by Surrogate-Key.
export const READER_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
export const CDN_CACHE_CONTROL = 'max-age=60, stale-while-revalidate=600';

/** What a cached page's render returns when the page lives at another address. */
export interface MovedTo {
  movedTo: string;
}

/** Per-request values for a page's slots (see sendCachedPage). */
export interface SlotValues {
  shared: Record<string, string>;
  personal: Record<string, string> | null;
}

const NO_SLOTS: SlotValues = { shared: {}, personal: null };

/** What a cached page's render returns to name the record the page shows, for its slots. */
export interface PageAbout {
  node: Child;
  subjectId?: number;
  /** The section the page belongs to, for ad targeting (none: the home page). */
  adSectionId?: number;
}

function isMoved(node: unknown): node is MovedTo {
  return typeof node === 'object' && node !== null && 'movedTo' in node;
}

function isAbout(node: unknown): node is PageAbout {
  return typeof node === 'object' && node !== null && 'node' in node;
}

/**
 * Serves a reader page through the page cache. `render` returns null when the page does not
 * exist (a 404, never cached), or where it moved (a 301). Cached copies die when the content version changes.
 */
export async function sendCachedPage(
  deps: RouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: {
    key: string;
    surrogateKeys: string[];
    render: (ctx: PageContext) => Promise<Child | MovedTo | PageAbout | null>;
    /**
     * Per-request values for the page's slots. `shared` ones are the same for every reader at a
     * given moment (a form stamp); `personal` ones make the response private and uncached.
     */
    slots?: (subjectId: number | undefined) => SlotValues | Promise<SlotValues>;
  },
): Promise<FastifyReply> {
  const snapshot = await deps.cache.snapshot();
  const lite = readerEdition(request, snapshot.settings) === 'lite';
  // The editions never share an entry, nor an ETag.
  const key = lite ? `lite:${page.key}` : page.key;
  let cached = deps.cache.get(key, snapshot.version);
  if (!cached) {
    const node = await page.render({ ...(await pageContext(deps, request)), lite });
    if (node === null) throw notFound();
    if (isMoved(node))
      return reply.redirect(isLitePath(request) ? `/lite${node.movedTo}` : node.movedTo, 301);
    const html = await renderDocument(isAbout(node) ? node.node : node);
    const parts = splitSlots(lite ? keepLinksLite(html) : html);
    cached = {
      status: 200,
      parts,
      subjectId: isAbout(node) ? node.subjectId : undefined,
      adMarkers: parts.filter((p, i) => i % 2 === 1 && slotKeyOfMarker(p) !== undefined),
      adSectionId: (isAbout(node) ? node.adSectionId : undefined) ?? null,
      etag: `W/"${deps.buildId}-${snapshot.version}${lite ? '-lite' : ''}"`,
      surrogateKeys: page.surrogateKeys.join(' '),
    } satisfies CachedPage;
    deps.cache.set(key, snapshot.version, cached);
  }
  const vary = variesOnSaveData(request, snapshot.settings)
    ? 'Accept-Encoding, Save-Data'
    : 'Accept-Encoding';
  const encoding = pickEncoding(request.headers['accept-encoding']);
  // Most readers have nothing personal: the slot values then come back synchronously.
  let slots = page.slots && cached.parts.length > 1 ? page.slots(cached.subjectId) : NO_SLOTS;
  if (slots instanceof Promise) slots = await slots;

  if (slots.personal) {
    const body = Buffer.from(fillSlots(cached.parts, { ...slots.shared, ...slots.personal }));
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('vary', vary)
      .header('cache-control', 'private, no-store');
    if (encoding) {
      // Personal pages are rare (a reader with comments awaiting moderation): gzip on the fly.
      return reply
        .header('content-encoding', 'gzip')
        .status(cached.status)
        .send(await gzipAsync(body));
    }
    return reply.status(cached.status).send(body);
  }

  // Ads are chosen for each view; a page whose slots can carry a sold campaign varies per view.
  let values = slots.shared;
  let sold = false;
  let adKey = '';
  if (cached.adMarkers?.length) {
    const ads = await deps.ads.fill(cached.adMarkers, cached.adSectionId ?? null, request);
    values = { ...values, ...ads.values };
    sold = ads.sold;
    adKey = ads.key;
  }
  const shared = filledBody(
    cached,
    values,
    `${Object.values(slots.shared).join('\u0000')}\u0000${adKey}`,
  );
  const cdn = sold ? 'no-store' : CDN_CACHE_CONTROL;
  const etag = sold ? `${cached.etag.slice(0, -1)}-${shared.tag}"` : cached.etag;
  const headers: Record<string, string | number> = {
    'content-type': 'text/html; charset=utf-8',
    vary,
    'cache-control': READER_CACHE_CONTROL,
    'cdn-cache-control': cdn,
    'surrogate-control': cdn,
    etag,
    'surrogate-key': cached.surrogateKeys,
  };
  if (request.headers['if-none-match'] === etag) return writeRaw(reply, 304, headers);
  if (encoding) {
    headers['content-encoding'] = encoding;
    return writeRaw(reply, cached.status, headers, await deps.cache.encoded(shared, encoding));
  }
  return writeRaw(reply, cached.status, headers, shared.body);
}

// Bodies filled for everyone, by their slot values: a handful per page (the stamp's second,
// the ad rotation), each compressed once.
const MAX_FILLS = 16;

function filledBody(
  cached: CachedPage,
  values: Record<string, string>,
  /** Names the values: the shared slots' own (short) values and what the ads picked. */
  fill: string,
): EncodableBody & { tag: string } {
  const fills = (cached.fills ??= new Map());
  let body = fills.get(fill);
  if (!body) {
    body = {
      body: Buffer.from(fillSlots(cached.parts, values)),
      tag: createHash('sha1').update(fill).digest('base64url').slice(0, 10),
    };
    fills.set(fill, body);
    if (fills.size > MAX_FILLS) fills.delete(fills.keys().next().value!);
  }
  return body;
}

// Shared cached pages go straight to the socket: no onSend hooks to run, and none that could
// add a Set-Cookie to a response every reader (and every CDN) receives. The security headers are
// already on the raw response (set there in onRequest, see security-headers.ts), and
// writeHead merges them in: these pages carry the same ones as every reply.
function writeRaw(
  reply: FastifyReply,
  status: number,
  headers: Record<string, string | number>,
  body?: Buffer,
): FastifyReply {
  reply.hijack();
  if (body) headers['content-length'] = body.length;
  reply.raw.writeHead(status, headers);
  reply.raw.end(body);
  return reply;
}

const gzipAsync = promisify(gzip);

/**
 * The compression to answer with, from the request's Accept-Encoding: the acceptable coding with
 * the highest weight, brotli on a tie; none when neither is acceptable (`br;q=0`, `*;q=0`…).
 */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | undefined {
  if (!accept) return undefined;
  let br: number | undefined;
  let gz: number | undefined;
  let any: number | undefined;
  for (const item of accept.toLowerCase().split(',')) {
    const semi = item.indexOf(';');
    const name = (semi < 0 ? item : item.slice(0, semi)).trim();
    // An unreadable weight counts as 0: better identity than a coding the client refused.
    const weight = semi < 0 ? 1 : Number(/;\s*q=([\d.]*)/.exec(item)?.[1] ?? 1) || 0;
    if (name === 'br') br = weight;
    else if (name === 'gzip' || name === 'x-gzip') gz = weight;
    else if (name === '*') any = weight;
  }
  br ??= any ?? 0;
  gz ??= any ?? 0;
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return undefined;
}
