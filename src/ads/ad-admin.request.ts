import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import type { Trx } from '../db/database.ts';
import type { RouteDeps } from '../http/deps.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { can } from '../users/policy.ts';

const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const flashQuery = z.object({ fait: z.string().max(30).optional().catch(undefined) });

/** Refuses members who may not manage ads; run on request, so before any body is read. */
export async function requireAdManager(request: FastifyRequest): Promise<void> {
  if (!can(request.user, 'manage-ads')) throw forbidden();
}

/** The id in a route's path; an id that cannot exist is simply not found. */
export function idOf(params: unknown): number {
  const parsed = idParams.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data.id;
}

/** The flash message a redirect names (`?fait=…`), if any. */
export function flashOf(query: unknown): string | undefined {
  const parsed = flashQuery.safeParse(query ?? {});
  return parsed.success ? parsed.data.fait : undefined;
}

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
