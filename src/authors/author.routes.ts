import { LISTS_KEY } from '../articles/article-keys.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findByline } from '../articles/article-index.queries.ts';
import { countLiveArticles, listLiveArticles } from '../articles/article.queries.ts';
import { feedPaths } from '../feeds/feed.ts';
import type { RouteDeps } from '../http/deps.ts';
import { authorKeyParam, pageNumber } from '../http/reader-input.ts';
import { pageQuery } from '../web/paging.ts';
import { sendCachedPage } from '../http/page.ts';
import { ArchivePage } from '../web/archive-page.tsx';
import { authorIdOfKey, authorKey, authorPath } from './author.ts';
import { authorStringsFor } from './author.strings.ts';

const PER_PAGE = 20;

const schema = {
  params: z.object({ key: authorKeyParam }),
  querystring: z.object({ page: pageNumber(100_000) }),
};

/** Reader route: a newsroom member's page, the articles they signed, 20 a page. */
export const authorRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get('/auteurs/:key', { schema }, (request, reply) => {
    const { page } = request.query;
    const { key } = request.params;
    return sendCachedPage(deps, request, reply, {
      key: `/auteurs/${key}?page=${page}`,
      query: pageQuery(page),
      keys: [LISTS_KEY, 'authors'],
      render: async (ctx) => {
        const id = authorIdOfKey(key);
        const author = id === null ? undefined : await findByline(deps.db, id);
        if (!author) return null;
        // The name part follows the member's current name; old or mistyped ones move there.
        if (authorKey(author) !== key) return { movedTo: authorPath(author, page) };
        const total = await countLiveArticles(deps.db, { authorId: author.id });
        const pages = Math.max(1, Math.ceil(total / PER_PAGE));
        if (page > pages) return null;
        const articles = await listLiveArticles(deps.db, {
          authorId: author.id,
          limit: PER_PAGE,
          offset: (page - 1) * PER_PAGE,
        });
        const s = authorStringsFor(ctx.site.locale);
        const site = ctx.site.siteName;
        return ArchivePage({
          ctx,
          title: page > 1 ? s.pageTitle(author.name, page, site) : s.title(author.name, site),
          description: s.description(author.name, site),
          kicker: s.kicker,
          heading: author.name,
          intro: s.intro(total),
          feeds: { title: author.name, ...feedPaths.author(authorKey(author)) },
          articles,
          page,
          pages,
          href: (n) => authorPath(author, n),
        });
      },
    });
  });
};
