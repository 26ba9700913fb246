/** The `short_link_visits` table: visits through `/a/<id>` per article per newsroom day (YYYY-MM-DD). */
export interface ShortLinkVisitTable {
  article_id: number;
  day: string;
  visits: number;
}
