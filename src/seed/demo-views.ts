import { hourKey } from '../articles/article-views.ts';
import {
  hasArticleViews,
  insertArticleViews,
  type ViewCount,
} from '../articles/article-views.queries.ts';
import type { Db } from '../db/database.ts';
import { newsroomDay } from '../web/dates.ts';

/** How far back the demo's view counts go. */
const DEMO_VIEW_DAYS = 14;

// Readers by hour of the day in the Sahel (UTC+0/+1): quiet at night, a morning and an
// evening peak on the phone.
const RHYTHM = [1, 1, 1, 1, 2, 4, 7, 9, 8, 7, 6, 6, 7, 6, 5, 5, 6, 7, 9, 10, 9, 6, 3, 2];

/**
 * Seeds view counts for the demo's published articles, so « Les plus lus », the dashboard and
 * each article's chart show something: an audience that peaks the day an article comes out
 * and fades after, some stories drawing more than others. Deterministic, and only into a site
 * where no view was ever counted.
 */
export async function seedDemoViews(
  db: Db,
  { now, timeZone }: { now: Date; timeZone: string },
): Promise<number> {
  if (await hasArticleViews(db)) return 0;
  const articles = await db
    .selectFrom('articles')
    .select(['id', 'published_at'])
    .where('status', '=', 'published')
    .where('published_at', '<=', now.toISOString())
    .orderBy('published_at', 'desc')
    .limit(16)
    .execute();
  const rows: ViewCount[] = [];
  const start = now.getTime() - DEMO_VIEW_DAYS * 86_400_000;
  for (const [i, a] of articles.entries()) {
    // Some stories draw crowds (the 2nd and 5th newest), others a few readers.
    const pull = [40, 90, 25, 30, 70, 20, 15, 35, 12, 18, 10, 22, 8, 14, 9, 11][i] ?? 8;
    const published = Date.parse(a.published_at!);
    for (let t = Math.max(start, published); t <= now.getTime(); t += 3_600_000) {
      const at = new Date(t);
      const ageHours = (t - published) / 3_600_000;
      const views = Math.round(
        (pull * RHYTHM[at.getUTCHours()]! * Math.exp(-ageHours / 30)) / 6 + ((i + t / 3.6e6) % 3),
      );
      if (views > 0)
        rows.push({
          articleId: a.id,
          day: newsroomDay(at.toISOString(), timeZone),
          hour: hourKey(at),
          views,
        });
    }
  }
  await insertArticleViews(db, rows);
  return rows.length;
}
