import type { Db } from '../db/database.ts';
import { newsroomDay } from '../web/dates.ts';
import { addShortLinkVisits } from '../whatsapp/short-link.queries.ts';

/**
 * A week of visits through the short links of the newest articles, as the desk's WhatsApp
 * channel would bring them, so the « Canal WhatsApp » page shows figures on a fresh demo.
 * Added once: nothing is added when any visit is already recorded.
 */
export async function seedDemoShortLinkVisits(
  db: Db,
  { now, timeZone }: { now: Date; timeZone: string },
): Promise<number> {
  if (await db.selectFrom('short_link_visits').select('article_id').limit(1).executeTakeFirst())
    return 0;
  const newest = await db
    .selectFrom('articles')
    .select(['id', 'published_at'])
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .limit(6)
    .execute();
  const rows: { articleId: number; day: string; visits: number }[] = [];
  for (const [rank, a] of newest.entries()) {
    if (!a.published_at) continue;
    const first = newsroomDay(a.published_at, timeZone);
    for (let back = 0; back < 7; back++) {
      const day = newsroomDay(new Date(now.getTime() - back * 86_400_000).toISOString(), timeZone);
      if (day < first) continue;
      // Most visits on the day a story is posted, fewer after; the lead story the most.
      const visits = Math.round((420 - rank * 55) / (1 + back * 1.8));
      if (visits > 0) rows.push({ articleId: a.id, day, visits });
    }
  }
  await addShortLinkVisits(db, rows);
  return rows.length;
}
