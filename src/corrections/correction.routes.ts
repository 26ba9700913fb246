import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LISTS_KEY } from '../articles/article-keys.ts';
import type { RouteDeps } from '../http/deps.ts';
import { pageNumber } from '../http/reader-input.ts';
import { pageQuery } from '../web/paging.ts';
import { sendCachedPage } from '../http/page.ts';
import { CORRECTIONS_KEY } from './correction.ts';
import { countLiveCorrections, listLiveCorrections } from './correction.queries.ts';
import { CorrectionsPage } from './correction.pages.tsx';

const PER_PAGE = 30;

const schema = { querystring: z.object({ page: pageNumber(100_000) }) };

/** Reader route: the public « Corrections » page, 30 a page, newest first. */
export const correctionRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get('/corrections', { schema }, (request, reply) => {
    const { page } = request.query;
    return sendCachedPage(deps, request, reply, {
      key: `/corrections?page=${page}`,
      query: pageQuery(page),
      // A new correction names CORRECTIONS_KEY; a title change or an unpublished article, LISTS_KEY.
      keys: [LISTS_KEY, CORRECTIONS_KEY],
      render: async (ctx) => {
        const total = await countLiveCorrections(deps.db);
        const pages = Math.max(1, Math.ceil(total / PER_PAGE));
        if (page > pages) return null;
        const corrections = await listLiveCorrections(deps.db, {
          limit: PER_PAGE,
          offset: (page - 1) * PER_PAGE,
        });
        return CorrectionsPage({ ctx, corrections, page, pages });
      },
    });
  });
};
