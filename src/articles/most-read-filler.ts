import type { PageFiller } from '../http/page-pipeline.ts';
import type { ArticleViews, MostRead } from './article-views.ts';
import { mostReadHtml, SLOT_MOST_READ } from './most-read.pages.tsx';

/**
 * « Les plus lus » in the page pipeline. Every view of an article page that reaches the app
 * (a cache hit or a 304 included) is counted here, and the block is filled from this
 * instance's list, recomputed at most every few minutes: pages keep their cached markup and
 * share one compressed body per list, so views never invalidate a page.
 */
export function mostReadFiller(views: ArticleViews): PageFiller {
  let memo: { version: string; html: string } | undefined;
  const fillWith = (html: string, version: string) => ({
    values: { [SLOT_MOST_READ]: html },
    variant: version,
  });
  const done = (list: MostRead) => {
    if (memo?.version === list.version) return fillWith(memo.html, list.version);
    return mostReadHtml(list.rows, list.locale).then((html) => {
      memo = { version: list.version, html };
      return fillWith(html, list.version);
    });
  };
  return {
    name: 'mr',
    owns: (marker) => marker === SLOT_MOST_READ,
    fill({ facts, request }) {
      if (typeof facts.articleId === 'number') views.count(facts.articleId, request);
      const list = views.mostRead();
      // Without a list (the database away on the first view), the page goes out without the block.
      return list instanceof Promise ? list.then(done, () => fillWith('', 'none')) : done(list);
    },
  };
}
