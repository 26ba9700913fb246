import type { DbOrTrx } from '../db/database.ts';

/**
 * Counts one request of a client under a limit and returns the window's count, in one
 * statement: the row is created, incremented, or (when its window has ended) started afresh
 * with this request, atomically on both engines, so requests racing on any instance each see
 * their own number.
 */
export async function countRateLimitHit(
  db: DbOrTrx,
  {
    scope,
    keyHash,
    now,
    windowMs,
  }: { scope: string; keyHash: string; now: Date; windowMs: number },
): Promise<{ hits: number; resetsAt: string }> {
  const row = await db
    .insertInto('rate_limits')
    .values({
      scope,
      key_hash: keyHash,
      hits: 1,
      resets_at: new Date(now.getTime() + windowMs).toISOString(),
    })
    .onConflict((oc) =>
      oc.columns(['scope', 'key_hash']).doUpdateSet((eb) => {
        // Both expressions read the row as it was before this update.
        const ended = eb('rate_limits.resets_at', '<=', now.toISOString());
        return {
          hits: eb
            .case()
            .when(ended)
            .then(eb.ref('excluded.hits'))
            .else(eb('rate_limits.hits', '+', 1))
            .end(),
          resets_at: eb
            .case()
            .when(ended)
            .then(eb.ref('excluded.resets_at'))
            .else(eb.ref('rate_limits.resets_at'))
            .end(),
        };
      }),
    )
    .returning(['hits', 'resets_at'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), resetsAt: row.resets_at };
}

/**
 * Takes back one counted request (it turned out to be one the limit does not count), unless
 * its window has ended since.
 */
export async function refundRateLimitHit(
  db: DbOrTrx,
  { scope, keyHash, resetsAt }: { scope: string; keyHash: string; resetsAt: string },
): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set((eb) => ({ hits: eb('hits', '-', 1) }))
    .where('scope', '=', scope)
    .where('key_hash', '=', keyHash)
    .where('resets_at', '=', resetsAt)
    .where('hits', '>', 0)
    .execute();
}

/** Removes the counters whose window has ended; returns how many. */
export async function deleteEndedRateLimits(db: DbOrTrx, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('rate_limits')
    .where('resets_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
