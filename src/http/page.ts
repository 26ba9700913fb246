import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Child } from 'hono/jsx';
import type { CachedPage } from '../cache/page-cache.ts';
import type { PageContext } from '../web/page-context.ts';
import { renderDocument } from '../web/render.ts';
import { stringsFor } from '../web/strings.ts';
import type { RouteDeps } from './deps.ts';
import { notFound } from './errors.ts';

/** Builds the layout context of a page from the current site snapshot. */
export async function pageContext(deps: RouteDeps, request: FastifyRequest): Promise<PageContext> {
  const snapshot = await deps.cache.snapshot();
  return {
    site: snapshot.settings,
    sections: snapshot.sections,
    t: stringsFor(snapshot.settings.locale),
    assets: deps.assets,
    publicUrl: deps.config.publicUrl,
    path: request.url.split('?')[0] ?? '/',
    user: request.user ?? undefined,
    year: deps.clock.now().getFullYear(),
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

const READER_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';

/** What a cached page's render returns when the page lives at another address. */
export interface MovedTo {
  movedTo: string;
}

function isMoved(node: unknown): node is MovedTo {
  return typeof node === 'object' && node !== null && 'movedTo' in node;
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
    render: (ctx: PageContext) => Promise<Child | MovedTo | null>;
  },
): Promise<FastifyReply> {
  const snapshot = await deps.cache.snapshot();
  let cached = deps.cache.get(page.key, snapshot.version);
  if (!cached) {
    const node = await page.render(await pageContext(deps, request));
    if (node === null) throw notFound();
    if (isMoved(node)) return reply.redirect(node.movedTo, 301);
    cached = {
      status: 200,
      body: Buffer.from(await renderDocument(node)),
      etag: `W/"${deps.buildId}-${snapshot.version}"`,
      surrogateKeys: page.surrogateKeys.join(' '),
    } satisfies CachedPage;
    deps.cache.set(page.key, snapshot.version, cached);
  }
  reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', READER_CACHE_CONTROL)
    .header('etag', cached.etag)
    .header('surrogate-key', cached.surrogateKeys)
    .header('vary', 'Accept-Encoding');
  if (request.headers['if-none-match'] === cached.etag) return reply.status(304).send();
  const encoding = pickEncoding(request.headers['accept-encoding']);
  if (encoding) {
    reply.header('content-encoding', encoding);
    return reply.status(cached.status).send(await deps.cache.encoded(cached, encoding));
  }
  return reply.status(cached.status).send(cached.body);
}

function pickEncoding(accept: string | undefined): 'br' | 'gzip' | undefined {
  if (!accept) return undefined;
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return undefined;
}
