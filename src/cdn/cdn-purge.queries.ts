import type { Db } from '../db/database.ts';
import type { CdnPurgeCursor } from './cdn-purge.table.ts';

/** A target's cursor, made at `version` (the current content version) the first time. */
export async function ensurePurgeCursor(
  db: Db,
  target: string,
  version: number,
  now: Date,
): Promise<void> {
  await db
    .insertInto('cdn_purge_cursors')
    .values({ target, version, attempts: 0, next_attempt_at: now.toISOString() })
    .onConflict((oc) => oc.column('target').doNothing())
    .execute();
}

/**
 * Takes a target's cursor for `leaseMs` when it is due and no other worker holds it; undefined
 * otherwise. Settling it needs the same lease (see settlePurgeCursor).
 */
export async function claimPurgeCursor(
  db: Db,
  target: string,
  now: Date,
  leaseMs: number,
): Promise<CdnPurgeCursor | undefined> {
  const at = now.toISOString();
  return db
    .updateTable('cdn_purge_cursors')
    .set({ locked_until: new Date(now.getTime() + leaseMs).toISOString() })
    .where('target', '=', target)
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
    .returningAll()
    .executeTakeFirst();
}

/**
 * Records the outcome of a claim, only while that claim still holds the cursor (a worker whose
 * lease ran out never moves a cursor another has taken since): moved on to `version` after an
 * accepted purge, or left where it was with a later try after a failure.
 */
export async function settlePurgeCursor(
  db: Db,
  claim: CdnPurgeCursor,
  outcome: { purgedTo: number; now: Date } | { failed: string; retryAt: Date } | { idle: true },
): Promise<boolean> {
  const values =
    'purgedTo' in outcome
      ? {
          version: outcome.purgedTo,
          attempts: 0,
          last_error: null,
          purged_at: outcome.now.toISOString(),
        }
      : 'failed' in outcome
        ? {
            attempts: claim.attempts + 1,
            last_error: outcome.failed.slice(0, 1000),
            next_attempt_at: outcome.retryAt.toISOString(),
          }
        : {};
  const result = await db
    .updateTable('cdn_purge_cursors')
    .set({ ...values, locked_until: null })
    .where('target', '=', claim.target)
    .where('locked_until', '=', claim.locked_until)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every target's cursor, for the operator (healthz, admin). */
export function listPurgeCursors(db: Db): Promise<CdnPurgeCursor[]> {
  return db.selectFrom('cdn_purge_cursors').selectAll().orderBy('target').execute();
}
