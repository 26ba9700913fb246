import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage, EncodableBody, SiteSnapshot } from '../cache/page-cache.ts';
import type { RouteDeps } from './deps.ts';
import { notFound } from './errors.ts';
import { CDN_CACHE_CONTROL, pickEncoding, READER_CACHE_CONTROL, type MovedTo } from './page.ts';

/**
 * Serves a machine-readable reader document (a feed, a sitemap, robots.txt) through the page
 * cache, keyed by the content version. `render` returns null for a 404 or where it moved (a 301).
 */
export async function sendCachedText(
  deps: RouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  doc: {
    key: string;
    contentType: string;
    surrogateKeys: string[];
    render: (snapshot: SiteSnapshot) => Promise<string | MovedTo | null>;
  },
): Promise<FastifyReply> {
  const snapshot = await deps.cache.snapshot();
  const key = `text:${doc.key}`;
  let cached = deps.cache.get(key, snapshot.version);
  if (!cached) {
    const text = await doc.render(snapshot);
    if (text === null) throw notFound();
    if (typeof text !== 'string') return reply.redirect(text.movedTo, 301);
    cached = {
      status: 200,
      parts: [text],
      etag: `W/"${deps.buildId}-${snapshot.version}"`,
      surrogateKeys: doc.surrogateKeys.join(' '),
      fills: new Map([['', { body: Buffer.from(text), tag: '' }]]),
    } satisfies CachedPage;
    deps.cache.set(key, snapshot.version, cached);
  }
  const body: EncodableBody = cached.fills!.get('')!;
  reply
    .header('content-type', doc.contentType)
    .header('vary', 'Accept-Encoding')
    .header('cache-control', READER_CACHE_CONTROL)
    .header('cdn-cache-control', CDN_CACHE_CONTROL)
    .header('surrogate-control', CDN_CACHE_CONTROL)
    .header('etag', cached.etag)
    .header('surrogate-key', cached.surrogateKeys);
  if (request.headers['if-none-match'] === cached.etag) return reply.status(304).send();
  // The same policy as reader pages: browsers revalidate, CDNs keep a minute (see page.ts).
  const encoding = pickEncoding(request.headers['accept-encoding']);
  if (!encoding) return reply.send(body.body);
  return reply.header('content-encoding', encoding).send(await deps.cache.encoded(body, encoding));
}
