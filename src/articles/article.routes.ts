import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../http/deps.ts';
import { sendCachedPage } from '../http/page.ts';
import { articlePath, type ArticleSummary } from './article.ts';
import { HomePage, ArticlePage } from './article.pages.tsx';
import { findLiveArticle, listLiveArticles } from './article.queries.ts';

const HEADLINES = 4;
const PER_SECTION = 4;

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
    return sendCachedPage(deps, request, reply, {
      key: `/${section}/${slug}`,
      surrogateKeys: [`article-${slug}`],
      render: async (ctx) => {
        const article = await findLiveArticle(deps.db, slug);
        if (!article) return null;
        // An article that changed section keeps working at its old address.
        if (article.section.slug !== section) return { movedTo: articlePath(article) };
        return ArticlePage({ ctx, article });
      },
    });
  });
};
