import { isRobot, type Viewer } from '../ads/ad-delivery.ts';
import type { PageCache } from '../cache/page-cache.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { newsroomDayBounds } from '../web/dates.ts';
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
  let pending = new Map<string, number>();
  // The newsroom day of an instant; Intl is slow, so the answer is kept until the next midnight.
  let dayMemo = { timeZone: '', ...newsroomDayBounds(new Date(0), 'UTC') };

  const bump = (map: Map<string, number>, key: string, by = 1) =>
    map.set(key, (map.get(key) ?? 0) + by);

  async function flush(): Promise<void> {
    const batch = pending;
    if (!batch.size) return;
    pending = new Map();
    const rows = [...batch].map(([key, visits]) => {
      const [id, day] = key.split('|');
      return { articleId: Number(id), day: day!, visits };
    });
    try {
      await db.transaction().execute((trx) => addShortLinkVisits(trx, rows));
    } catch (err) {
      // Keep what could not be written for the next try rather than lose it.
      for (const [k, n] of batch) bump(pending, k, n);
      throw err;
    }
  }

  return {
    flush,
    async count(articleId, viewer) {
      if (isRobot(viewer)) return;
      const now = clock.now();
      const { timeZone } = (await cache.snapshot()).settings;
      if (timeZone !== dayMemo.timeZone || now < dayMemo.from || now >= dayMemo.to)
        dayMemo = { timeZone, ...newsroomDayBounds(now, timeZone) };
      bump(pending, `${articleId}|${dayMemo.day}`);
    },
  };
}
