import type { DbOrTrx } from '../db/database.ts';
import {
  moderationSettingKeys,
  moderationSettingsFromRows,
  moderationSettingsToRows,
  type ModerationSettings,
} from './moderation-settings.ts';

/** Loads the moderation rules' settings from the database (every instance reads the same). */
export async function findModerationSettings(db: DbOrTrx): Promise<ModerationSettings> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'in', moderationSettingKeys)
    .execute();
  return moderationSettingsFromRows(rows);
}

/** Stores the moderation rules' settings (insert or replace each key). */
export async function updateModerationSettings(
  db: DbOrTrx,
  settings: ModerationSettings,
): Promise<void> {
  for (const row of moderationSettingsToRows(settings)) {
    await db
      .insertInto('settings')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value }))
      .execute();
  }
}
