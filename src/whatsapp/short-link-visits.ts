import { isRobot, type Viewer } from '../ads/ad-delivery.ts';
import type { PageCache } from '../cache/page-cache.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { pendingCounts, splitCountKey, writePendingCounts } from '../db/pending-counts.ts';
import { newsroomDayOf } from '../web/dates.ts';
import { addShortLinkVisits } from './short-link.queries.ts';

/** Pending short-link visits are written at least this often. */
export const SHORT_LINK_FLUSH_MS = 5_000;

/**
 * Per-instance counting of visits through short links: a visit only bumps a number in memory
 * (a big day's thousands of taps from a WhatsApp channel cost no database write each); the
 * numbers are added to the database in one transaction on a timer and when the app closes.
 */
export interface ShortLinkCounter {
  /** Counts a visit to an article's short link, unless a robot or a prefetch made it. */
  count(articleId: number, viewer: Viewer): Promise<void>;
  /** Writes the visits counted so far. */
  flush(): Promise<void>;
}

/** Creates the short-link counter of one app instance. */
export function createShortLinkCounter({
  db,
  cache,
  clock,
}: {
  db: Db;
  cache: PageCache;
  clock: Clock;
}): ShortLinkCounter {
  // Visits not yet written, by `articleId|day`.
  const pending = pendingCounts();
  const newsroomDay = newsroomDayOf();

  async function flush(): Promise<void> {
    if (!pending.size) return;
    await writePendingCounts([pending], ([batch]) => {
      const rows = [...batch!].map(([key, visits]) => {
        const [articleId, day] = splitCountKey(key);
        return { articleId, day, visits };
      });
      return db.transaction().execute((trx) => addShortLinkVisits(trx, rows));
    });
  }

  return {
    flush,
    async count(articleId, viewer) {
      if (isRobot(viewer)) return;
      const { timeZone } = (await cache.snapshot()).settings;
      pending.add(`${articleId}|${newsroomDay(clock.now(), timeZone)}`);
    },
  };
}
