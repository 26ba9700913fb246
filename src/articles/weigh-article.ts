import { fillSlots, splitSlots } from '../cache/page-cache.ts';
import type { RouteDeps } from '../http/deps.ts';
import type { PageContext } from '../web/page-context.ts';
import { renderDocument } from '../web/render.ts';
import { buildArticlePage } from './article-page.ts';
import { findArticleView } from './article.queries.ts';
import { measurePageWeight, phoneLeadVariant, type PageWeight } from './page-weight.ts';

/** Renders an article as readers would get it (drafts too) and weighs its first view. */
export async function weighArticle(
  deps: RouteDeps,
  ctx: PageContext,
  articleId: number,
): Promise<PageWeight | null> {
  const view = await findArticleView(deps.db, { id: articleId }, { liveOnly: false });
  if (!view) return null;
  // A draft has no publication date yet; weigh it as if published now.
  const article = { ...view, publishedAt: view.publishedAt || deps.clock.now().toISOString() };
  const page = await buildArticlePage(deps, ctx, { article, threadPage: 1, replyToId: null });
  if (page === null) return null;
  return measurePageWeight({
    html: fillSlots(splitSlots(await renderDocument(page.node)), {}).toString(),
    css: deps.assets.css.body,
    leadImage: view.image ? phoneLeadVariant(view.image.variants) : undefined,
    budgetKb: ctx.site.pageWeightBudgetKb,
  });
}
