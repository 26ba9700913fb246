/**
 * The page-cache key of an article's comment thread: approving, unpublishing or closing
 * comments bumps it, which re-renders that article's pages and nothing else (no list shows
 * comment counts).
 */
export function commentsKey(articleId: number): string {
  return `comments-${articleId}`;
}
