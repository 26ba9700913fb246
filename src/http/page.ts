import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Child } from 'hono/jsx';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { SITE_KEY } from '../cache/content-version.queries.ts';
import {
  brotliPage,
  fillSlots,
  splitSlots,
  type CachedPage,
  type PageBody,
  type PageFacts,
} from '../cache/page-cache.ts';
import type { PageContext } from '../web/page-context.ts';
import { renderDocument } from '../web/render.ts';
import { stringsFor } from '../web/strings.ts';
import type { RouteDeps } from './deps.ts';
import type { IncomingHttpHeaders } from 'node:http';
import type {
  KnownAddress,
  PageFiller,
  PagePipeline,
  PageVariant,
  ViewFill,
  ViewRequest,
} from './page-pipeline.ts';
import { notFound } from './errors.ts';

/** Builds the layout context of a page from the current site snapshot. */
export async function pageContext(deps: RouteDeps, request: FastifyRequest): Promise<PageContext> {
  const snapshot = await deps.cache.snapshot();
  const ctx: PageContext = {
    site: snapshot.settings,
    sections: snapshot.sections,
    adSlots: snapshot.adSlots,
    logo: snapshot.logo,
    alert: snapshot.alert,
    t: stringsFor(snapshot.settings.locale),
    assets: deps.assets,
    publicUrl: deps.config.publicUrl,
    mediaBase: deps.config.mediaPublicUrl ?? '',
    path: request.url.split('?')[0] ?? '/',
    user: request.user ?? undefined,
    year: deps.clock.now().getFullYear(),
  };
  // A variant named by the address itself (`/lite/…`) applies to every page rendered there,
  // private ones included (a form's errors, a reader's own comment).
  const variant = deps.pages.variants.find((v) => v.inAddress(request));
  return variant ? variant.context(ctx) : ctx;
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

const CDN_MAX_AGE = 60;
const CDN_STALE = 600;

/**
 * The CDN's lifetime for a page: a minute, and ten more served stale while it revalidates,
 * both cut short for a page that stops being right at `expiresAt` (the site alert's end), so no
 * shared cache shows the alert past its end even if no purge reaches it.
 */
export function cdnCacheControl(expiresAt: number | undefined, now: number): string {
  if (expiresAt === undefined) return CDN_CACHE_CONTROL;
  const left = Math.floor((expiresAt - now) / 1000);
  if (left <= 0) return 'no-store';
  const maxAge = Math.min(CDN_MAX_AGE, left);
  const stale = Math.min(CDN_STALE, left - maxAge);
  return stale > 0 ? `max-age=${maxAge}, stale-while-revalidate=${stale}` : `max-age=${maxAge}`;
}

/** What a cached page's render returns when the page lives at another address. */
export interface MovedTo {
  movedTo: string;
  /** A 302 rather than a 301: the address may mean something later (an unknown reply target). */
  temporary?: boolean;
}

/** Per-request values for a page's slots, as the comment section computes them. */
export interface SlotValues {
  shared: Record<string, string>;
  personal: Record<string, string> | null;
}

/**
 * What a cached page's render returns to say what it shows beyond what the route knew: the keys
 * of the records on it (its article, the related ones…), and facts for its slots' fillers.
 */
export interface PageAbout {
  node: Child;
  keys?: string[];
  facts?: PageFacts;
}

function isMoved(node: unknown): node is MovedTo {
  return typeof node === 'object' && node !== null && 'movedTo' in node;
}

function isAbout(node: unknown): node is PageAbout {
  return typeof node === 'object' && node !== null && 'node' in node;
}

/** A short, stable name for some text (an ETag, a variant's tag). */
export function digest(...texts: (string | Buffer)[]): string {
  const hash = createHash('sha1');
  for (const text of texts) hash.update(text);
  return hash.digest('base64url').slice(0, 16);
}

/**
 * Serves a reader page through the page cache. `render` returns null when the page does not
 * exist (a 404, never cached), or where it moved (a 301). The page is kept until something it
 * shows changes: the route's `keys`, those its render names, and the site's layout.
 */
export async function sendCachedPage(
  deps: RouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: {
    key: string;
    /** What the page shows, as known before rendering (the home list, a section's list…). */
    keys: string[];
    /**
     * The query the route read this page from, written as its links write it (`page=2`);
     * none by default. The front door serves the page again at an address with exactly that
     * query (see below).
     */
    query?: string;
    render: (ctx: PageContext) => Promise<Child | MovedTo | PageAbout | null>;
  },
): Promise<FastifyReply> {
  const snapshot = await deps.cache.snapshot();
  const variant = deps.pages.variants.find((v) => v.applies(request, snapshot));
  // Variants never share an entry, nor an ETag.
  const key = variant ? `${variant.name}:${page.key}` : page.key;
  let cached = deps.cache.get(key);
  if (!cached) {
    // A page is the same for every request with its key (that is what lets it be cached), so
    // the requests that miss it together share one render.
    const outcome = await deps.pages.shareRender(key, async () => {
      const ctx = await pageContext(deps, request);
      const node = await page.render(variant ? variant.context(ctx) : ctx);
      if (node === null || isMoved(node)) return node;
      const about: PageAbout = isAbout(node) ? node : { node };
      const rendered = await renderDocument(about.node);
      const html = variant ? variant.markup(rendered) : rendered;
      const { parts, markers } = splitSlots(html);
      // (The markup's bytes, hashed as they were encoded for the cache: parts and slots in turn.)
      const markup = parts.flatMap((part, i) =>
        i < markers.length ? [part, markers[i]!] : [part],
      );
      const fresh = {
        status: 200,
        parts,
        markers,
        keys: [...new Set([...page.keys, ...(about.keys ?? [])])],
        csp: deps.pageCsp(html),
        facts: about.facts ?? {},
        fills: new Map(),
        etag: `W/"${digest(deps.buildId, '\u0000', variant?.name ?? '', '\u0000', ...markup)}"`,
        expiresAt: snapshot.validUntil,
      } satisfies CachedPage;
      deps.cache.set(key, fresh, snapshot.version);
      return fresh;
    });
    if (outcome === null) throw notFound();
    if (isMoved(outcome))
      return reply.redirect(
        variant ? variant.movedTo(outcome.movedTo, request) : outcome.movedTo,
        outcome.temporary ? 302 : 301,
      );
    cached = outcome;
  }
  const vary = ['Accept-Encoding'];
  for (const v of deps.pages.variants) {
    const header = v.varyOn(request, snapshot);
    if (header && !vary.includes(header)) vary.push(header);
  }
  const viewer: ViewRequest = {
    method: request.method,
    headers: request.headers,
    cookies: request.cookies,
    route: request,
  };
  const view = await fillView(deps.pages, cached, viewer);

  if (view.personal) {
    reply
      .status(cached.status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('vary', vary.join(', '))
      .header('cache-control', 'private, no-store');
    if (cached.csp) reply.header('content-security-policy', cached.csp);
    const body = fillSlots(cached, inVariant(variant, viewValues(view)));
    // Personal pages are rare (a reader with comments awaiting moderation): compressed on the fly.
    const encoding = pickEncoding(request.headers['accept-encoding']);
    if (encoding === 'br')
      return reply.header('content-encoding', 'br').send(await brotliFast(body));
    if (encoding === 'gzip')
      return reply.header('content-encoding', 'gzip').send(await gzipAsync(body));
    return reply.send(body);
  }

  const sent = { variant, vary: vary.join(', ') };
  // The front door serves this address again without routing, to requests like this one: a
  // GET without cookies, at an address without a query, or with exactly the query the route
  // said it read its page from. Any other query may mean something to a route before its page
  // (a WordPress address on the home page), and another spelling of this one may not (`?`,
  // `page=02`, `page=2&x=1`): those stay the route's.
  const mark = request.originalUrl.indexOf('?');
  const query = mark === -1 ? undefined : request.originalUrl.slice(mark + 1);
  if (request.method === 'GET' && !request.headers.cookie && query === page.query) {
    const varyHeaders = vary.slice(1).map((h) => h.toLowerCase());
    deps.pages.rememberAddress(request.originalUrl, {
      ...sent,
      key,
      varyHeaders,
      varyValues: varyValues(varyHeaders, request.headers),
      settings: snapshot.settings,
    });
  }
  const out = await sharedResponse(deps, cached, sent, view, request.headers);
  // Shared cached pages go straight to the socket: no onSend hooks to run, and none that could
  // add a Set-Cookie to a response every reader (and every CDN) receives. The security headers
  // are already on the raw response (set there in onRequest, see security-headers.ts), and
  // writeHead merges them in: these pages carry the same ones as every reply, but for the
  // Content-Security-Policy, the page's own, which replaces the side's.
  reply.hijack();
  reply.raw.writeHead(out.status, out.headers);
  reply.raw.end(out.body);
  return reply;
}

/** The values of a page's varying request headers, joined, to compare requests by. */
export function varyValues(names: string[], headers: IncomingHttpHeaders): string {
  // (Most pages vary on one header at most: no list to join for them.)
  if (names.length === 1) return String(headers[names[0]!] ?? '');
  return names.map((name) => String(headers[name] ?? '')).join('\u0000');
}

/**
 * A shared page's response to one view: a 304 when the client has its ETag, else the body
 * compressed as the client asks; at once when that body is ready (a hot page's views).
 */
export function sharedResponse(
  deps: Pick<RouteDeps, 'cache' | 'clock'>,
  page: CachedPage,
  { variant, vary }: Pick<KnownAddress, 'variant' | 'vary'>,
  view: View,
  asked: IncomingHttpHeaders,
): SharedResponse | Promise<SharedResponse> {
  const shared = sharedBody(page, view, variant);
  const cdn = view.perView ? 'no-store' : cdnCacheControl(page.expiresAt, deps.clock.nowMs());
  const etag = shared.tag
    ? (shared.etag ??= `${page.etag.slice(0, -1)}-${digest(shared.tag)}"`)
    : page.etag;
  if (asked['if-none-match'] === etag)
    return { status: 304, headers: responseHeaders(page, vary, cdn, etag) };
  const encoding = pickEncoding(asked['accept-encoding']);
  if (!encoding) return withBody(page, vary, cdn, etag, undefined, fillSlots(page, shared.values));
  // A body made already goes out at once (most views), its headers as the views before listed
  // them; one compressed fast, read again, gets its upgrade to the best quality queued.
  const ready = encoding === 'br' ? shared.br : shared.gzip;
  if (!ready)
    return deps.cache
      .encoded(page, shared, encoding)
      .then((body) => withBody(page, vary, cdn, etag, encoding, body));
  if (encoding === 'br' && !shared.brBest) deps.cache.askedAgain(page, shared);
  const known = sentWith.get(ready);
  if (known?.vary === vary && known.cdn === cdn) return known.response;
  const response = withBody(page, vary, cdn, etag, encoding, ready);
  response.kept = true;
  sentWith.set(ready, { vary, cdn, response });
  return response;
}

// A made body's response, kept with the body while it is current.
const sentWith = new WeakMap<Buffer, { vary: string; cdn: string; response: SharedResponse }>();

function responseHeaders(page: CachedPage, vary: string, cdn: string, etag: string): string[] {
  return [
    ...(page.csp ? ['content-security-policy', page.csp] : []),
    'content-type',
    'text/html; charset=utf-8',
    'vary',
    vary,
    'cache-control',
    READER_CACHE_CONTROL,
    'cdn-cache-control',
    cdn,
    'surrogate-control',
    cdn,
    'etag',
    etag,
    ...pageKeyHeaders(page),
  ];
}

function withBody(
  page: CachedPage,
  vary: string,
  cdn: string,
  etag: string,
  encoding: 'br' | 'gzip' | undefined,
  body: Buffer,
): SharedResponse {
  const headers = responseHeaders(page, vary, cdn, etag);
  if (encoding) headers.push('content-encoding', encoding);
  headers.push('content-length', String(body.length));
  return { status: page.status, headers, body };
}

/** A shared page's response: its status, headers as a flat list (name, value…) and body. */
export interface SharedResponse {
  status: number;
  headers: string[];
  body?: Buffer;
  /** The same response (the same headers list) is sent to the next views: never change it. */
  kept?: boolean;
}

// A cached page's key headers, joined once per page rather than per request.
const keyHeadersOf = new WeakMap<CachedPage, string[]>();
function pageKeyHeaders(page: CachedPage): string[] {
  let headers = keyHeadersOf.get(page);
  if (!headers) keyHeadersOf.set(page, (headers = Object.entries(cdnKeyHeaders(page.keys)).flat()));
  return headers;
}

/** The headers that name what a response shows, so a CDN can purge it by key. */
export function cdnKeyHeaders(keys: string[]): Record<string, string> {
  const all = keys.includes(SITE_KEY) ? keys : [...keys, SITE_KEY];
  // Fastly and Varnish read Surrogate-Key (space-separated); Cloudflare reads Cache-Tag.
  return { 'surrogate-key': all.join(' '), 'cache-tag': all.join(',') };
}

/** One view's fill of a page's slots. */
export interface View {
  /**
   * What each filler put in the slots, in turn: merged (viewValues) only when a body is made,
   * not for the views that share a body already made (most views of a hot page).
   */
  fills: Record<string, string>[];
  /** The fillers' variant names, joined: '' when every view is the same. */
  tag: string;
  personal: boolean;
  perView: boolean;
}

const EMPTY_VIEW: View = { fills: [], tag: '', personal: false, perView: false };

/** A view's slot values, every filler's together. */
function viewValues(view: View): Record<string, string> {
  return view.fills.length === 1 ? view.fills[0]! : Object.assign({}, ...view.fills);
}

/**
 * Runs the registered fillers over the page's slots for this view: at once when every filler
 * answers at once (most views of a cached page), else once the last one has.
 */
export function fillView(
  pipeline: Pick<PagePipeline, 'fillers'>,
  page: CachedPage,
  request: ViewRequest,
): View | Promise<View> {
  if (page.markers.length === 0) return EMPTY_VIEW;
  const view: View = { fills: [], tag: '', personal: false, perView: false };
  return fillFrom(ownedMarkers(pipeline.fillers, page), 0, view, page, request);
}

function fillFrom(
  owned: readonly { filler: PageFiller; markers: string[] }[],
  first: number,
  view: View,
  page: CachedPage,
  request: ViewRequest,
): View | Promise<View> {
  for (let i = first; i < owned.length; i++) {
    const { filler, markers } = owned[i]!;
    const fill = filler.fill({ markers, facts: page.facts, request });
    if (fill instanceof Promise)
      return fill.then((f) => {
        addFill(view, filler, f);
        return fillFrom(owned, i + 1, view, page, request);
      });
    addFill(view, filler, fill);
  }
  return view;
}

function addFill(view: View, filler: PageFiller, fill: ViewFill | null) {
  if (!fill) return;
  view.fills.push(fill.values);
  view.personal ||= fill.personal === true;
  view.perView ||= fill.perView === true;
  if (fill.variant) view.tag = joinTag(view.tag, filler, fill.variant);
}

// Tags joined before, per filler, tag so far and variant: fillers hand the same variant strings
// to many views, so a view's tag (its body's key) is found, not made again and hashed. Past
// MAX_JOINED tags (a crawl of the archive), they are all forgotten and joined again.
let joinedTags = new WeakMap<PageFiller, Map<string, Map<string, string>>>();
let joinedCount = 0;
const MAX_JOINED = 10_000;
function joinTag(tag: string, filler: PageFiller, variant: string): string {
  const known = joinedTags.get(filler)?.get(tag)?.get(variant);
  if (known !== undefined) return known;
  if (++joinedCount > MAX_JOINED) {
    joinedTags = new WeakMap();
    joinedCount = 1;
  }
  let byTag = joinedTags.get(filler);
  if (!byTag) joinedTags.set(filler, (byTag = new Map()));
  let byVariant = byTag.get(tag);
  if (!byVariant) byTag.set(tag, (byVariant = new Map()));
  const joined = `${tag ? `${tag}&` : ''}${filler.name}=${variant}`;
  byVariant.set(variant, joined);
  return joined;
}

// Which of a page's slots each filler owns, worked out once per page (not per view).
const ownedOf = new WeakMap<
  CachedPage,
  { fillers: readonly PageFiller[]; owned: { filler: PageFiller; markers: string[] }[] }
>();
function ownedMarkers(fillers: readonly PageFiller[], page: CachedPage) {
  const known = ownedOf.get(page);
  if (known?.fillers === fillers) return known.owned;
  const owned = fillers
    .map((filler) => ({ filler, markers: page.markers.filter((m) => filler.owns(m)) }))
    .filter((o) => o.markers.length > 0);
  ownedOf.set(page, { fillers, owned });
  return owned;
}

// Bodies filled for everyone, by their fillers' variant names: a handful per page (the ad
// rotation), each compressed once.
const MAX_FILLS = 16;

function sharedBody(page: CachedPage, view: View, variant: PageVariant | undefined): PageBody {
  let body = page.fills.get(view.tag);
  if (!body) {
    body = { tag: view.tag, values: inVariant(variant, viewValues(view)) };
    page.fills.set(view.tag, body);
    if (page.fills.size > MAX_FILLS) page.fills.delete(page.fills.keys().next().value!);
  }
  return body;
}

// What fillers put in a variant's page gets the variant's markup too (a light page's links stay
// light, the private link to a reader's comment included).
function inVariant(
  variant: PageVariant | undefined,
  values: Record<string, string>,
): Record<string, string> {
  if (!variant) return values;
  const out: Record<string, string> = {};
  for (const [marker, value] of Object.entries(values)) out[marker] = variant.markup(value);
  return out;
}

const gzipAsync = promisify(gzip);
const brotliFast = (body: Buffer) => brotliPage(body, 4);

/**
 * The compression to answer with, from the request's Accept-Encoding: the acceptable coding with
 * the highest weight, brotli on a tie; none when neither is acceptable (`br;q=0`, `*;q=0`…).
 */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | undefined {
  if (!accept) return undefined;
  // Browsers send a handful of different headers: each is read once.
  const known = encodingOf.get(accept);
  if (known !== undefined) return known || undefined;
  const picked = readAcceptEncoding(accept);
  if (encodingOf.size >= 64) encodingOf.clear();
  encodingOf.set(accept, picked ?? '');
  return picked;
}

const encodingOf = new Map<string, 'br' | 'gzip' | ''>();

function readAcceptEncoding(accept: string): 'br' | 'gzip' | undefined {
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
