import type { Child } from 'hono/jsx';
import type { CommentFormState } from '../comments/comment.pages.tsx';
import { loadCommentSection } from '../comments/comment-section.ts';
import type { RouteDeps } from '../http/deps.ts';
import { listLiveRelated } from '../search/related.queries.ts';
import type { PageContext } from '../web/page-context.ts';
import { articlePath, type ArticleView } from './article.ts';
import { articleKey } from './article-keys.ts';
import { commentsKey } from '../comments/comment-keys.ts';
import { mediaKey } from '../media/media-keys.ts';
import { ArticlePage } from './article.pages.tsx';
import { loadLiveCoverage } from '../live/live-coverage.ts';

/**
 * Builds the article page with its comment section, and the keys of what it shows (for the page
 * cache); null when the thread page does not exist.
 */
export async function buildArticlePage(
  deps: RouteDeps,
  ctx: PageContext,
  {
    article,
    threadPage,
    replyToId,
    form,
  }: {
    article: ArticleView;
    threadPage: number;
    replyToId: number | null;
    form?: CommentFormState;
  },
): Promise<{ node: Child; keys: string[] } | null> {
  // The thread and the related articles are read at once (on PostgreSQL, two round trips in
  // flight instead of one after the other).
  const [comments, related, live] = await Promise.all([
    loadCommentSection(deps.db, {
      article: { ...article, path: articlePath(article) },
      threadPage,
      replyToId,
      autoCloseDays: ctx.site.commentsAutoCloseDays,
      now: deps.clock.now(),
      form,
    }),
    listLiveRelated(deps.db, article.id),
    article.live ? loadLiveCoverage(deps.db, article.id, article.live) : null,
  ]);
  if (!comments) return null;
  return {
    node: ArticlePage({ ctx, article, comments, related, live }),
    keys: [
      articleKey(article.id),
      commentsKey(article.id),
      ...related.map((r) => articleKey(r.id)),
      ...(article.bodyMedia ?? []).map((m) => mediaKey(m.id)),
      ...(live?.media ?? []).map((m) => mediaKey(m.id)),
    ],
  };
}
