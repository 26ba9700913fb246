import type { DbOrTrx } from '../db/database.ts';
import { countRateLimitHit, refundRateLimitHit } from './rate-limit.queries.ts';

/** A limit on how many requests one client may make in a window. */
export interface RateLimit {
  /** Names the limit's counters; each limit has its own. */
  scope: string;
  /** Requests allowed per window. */
  max: number;
  windowMs: number;
}

/** One request as a limit counted it. */
export interface RateLimitHit {
  allowed: boolean;
  /** When the client's window ends (ISO), which also names it for a refund. */
  resetsAt: string;
}

/**
 * Counts a request of a client under a limit, shared by every instance on the database: the
 * first `max` requests of a window are allowed, the others refused until it ends. A window
 * opens with the client's first request. `clientHash` is a keyed hash (clientKey), never an
 * address.
 */
export async function hitRateLimit(
  db: DbOrTrx,
  limit: RateLimit,
  { clientHash, now }: { clientHash: string; now: Date },
): Promise<RateLimitHit> {
  const { hits, resetsAt } = await countRateLimitHit(db, {
    scope: limit.scope,
    keyHash: clientHash,
    now,
    windowMs: limit.windowMs,
  });
  return { allowed: hits <= limit.max, resetsAt };
}

/** Gives back an allowed request the limit should not count after all (a repeat, say). */
export async function refundRateLimit(
  db: DbOrTrx,
  limit: RateLimit,
  { clientHash, hit }: { clientHash: string; hit: RateLimitHit },
): Promise<void> {
  await refundRateLimitHit(db, { scope: limit.scope, keyHash: clientHash, resetsAt: hit.resetsAt });
}
