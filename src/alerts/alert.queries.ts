import type { DbOrTrx, Trx } from '../db/database.ts';
import type { NewSiteAlert, SiteAlertRow } from './alert.table.ts';

/** The alert up at this instant (the newest, should two overlap), if any. */
export async function findCurrentAlert(db: DbOrTrx, now: Date): Promise<SiteAlertRow | undefined> {
  const at = now.toISOString();
  return db
    .selectFrom('site_alerts')
    .selectAll()
    .where('lowered_at', 'is', null)
    .where('starts_at', '<=', at)
    .where('ends_at', '>', at)
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The alerts no longer up (ended or lowered), newest first. */
export async function listPastAlerts(
  db: DbOrTrx,
  { now, limit }: { now: Date; limit: number },
): Promise<SiteAlertRow[]> {
  const at = now.toISOString();
  return db
    .selectFrom('site_alerts')
    .selectAll()
    .where((eb) => eb.or([eb('lowered_at', 'is not', null), eb('ends_at', '<=', at)]))
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Inserts an alert and returns it. */
export async function insertAlert(trx: Trx, alert: NewSiteAlert): Promise<SiteAlertRow> {
  return trx.insertInto('site_alerts').values(alert).returningAll().executeTakeFirstOrThrow();
}

/** Takes down every alert still up at this instant; returns how many were. */
export async function lowerAlerts(
  trx: Trx,
  { now, by }: { now: Date; by: number | null },
): Promise<number> {
  const at = now.toISOString();
  const result = await trx
    .updateTable('site_alerts')
    .set({ lowered_at: at, lowered_by: by })
    .where('lowered_at', 'is', null)
    .where('ends_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
