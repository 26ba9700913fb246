import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { optionalQueryId, pageNumber, slugParam } from '../http/reader-input.ts';
import { sendCachedPage } from '../http/page.ts';
import { articlePath, type ArticleSummary } from './article.ts';
import { HOME_KEY } from './article-keys.ts';
import { replyTargetPage, threadPath } from '../comments/comment-section.ts';
import { buildArticlePage } from './article-page.ts';
import { HomePage } from './article.pages.tsx';
import { legacyQueryTarget, sendLegacyRedirect } from '../redirects/legacy-redirect.ts';
import { LEGACY_QUERY_KEYS } from '../redirects/redirect.ts';
import { findLiveArticle, listLiveArticles } from './article.queries.ts';

const HEADLINES = 4;
const PER_SECTION = 4;

const articleParams = z.object({ section: slugParam, slug: slugParam });

// Only the thread page and the comment replied to change the page; any other key (utm_*,
// fbclid…) is dropped, so shared links hit the same cached page.
const articleQuery = z.object({
  commentaires: pageNumber(10_000),
  repondre: optionalQueryId,
  // Read by the comment slots (the « thank you » after posting), filled per request.
  commentaire: z.string().optional().catch(undefined),
});

// The home page takes no query of its own: only the old WordPress ones are read (any other key,
// or a malformed one, is dropped, and the page is the same cached one).
const legacyValue = z.string().max(200).optional().catch(undefined);
const homeQuery = z.object(
  Object.fromEntries(LEGACY_QUERY_KEYS.map((key) => [key, legacyValue])) as Record<
    (typeof LEGACY_QUERY_KEYS)[number],
    typeof legacyValue
  >,
);

/** Reader routes: the home page and article pages. */
export const articleRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get('/', { schema: { querystring: homeQuery } }, async (request, reply) => {
    // A WordPress address (`/?p=12`) of an imported site: its redirect, when the import made one.
    const moved = await legacyQueryTarget(deps.db, request.query);
    if (moved) return sendLegacyRedirect(reply, moved);
    return sendCachedPage(deps, request, reply, {
      key: '/',
      keys: [HOME_KEY],
      render: async (ctx) => {
        const latest = await listLiveArticles(deps.db, { limit: 1 + HEADLINES });
        const shown = new Set(latest.map((a) => a.id));
        const bySection = [];
        for (const section of ctx.sections) {
          const articles = (
            await listLiveArticles(deps.db, {
              sectionId: section.id,
              limit: PER_SECTION + shown.size,
            })
          )
            .filter((a: ArticleSummary) => !shown.has(a.id))
            .slice(0, PER_SECTION);
          if (articles.length) bySection.push({ section, articles });
        }
        return HomePage({ ctx, lead: latest[0], headlines: latest.slice(1), bySection });
      },
    });
  });

  const schema = { params: articleParams, querystring: articleQuery };
  app.get('/:section/:slug', { schema }, (request, reply) => {
    const { section, slug } = request.params;
    const { commentaires: threadPage, repondre } = request.query;
    const replyToId = repondre ?? null;
    return sendCachedPage(deps, request, reply, {
      key: `/${section}/${slug}?commentaires=${threadPage}&repondre=${replyToId ?? ''}`,
      keys: [],
      render: async (ctx) => {
        const article = await findLiveArticle(deps.db, slug);
        if (!article) return null;
        // An article that changed section keeps working at its old address.
        if (article.section.slug !== section) return { movedTo: articlePath(article) };
        // `?repondre=` names an approved comment on this page of the thread, or no page is kept
        // under it: a made-up id goes to the plain page, a real one to its page of the thread,
        // so no one can fill the cache (or force renders) with ids of their own.
        if (replyToId !== null) {
          const at = await replyTargetPage(deps.db, article.id, replyToId);
          if (at !== threadPage) {
            const to = threadPath(articlePath(article), at ?? threadPage, at && replyToId);
            return { movedTo: to, temporary: true };
          }
        }
        const page = await buildArticlePage(deps, ctx, { article, threadPage, replyToId });
        if (page === null) return null;
        return {
          node: page.node,
          keys: page.keys,
          facts: { articleId: article.id, sectionId: article.sectionId },
        };
      },
    });
  });
};
