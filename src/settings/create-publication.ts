import { insertMissingAdSlots } from '../ads/ad-delivery.queries.ts';
import { defaultSlots } from '../ads/default-slots.ts';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import type { Db } from '../db/database.ts';
import { defaultSiteSettings, siteSettingsToRows } from './site-settings.ts';

/**
 * Gives an empty database the structure of a publication, without any demo content: the
 * default site settings (written out, so the settings page and every instance read the same)
 * and the usual ad slots, each showing its house ad. What exists is kept; returns whether
 * anything was added.
 */
export async function createPublication(db: Db, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    let added = 0;
    for (const row of siteSettingsToRows(defaultSiteSettings)) {
      const inserted = await trx
        .insertInto('settings')
        .values(row)
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .executeTakeFirst();
      if (inserted) added++;
    }
    added += await insertMissingAdSlots(trx, defaultSlots(now));
    if (added) await bumpContentVersion(trx);
    return added > 0;
  });
}
