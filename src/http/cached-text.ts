import type { FastifyReply, FastifyRequest } from 'fastify';
import { fillSlots, type CachedPage, type SiteSnapshot } from '../cache/page-cache.ts';
import type { RouteDeps } from './deps.ts';
import { notFound } from './errors.ts';
import {
  cdnKeyHeaders,
  CDN_CACHE_CONTROL,
  digest,
  pickEncoding,
  READER_CACHE_CONTROL,
  type MovedTo,
} from './page.ts';

/**
 * Serves a machine-readable reader document (a feed, a sitemap, robots.txt) through the page
 * cache, kept until what it shows changes. `render` returns null for a 404 or where it moved (a 301).
 */
export async function sendCachedText(
  deps: RouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  doc: {
    key: string;
    contentType: string;
    /** What the document shows (see sendCachedPage). */
    keys: string[];
    /** The CDN's lifetime when not the pages' minute (a live page's poll fragment: seconds). */
    cdnCacheControl?: string;
    render: (snapshot: SiteSnapshot) => Promise<string | MovedTo | null>;
  },
): Promise<FastifyReply> {
  const snapshot = await deps.cache.snapshot();
  const key = `text:${doc.key}`;
  let cached = deps.cache.get(key);
  if (!cached) {
    // As for pages: the requests that miss a document together (every reader's poll of a live
    // page once an entry is posted) share one render.
    const outcome = await deps.pages.shareRender(key, async () => {
      const text = await doc.render(snapshot);
      if (text === null || typeof text !== 'string') return text;
      const fresh = {
        status: 200,
        parts: [Buffer.from(text)],
        markers: [],
        keys: doc.keys,
        facts: {},
        etag: `W/"${digest(deps.buildId, '\u0000', text)}"`,
        fills: new Map([['', { tag: '', values: {} }]]),
      } satisfies CachedPage;
      deps.cache.set(key, fresh, snapshot.version);
      return fresh;
    });
    if (outcome === null) throw notFound();
    if ('movedTo' in outcome) return reply.redirect(outcome.movedTo, 301);
    cached = outcome;
  }
  const body = cached.fills.get('') ?? { tag: '', values: {} };
  const cdn = doc.cdnCacheControl ?? CDN_CACHE_CONTROL;
  reply
    .header('content-type', doc.contentType)
    .header('vary', 'Accept-Encoding')
    .header('cache-control', READER_CACHE_CONTROL)
    .header('cdn-cache-control', cdn)
    .header('surrogate-control', cdn)
    .header('etag', cached.etag)
    .headers(cdnKeyHeaders(cached.keys));
  if (request.headers['if-none-match'] === cached.etag) return reply.status(304).send();
  // The same policy as reader pages: browsers revalidate, CDNs keep a minute (see page.ts).
  const encoding = pickEncoding(request.headers['accept-encoding']);
  if (!encoding) return reply.send(fillSlots(cached, body.values));
  return reply
    .header('content-encoding', encoding)
    .send(await deps.cache.encoded(cached, body, encoding));
}
