import type { PageFiller, ViewFill } from '../http/page-pipeline.ts';
import { shownRows, type ArticleViews, type MostRead } from './article-views.ts';
import { mostReadHtml, SLOT_MOST_READ } from './most-read.pages.tsx';

/**
 * « Les plus lus » in the page pipeline. Every view of an article page that reaches the app
 * (a cache hit or a 304 included) is counted here, and the block is filled from this
 * instance's list, recomputed at most every few minutes: pages keep their cached markup and
 * share one compressed body per list, so views never invalidate a page.
 */
export function mostReadFiller(views: ArticleViews): PageFiller {
  // The block's markup per variant of the current list: the list itself, or the list without
  // one of its own articles (on that article's page); and each page's fill, made once per list
  // (every view asks), shared by the views (nothing changes a fill once made).
  let memo = newMemo('');
  const fillWith = (html: string, variant: string): ViewFill =>
    Object.freeze({ values: Object.freeze({ [SLOT_MOST_READ]: html }), variant });
  const done = (list: MostRead, articleId: number | undefined) => {
    if (memo.version !== list.version) memo = newMemo(list.version);
    const made = memo.fills.get(articleId);
    if (made) return made;
    const own = list.rows.some((r) => r.id === articleId);
    const variant = own ? `${list.version}-${articleId}` : list.version;
    const kept = memo;
    const keep = (html: string) => {
      kept.html.set(variant, html);
      if (kept.fills.size >= MAX_FILLS) kept.fills.clear();
      const fill = fillWith(html, variant);
      kept.fills.set(articleId, fill);
      return fill;
    };
    const known = memo.html.get(variant);
    return known !== undefined
      ? keep(known)
      : mostReadHtml(shownRows(list, articleId), list.locale).then(keep);
  };
  return {
    name: 'mr',
    owns: (marker) => marker === SLOT_MOST_READ,
    fill({ facts, request }) {
      const articleId = typeof facts.articleId === 'number' ? facts.articleId : undefined;
      if (articleId !== undefined) views.count(articleId, request);
      const list = views.mostRead();
      // Without a list (the database away on the first view), the page goes out without the block.
      return list instanceof Promise
        ? list.then(
            (l) => done(l, articleId),
            () => fillWith('', 'none'),
          )
        : done(list, articleId);
    },
  };
}

// Fills kept per list: one per article page viewed (a crawl of the archive starts again).
const MAX_FILLS = 10_000;

function newMemo(version: string) {
  return {
    version,
    html: new Map<string, string>(),
    fills: new Map<number | undefined, ViewFill>(),
  };
}
