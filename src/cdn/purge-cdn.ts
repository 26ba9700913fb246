import type { FastifyBaseLogger } from 'fastify';
import {
  SITE_KEY,
  findContentVersion,
  listContentChanges,
} from '../cache/content-version.queries.ts';
import type { Db } from '../db/database.ts';
import type { Job } from '../jobs/worker.ts';
import { claimPurgeCursor, ensurePurgeCursor, settlePurgeCursor } from './cdn-purge.queries.ts';
import type { PurgeTarget } from './purge-targets.ts';

// How many change rows one run reads per target; a longer backlog is purged over several runs.
const BATCH_ROWS = 5_000;
// The lease on a cursor: longer than a run's calls can take (each gives up after 10 s).
const LEASE_MS = 60_000;
// After a failure: 1 s, 2 s, 4 s… up to a minute between tries, for as long as it takes.
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

/** The wait after `attempts` failed tries in a row. */
export function purgeRetryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * What to purge for the change rows read after `from`: the keys, and the version they bring the
 * cursor to. A gap in the versions (the log was pruned while the target lagged) purges
 * everything (`site`, on every page); so does a single change too large for one batch.
 */
export function planPurge(
  from: number,
  rows: { version: number; key: string }[],
  full: boolean,
): { keys: string[]; to: number } | null {
  if (!rows.length) return null;
  let taken = rows;
  // A full batch may end part-way through its last version: that version waits for the next run.
  if (full) {
    const last = rows[rows.length - 1]!.version;
    taken = rows.filter((r) => r.version !== last);
    if (!taken.length) return { keys: [SITE_KEY], to: last };
  }
  const to = taken[taken.length - 1]!.version;
  if (taken[0]!.version > from + 1) return { keys: [SITE_KEY], to };
  const keys = [...new Set(taken.map((r) => r.key))];
  return { keys: keys.includes(SITE_KEY) ? [SITE_KEY] : keys, to };
}

/**
 * Sends the CDN the keys of every change since its cursor, then moves the cursor on. Any
 * instance's worker may do it: the cursor's lease makes one do it at a time, and a failure (the
 * cache is down) leaves the cursor where it was, to be tried again with a growing wait.
 */
export function purgeCdnJob({
  db,
  targets,
  log,
}: {
  db: Db;
  targets: PurgeTarget[];
  log: FastifyBaseLogger;
}): Job {
  const ensured = new Set<string>();
  return {
    name: 'purge-cdn',
    async run(now) {
      let purged = 0;
      for (const target of targets) {
        if (!ensured.has(target.name)) {
          // A new target starts at the current version: what came before is not in its cache.
          await ensurePurgeCursor(db, target.name, await findContentVersion(db), now);
          ensured.add(target.name);
        }
        const claim = await claimPurgeCursor(db, target.name, now, LEASE_MS);
        if (!claim) continue;
        const rows = await listContentChanges(db, claim.version, BATCH_ROWS);
        const plan = planPurge(claim.version, rows, rows.length === BATCH_ROWS);
        if (!plan) {
          await settlePurgeCursor(db, claim, { idle: true });
          continue;
        }
        try {
          for (let i = 0; i < plan.keys.length; i += target.maxKeys)
            await target.purge(plan.keys.slice(i, i + target.maxKeys));
        } catch (err) {
          const attempts = claim.attempts + 1;
          const retryAt = new Date(now.getTime() + purgeRetryDelayMs(attempts));
          log.warn(
            { err, target: target.name, attempts, keys: plan.keys.length },
            'CDN purge failed; tried again later',
          );
          await settlePurgeCursor(db, claim, { failed: String(err), retryAt });
          continue;
        }
        if (await settlePurgeCursor(db, claim, { purgedTo: plan.to, now })) {
          purged += plan.keys.length;
        }
      }
      return purged;
    },
  };
}
