import type { Db } from '../db/database.ts';
import { newsroomDay, newsroomDayBounds } from '../web/dates.ts';
import { sumShortLinkVisits } from './short-link.queries.ts';

/** How many newsroom days « recent » visits cover, today included. */
export const RECENT_DAYS = 7;

/** The first newsroom day of the recent visits' window. */
export function recentVisitsFrom(now: Date, timeZone: string): string {
  return newsroomDay(
    new Date(now.getTime() - (RECENT_DAYS - 1) * 86_400_000).toISOString(),
    timeZone,
  );
}

/** An article's visits through its short link: today and over the last RECENT_DAYS days. */
export async function findArticleShortLinkVisits(
  db: Db,
  { articleId, now, timeZone }: { articleId: number; now: Date; timeZone: string },
): Promise<{ today: number; recent: number }> {
  const counts = await sumShortLinkVisits(db, {
    articleIds: [articleId],
    today: newsroomDayBounds(now, timeZone).day,
    fromDay: recentVisitsFrom(now, timeZone),
  });
  return counts.get(articleId) ?? { today: 0, recent: 0 };
}
