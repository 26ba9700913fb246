/** The `article_views` table: views per article, newsroom day (YYYY-MM-DD) and UTC hour. */
export interface ArticleViewTable {
  article_id: number;
  day: string;
  /** `YYYY-MM-DDTHH`, UTC. */
  hour: string;
  views: number;
}
