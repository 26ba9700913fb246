import type { Db, DbOrTrx } from '../db/database.ts';
import { siteSettingsFromRows, siteSettingsToRows, type SiteSettings } from './site-settings.ts';

/** Loads the site settings, defaults filled in. */
export async function findSiteSettings(db: Db): Promise<SiteSettings> {
  return siteSettingsFromRows(await db.selectFrom('settings').select(['key', 'value']).execute());
}

/** Stores the given settings (insert or replace). */
export async function updateSiteSettings(
  db: DbOrTrx,
  settings: Partial<SiteSettings>,
): Promise<void> {
  for (const row of siteSettingsToRows(settings)) {
    await db
      .insertInto('settings')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value }))
      .execute();
  }
}
