import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { articlePath } from '../articles/article.ts';
import type { RouteDeps } from '../http/deps.ts';
import { LITE_PREFIX } from '../http/edition.ts';
import { notFound } from '../http/errors.ts';
import { idParams } from '../http/schemas.ts';
import type { ShortLinkCounter } from './short-link-visits.ts';
import { findLiveArticleAddress } from './short-link.queries.ts';

// `?complet` (any value, or none) asks for the full edition; other keys (utm_…) are ignored.
const shortLinkQuery = z.object({ complet: z.string().optional().catch(undefined) });

/**
 * The short link of an article (`/a/<id>`), as WhatsApp messages carry it: a redirect to its
 * light edition (made for phones on weak, costly connections), or to the full one with
 * `?complet`, and each visit counted, in memory, for the « Canal WhatsApp » page.
 *
 * A 302 with `Cache-Control: no-store`: a browser, a proxy or our CDN that kept the redirect
 * would send the next tap straight to the article and the visit would go uncounted; answering
 * it costs one indexed read. The article page it leads to is the cached one.
 */
export const shortLinkRoutes: FastifyPluginAsyncZod<
  RouteDeps & { shortLinks: ShortLinkCounter }
> = async (app, deps) => {
  const schema = { params: idParams, querystring: shortLinkQuery };
  app.get('/a/:id', { schema }, async (request, reply) => {
    const article = await findLiveArticleAddress(deps.db, request.params.id);
    if (!article) throw notFound();
    await deps.shortLinks.count(request.params.id, request);
    const path = articlePath(article);
    return reply
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      .redirect(request.query.complet === undefined ? `${LITE_PREFIX}${path}` : path, 302);
  });
};
