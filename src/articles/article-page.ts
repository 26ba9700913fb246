import type { Child } from 'hono/jsx';
import type { CommentFormState } from '../comments/comment.pages.tsx';
import { loadCommentSection } from '../comments/comment-section.ts';
import type { RouteDeps } from '../http/deps.ts';
import { listLiveRelated } from '../search/related.queries.ts';
import type { PageContext } from '../web/page-context.ts';
import { articlePath, type ArticleView } from './article.ts';
import { articleKey } from './article-keys.ts';
import { commentsKey } from '../comments/comment-keys.ts';
import { ArticlePage } from './article.pages.tsx';

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
  const comments = await loadCommentSection(deps.db, {
    article: { ...article, path: articlePath(article) },
    threadPage,
    replyToId,
    autoCloseDays: ctx.site.commentsAutoCloseDays,
    now: deps.clock.now(),
    form,
  });
  if (!comments) return null;
  const related = await listLiveRelated(deps.db, article.id);
  return {
    node: ArticlePage({ ctx, article, comments, related }),
    keys: [
      articleKey(article.id),
      commentsKey(article.id),
      ...related.map((r) => articleKey(r.id)),
    ],
  };
}
