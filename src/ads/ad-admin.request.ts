import { z } from 'zod';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import type { Trx } from '../db/database.ts';
import type { RouteDeps } from '../http/deps.ts';
import { flagQuery } from '../http/schemas.ts';

/**
 * The policy of every ads admin route: editors and admins. The newsroom checks it on request,
 * so a member without the right is refused before any body (or creative file) is read.
 */
export const adsConfig = { policy: 'manage-ads' } as const;

/** The query of a page a redirect may flag with a message (`?fait=…`). */
export const flashQuery = z.object({ fait: flagQuery });

/**
 * Applies a change readers see (slots carry the house ads, sponsors may be named) in one
 * transaction with the content version, then empties this instance's page cache.
 */
export async function changeReaderContent<R>(
  deps: Pick<RouteDeps, 'db' | 'cache'>,
  work: (trx: Trx) => Promise<R>,
): Promise<R> {
  const result = await deps.db.transaction().execute(async (trx) => {
    const r = await work(trx);
    await bumpContentVersion(trx);
    return r;
  });
  deps.cache.invalidate();
  return result;
}
