import type { Db, DbOrTrx } from '../db/database.ts';
import {
  liveArticles,
  summaryColumns,
  toSummary,
  type SummaryRow,
} from '../articles/article.queries.ts';
import type { ArticleSummary } from '../articles/article.ts';

/** The address parts of a published article, by id; undefined when unknown or not published. */
export async function findLiveArticleAddress(
  db: Db,
  id: number,
): Promise<{ slug: string; section: { slug: string } } | undefined> {
  const row = await liveArticles(db)
    .select(['a.slug', 's.slug as section_slug'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row && { slug: row.slug, section: { slug: row.section_slug } };
}

/** Articles published in [from, to), newest first, as reader lists show them. */
export async function listPublishedInDay(
  db: Db,
  { from, to, limit }: { from: Date; to: Date; limit: number },
): Promise<ArticleSummary[]> {
  const rows = (await liveArticles(db)
    .select(summaryColumns)
    .where('a.published_at', '>=', from.toISOString())
    .where('a.published_at', '<', to.toISOString())
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute()) as SummaryRow[];
  return rows.map(toSummary);
}

/**
 * Adds visits to articles' daily short-link counts, one statement per article and day; visits to
 * an article deleted since they were counted are dropped (they have no row to belong to).
 */
export async function addShortLinkVisits(
  db: DbOrTrx,
  rows: { articleId: number; day: string; visits: number }[],
): Promise<void> {
  if (!rows.length) return;
  const ids = [...new Set(rows.map((r) => r.articleId))];
  const existing = new Set(
    (await db.selectFrom('articles').select('id').where('id', 'in', ids).execute()).map(
      (r) => r.id,
    ),
  );
  for (const r of rows)
    if (existing.has(r.articleId))
      await db
        .insertInto('short_link_visits')
        .values({ article_id: r.articleId, day: r.day, visits: r.visits })
        .onConflict((oc) =>
          oc.columns(['article_id', 'day']).doUpdateSet((eb) => ({
            visits: eb('short_link_visits.visits', '+', eb.ref('excluded.visits')),
          })),
        )
        .execute();
}

/** Short-link visits per article: on the newsroom day `today`, and from `fromDay` to it. */
export async function sumShortLinkVisits(
  db: Db,
  { articleIds, today, fromDay }: { articleIds: number[]; today: string; fromDay: string },
): Promise<Map<number, { today: number; recent: number }>> {
  const counts = new Map<number, { today: number; recent: number }>();
  if (!articleIds.length) return counts;
  const rows = await db
    .selectFrom('short_link_visits')
    .select(['article_id', 'day', 'visits'])
    .where('article_id', 'in', articleIds)
    .where('day', '>=', fromDay)
    .where('day', '<=', today)
    .execute();
  for (const r of rows) {
    const c = counts.get(r.article_id) ?? { today: 0, recent: 0 };
    c.recent += Number(r.visits);
    if (r.day === today) c.today += Number(r.visits);
    counts.set(r.article_id, c);
  }
  return counts;
}
