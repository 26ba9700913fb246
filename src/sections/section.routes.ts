import { sectionKey } from '../articles/article-keys.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countLiveArticles, listLiveArticles } from '../articles/article.queries.ts';
import type { RouteDeps } from '../http/deps.ts';
import { pageNumber, slugParam } from '../http/reader-input.ts';
import { pageQuery } from '../web/paging.ts';
import { sendCachedPage } from '../http/page.ts';
import { sectionPath } from '../articles/article.ts';
import { findSectionIdByOldSlug } from './section.queries.ts';
import { SectionPage } from './section.pages.tsx';

export const PER_PAGE = 20;

const schema = {
  params: z.object({ section: slugParam }),
  querystring: z.object({ page: pageNumber(100_000) }),
};

/** Reader route: a section's page of articles. */
export const sectionRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get('/:section', { schema }, (request, reply) => {
    const { page } = request.query;
    const slug = request.params.section;
    return sendCachedPage(deps, request, reply, {
      key: `/${slug}?page=${page}`,
      query: pageQuery(page),
      keys: [],
      render: async (ctx) => {
        const section = ctx.sections.find((s) => s.slug === slug);
        if (!section) {
          // A renamed section keeps answering at its old address.
          const id = await findSectionIdByOldSlug(deps.db, slug);
          const renamed = id === undefined ? undefined : ctx.sections.find((s) => s.id === id);
          return renamed ? { movedTo: sectionPath(renamed, page) } : null;
        }
        const total = await countLiveArticles(deps.db, { sectionId: section.id });
        const pages = Math.max(1, Math.ceil(total / PER_PAGE));
        if (page > pages) return null;
        const articles = await listLiveArticles(deps.db, {
          sectionId: section.id,
          limit: PER_PAGE,
          offset: (page - 1) * PER_PAGE,
        });
        return {
          node: SectionPage({ ctx, section, articles, page, pages }),
          keys: [sectionKey(section.id)],
          facts: { sectionId: section.id },
        };
      },
    });
  });
};
