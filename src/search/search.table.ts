/**
 * The `article_related` table: each published article's closest articles, computed when it is
 * published or edited (never per view). The full-text table `article_search` differs per engine
 * and is only reached through raw SQL in search.queries.ts.
 */
export interface ArticleRelatedTable {
  article_id: number;
  /** 0 for the closest. */
  position: number;
  related_id: number;
}
