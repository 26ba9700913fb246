import { updateDueScheduledToPublished } from '../articles/article.queries.ts';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import type { PageCache } from '../cache/page-cache.ts';
import type { Db } from '../db/database.ts';
import type { Job } from './worker.ts';

/** Publishes scheduled articles whose time has come, even ones missed while the server was down. */
export function publishScheduledJob({ db, cache }: { db: Db; cache?: PageCache }): Job {
  return {
    name: 'publish-scheduled',
    async run(now) {
      const published = await db.transaction().execute(async (trx) => {
        const n = await updateDueScheduledToPublished(trx, now);
        if (n > 0) await bumpContentVersion(trx);
        return n;
      });
      if (published > 0) cache?.invalidate();
      return published;
    },
  };
}
