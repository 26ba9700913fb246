import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { isMediaFileName, mediaKey, type StoredHead } from './media-store.ts';

// Media file names carry a content hash, so they never change under the same URL.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Media files (`/media/<file>`) served from the media store, whichever it is: long immutable
 * caching, the stored content type, ETag and 304, HEAD without reading the body. A name that is
 * not a plain media file name (a path, `..`, an encoded slash, a hidden temporary file) is a 404.
 * With MEDIA_PUBLIC_URL set, the files are read from there (a CDN): this route redirects.
 */
export const mediaFileRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { media, config } = deps;
  // HEAD declared with GET, not derived from it: a derived HEAD route sends a length of 0 when
  // the handler sends no body, and this one answers HEAD from the object's head alone.
  app.route({
    method: ['GET', 'HEAD'],
    url: '/media/:file',
    schema: { params: z.object({ file: z.string() }) },
    handler: async (request, reply) => {
      const { file } = request.params;
      if (!isMediaFileName(file)) throw notFound();
      if (config.mediaPublicUrl)
        return reply
          .header('cache-control', IMMUTABLE)
          .redirect(`${config.mediaPublicUrl}/${mediaKey(file)}`, 301);
      const key = mediaKey(file);
      const ifNoneMatch = request.headers['if-none-match'];
      if (request.method === 'HEAD' || ifNoneMatch) {
        const head = await media.head(key);
        if (!head) throw notFound();
        withHeaders(reply, head);
        if (isFresh(request, head)) return reply.status(304).send();
        if (request.method === 'HEAD') return reply.send();
      }
      const object = await media.get(key);
      if (!object) throw notFound();
      return withHeaders(reply, object).send(object.body);
    },
  });
};

function withHeaders(reply: FastifyReply, head: StoredHead): FastifyReply {
  return reply
    .header('content-type', head.contentType)
    .header('content-length', head.size)
    .header('cache-control', IMMUTABLE)
    .header('etag', head.etag)
    .header('last-modified', head.lastModified.toUTCString());
}

// Weak comparison, as for GET: `W/"x"` matches `"x"`.
function isFresh(request: FastifyRequest, head: StoredHead): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((t) => bare(t) === bare(head.etag));
}
