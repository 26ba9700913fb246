import { brotliCompressSync, constants } from 'node:zlib';
import { slotKeyOfMarker } from '../ads/ad-slot-markup.ts';
import { BEST_BROTLI, brotliPage, fillSlots, splitSlots } from '../cache/page-cache.ts';
import type { RouteDeps } from '../http/deps.ts';
import type { PageContext } from '../web/page-context.ts';
import { renderDocument } from '../web/render.ts';
import { buildArticlePage } from './article-page.ts';
import { articlePath } from './article.ts';
import { findArticleView } from './article.queries.ts';
import {
  imagesOf,
  TYPICAL_PHONES,
  weighForPhone,
  type PageWeight,
  type PickedImage,
} from './page-weight.ts';

// Ads are picked as for a robot's view: what a reader would get, without counting an impression.
const UNCOUNTED_VIEW = { method: 'HEAD', headers: {} };

/**
 * Renders an article as readers get it (drafts too: as if published now), with its ad slots
 * filled as a view would have them, compresses it as the page cache sends it, and weighs what
 * typical phones fetch for its first view: the page (style sheet inline), the icon, and the
 * images picked from the page's own srcset and sizes.
 */
export async function weighArticle(
  deps: RouteDeps,
  ctx: PageContext,
  articleId: number,
): Promise<PageWeight | null> {
  const view = await findArticleView(deps.db, { id: articleId }, { liveOnly: false });
  if (!view) return null;
  const article = { ...view, publishedAt: view.publishedAt || deps.clock.now().toISOString() };
  // A reader's page: no signed-in member, the full edition, the article's own address.
  const reader: PageContext = { ...ctx, user: undefined, lite: false, path: articlePath(article) };
  const page = await buildArticlePage(deps, reader, { article, threadPage: 1, replyToId: null });
  if (page === null) return null;
  const split = splitSlots(await renderDocument(page.node));
  const adMarkers = split.markers.filter((m) => slotKeyOfMarker(m) !== undefined);
  const ads = adMarkers.length
    ? await deps.ads.fill(adMarkers, article.sectionId, UNCOUNTED_VIEW)
    : { values: {} };
  const html = fillSlots(split, ads.values);
  // The cache sends a page read more than once at its best brotli; the very first reader gets
  // the fast one, some 10 % more on the page alone.
  const htmlBytes = (await brotliPage(html, BEST_BROTLI)).length;
  const iconBytes = brotliCompressSync(deps.assets.favicon.body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  const sizes = new Map<string, number>();
  const bytesOf = async (url: string): Promise<number> => {
    const file = /\/media\/([^/?#]+)$/.exec(url)?.[1];
    if (!file) return 0;
    if (!sizes.has(file))
      sizes.set(file, (await deps.media.head(`media/${decodeURIComponent(file)}`))?.size ?? 0);
    return sizes.get(file)!;
  };
  const text = html.toString();
  const phones = [];
  for (const phone of TYPICAL_PHONES) {
    const images: PickedImage[] = [];
    for (const image of imagesOf(text, phone))
      images.push({ ...image, bytes: await bytesOf(image.url) });
    phones.push(weighForPhone({ phone, htmlBytes, iconBytes, images }));
  }
  const budgetBytes = ctx.site.pageWeightBudgetKb * 1024;
  return {
    htmlBytes,
    iconBytes,
    phones,
    budgetBytes,
    overBudget: phones.some((p) => p.totalBytes > budgetBytes),
  };
}
