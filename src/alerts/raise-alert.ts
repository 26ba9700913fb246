import { bumpContentVersion, SITE_KEY } from '../cache/content-version.queries.ts';
import type { Db } from '../db/database.ts';
import { insertAlert, lowerAlerts } from './alert.queries.ts';
import type { SiteAlertRow } from './alert.table.ts';

/**
 * Raises the site alert (taking down the one up, if any). The banner is part of every page's
 * layout: the change is logged under the site key in the same transaction, so every instance
 * drops its cached pages and the CDN purge job purges them all.
 */
export async function raiseAlert(
  db: Db,
  alert: { text: string; linkUrl: string; endsAt: Date; now: Date; by: number | null },
): Promise<SiteAlertRow> {
  return db.transaction().execute(async (trx) => {
    await lowerAlerts(trx, { now: alert.now, by: alert.by });
    const row = await insertAlert(trx, {
      text: alert.text,
      link_url: alert.linkUrl,
      starts_at: alert.now.toISOString(),
      ends_at: alert.endsAt.toISOString(),
      lowered_at: null,
      created_by: alert.by,
      lowered_by: null,
    });
    await bumpContentVersion(trx, [SITE_KEY]);
    return row;
  });
}

/** Takes the site alert down before its end; false when none was up. Same invalidation. */
export async function lowerAlert(db: Db, { now, by }: { now: Date; by: number | null }) {
  return db.transaction().execute(async (trx) => {
    const lowered = await lowerAlerts(trx, { now, by });
    if (lowered > 0) await bumpContentVersion(trx, [SITE_KEY]);
    return lowered > 0;
  });
}
