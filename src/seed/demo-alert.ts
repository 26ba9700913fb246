import { insertAlert } from '../alerts/alert.queries.ts';
import type { Db } from '../db/database.ts';

const HOUR = 3_600_000;

/**
 * A past alert for the demo: raised two days before the seed and ended three hours later, so
 * the « Alerte » page has a history and reader pages show no banner. Added once.
 */
export async function seedDemoAlert(db: Db, { now, by }: { now: Date; by: number | null }) {
  const any = await db.selectFrom('site_alerts').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const start = new Date(now.getTime() - 48 * HOUR);
  await db.transaction().execute((trx) =>
    insertAlert(trx, {
      text: 'Coupure de la RN1 entre Niamey et Tillabéri : la circulation est interrompue',
      link_url: '/securite',
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + 3 * HOUR).toISOString(),
      lowered_at: null,
      created_by: by,
      lowered_by: null,
    }),
  );
  return 1;
}
