import type { Db, DbOrTrx } from '../db/database.ts';

/** Views counted on one instance since its last flush, for one article, day and hour. */
export interface ViewCount {
  articleId: number;
  day: string;
  hour: string;
  views: number;
}

/** Adds views to the articles' hourly counts; views of an article deleted since are dropped. */
export async function addArticleViews(db: DbOrTrx, rows: ViewCount[]): Promise<void> {
  if (!rows.length) return;
  const ids = [...new Set(rows.map((r) => r.articleId))];
  const existing = new Set(
    (await db.selectFrom('articles').select('id').where('id', 'in', ids).execute()).map(
      (r) => r.id,
    ),
  );
  const kept = rows.filter((r) => existing.has(r.articleId));
  // A few statements for a flush of any size (a busy day's flush names a thousand articles).
  for (let i = 0; i < kept.length; i += ROWS_PER_INSERT)
    await db
      .insertInto('article_views')
      .values(
        kept.slice(i, i + ROWS_PER_INSERT).map((r) => ({
          article_id: r.articleId,
          day: r.day,
          hour: r.hour,
          views: r.views,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['article_id', 'hour', 'day']).doUpdateSet((eb) => ({
          views: eb('article_views.views', '+', eb.ref('excluded.views')),
        })),
      )
      .execute();
}

// Rows per statement: 4 values each, well under both engines' limit on parameters.
const ROWS_PER_INSERT = 250;

/** One line of « Les plus lus ». */
export interface MostReadRow {
  id: number;
  title: string;
  slug: string;
  section: { slug: string; name: string };
  views: number;
}

/** The published articles most viewed from an hour on (`YYYY-MM-DDTHH`), most first. */
export async function listMostRead(
  db: Db,
  { sinceHour, limit, among }: { sinceHour: string; limit: number; among?: number[] },
): Promise<MostReadRow[]> {
  const rows = await db
    .selectFrom('article_views as v')
    .innerJoin('articles as a', 'a.id', 'v.article_id')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select((eb) => [
      'a.id',
      'a.title',
      'a.slug',
      's.slug as section_slug',
      's.name as section_name',
      eb.fn.sum<number | string>('v.views').as('views'),
    ])
    .where('v.hour', '>=', sinceHour)
    .where('a.status', '=', 'published')
    .$if(among !== undefined, (qb) => qb.where('a.id', 'in', among!))
    .groupBy(['a.id', 'a.title', 'a.slug', 's.slug', 's.name'])
    // Ties go to the newer article.
    .orderBy('views', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    slug: r.slug,
    section: { slug: r.section_slug, name: r.section_name },
    views: Number(r.views),
  }));
}

/** An article's views per newsroom day, from a day on (days without views are absent). */
export async function listArticleViewDays(
  db: Db,
  articleId: number,
  fromDay: string,
): Promise<{ day: string; views: number }[]> {
  const rows = await db
    .selectFrom('article_views')
    .select((eb) => ['day', eb.fn.sum<number | string>('views').as('views')])
    .where('article_id', '=', articleId)
    .where('day', '>=', fromDay)
    .groupBy('day')
    .orderBy('day')
    .execute();
  return rows.map((r) => ({ day: r.day, views: Number(r.views) }));
}

/** An article's views in all. */
export async function countArticleViews(db: Db, articleId: number): Promise<number> {
  const row = await db
    .selectFrom('article_views')
    .select((eb) => eb.fn.sum<number | string>('views').as('views'))
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  return Number(row?.views ?? 0);
}

/** Whether any view was ever counted (the demo seeds views only into a site without any). */
export async function hasArticleViews(db: Db): Promise<boolean> {
  return (await db.selectFrom('article_views').select('article_id').limit(1).execute()).length > 0;
}

/** Inserts hourly counts in bulk (the demo's); the rows must not exist yet. */
export async function insertArticleViews(db: DbOrTrx, rows: ViewCount[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('article_views')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          article_id: r.articleId,
          day: r.day,
          hour: r.hour,
          views: r.views,
        })),
      )
      .execute();
}
