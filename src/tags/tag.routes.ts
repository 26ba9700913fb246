import { LISTS_KEY } from '../articles/article-keys.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countLiveArticles, listLiveArticles } from '../articles/article.queries.ts';
import { feedPaths } from '../feeds/feed.ts';
import type { RouteDeps } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { pageNumber, pathText } from '../http/reader-input.ts';
import { pageQuery } from '../web/paging.ts';
import { sendCachedPage } from '../http/page.ts';
import { ArchivePage } from '../web/archive-page.tsx';
import { normalizeTagParam, tagPath } from './tag.ts';
import { tagStringsFor } from './tag.strings.ts';

const PER_PAGE = 20;

const schema = {
  params: z.object({ tag: pathText }),
  querystring: z.object({ page: pageNumber(100_000) }),
};

/** Reader route: a tag's page, the published articles that carry it, 20 a page. */
export const tagRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get('/mots-cles/:tag', { schema }, (request, reply) => {
    const { page } = request.query;
    const tag = normalizeTagParam(request.params.tag);
    // Tags are stored lower-case: « /mots-cles/Santé » is « santé »'s page.
    if (!tag) throw notFound();
    if (tag !== request.params.tag) return reply.redirect(tagPath(tag, page), 301);
    return sendCachedPage(deps, request, reply, {
      key: `/mots-cles/${tag}?page=${page}`,
      query: pageQuery(page),
      keys: [LISTS_KEY, 'tags'],
      render: async (ctx) => {
        const total = await countLiveArticles(deps.db, { tag });
        const pages = Math.ceil(total / PER_PAGE);
        if (page > pages) return null;
        const articles = await listLiveArticles(deps.db, {
          tag,
          limit: PER_PAGE,
          offset: (page - 1) * PER_PAGE,
        });
        const s = tagStringsFor(ctx.site.locale);
        const site = ctx.site.siteName;
        return ArchivePage({
          ctx,
          title: page > 1 ? s.pageTitle(tag, page, site) : s.title(tag, site),
          description: s.description(tag, site),
          kicker: s.kicker,
          heading: tag,
          intro: s.intro(total),
          feeds: { title: tag, ...feedPaths.tag(tag) },
          articles,
          page,
          pages,
          href: (n) => tagPath(tag, n),
        });
      },
    });
  });
};
