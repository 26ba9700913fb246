import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../http/deps.ts';
import { sendCachedPage } from '../http/page.ts';
import { articlePath, type ArticleSummary } from './article.ts';
import { commentSlots } from '../comments/comment-slots.tsx';
import { buildArticlePage } from './article-page.ts';
import { HomePage } from './article.pages.tsx';
import { findLiveArticle, listLiveArticles } from './article.queries.ts';

const HEADLINES = 4;
const PER_SECTION = 4;

// Read by hand rather than with a schema: this runs on every article view, the hottest path.
function positiveInt(value: unknown, max: number): number | null {
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 && n <= max ? n : null;
}

/** Reader routes: the home page and article pages. */
export const articleRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  app.get('/', (request, reply) =>
    sendCachedPage(deps, request, reply, {
      key: '/',
      surrogateKeys: ['home'],
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
    }),
  );

  app.get<{ Params: { section: string; slug: string } }>('/:section/:slug', (request, reply) => {
    const { section, slug } = request.params;
    const query = (request.query ?? {}) as Record<string, unknown>;
    const threadPage = positiveInt(query.commentaires, 10_000) ?? 1;
    const replyToId = positiveInt(query.repondre, 2_147_483_647);
    return sendCachedPage(deps, request, reply, {
      key: `/${section}/${slug}?commentaires=${threadPage}&repondre=${replyToId ?? ''}`,
      surrogateKeys: [`article-${slug}`],
      render: async (ctx) => {
        const article = await findLiveArticle(deps.db, slug);
        if (!article) return null;
        // An article that changed section keeps working at its old address.
        if (article.section.slug !== section) return { movedTo: articlePath(article) };
        const node = await buildArticlePage(deps, ctx, { article, threadPage, replyToId });
        return node === null
          ? null
          : { node, subjectId: article.id, adSectionId: article.sectionId };
      },
      slots: (articleId) => commentSlots(deps, request, articleId),
    });
  });
};
