import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listLiveArticles } from '../articles/article.queries.ts';
import type { RouteDeps } from '../http/deps.ts';
import { pageNumber } from '../http/reader-input.ts';
import { pageContext } from '../http/page.ts';
import { renderDocument } from '../web/render.ts';
import { searchArticles } from './search-articles.ts';
import { SearchPage } from './search.pages.tsx';

/** Results per page. */
export const RESULTS_PER_PAGE = 10;
const LATEST = 5;

// Anything a reader (or a robot) sends is read leniently: a bad value is ignored, never a 400.
const query = z.object({
  q: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().catch('')).default(''),
  rubrique: z.string().max(100).optional().catch(undefined),
  page: pageNumber(1_000),
});

/** Reader route: full-text search, rendered per request (queries are unbounded, not cached). */
export const searchRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get('/recherche', { schema: { querystring: query } }, async (request, reply) => {
    const { q, rubrique, page } = request.query;
    const ctx = await pageContext(deps, request);
    const section = ctx.sections.find((s) => s.slug === rubrique);
    const outcome = await searchArticles(deps.db, deps.dialect, {
      query: q,
      sectionId: section?.id,
      limit: RESULTS_PER_PAGE,
      offset: (page - 1) * RESULTS_PER_PAGE,
    });
    const found = outcome.ok && outcome.hits.length > 0;
    const latest = found ? [] : await listLiveArticles(deps.db, { limit: LATEST });
    const pages = outcome.ok ? Math.max(1, Math.ceil(outcome.total / RESULTS_PER_PAGE)) : 1;
    const html = await renderDocument(
      SearchPage({ ctx, query: q, sectionSlug: section?.slug, outcome, page, pages, latest }),
    );
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .header('x-robots-tag', 'noindex')
      .send(html);
  });
};
