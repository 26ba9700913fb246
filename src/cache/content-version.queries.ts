import type { Db, DbOrTrx } from '../db/database.ts';

const SCOPE = 'content';

/**
 * The key every page depends on: the layout's settings, sections, logo and ad slots. A change
 * bumped with it drops every cached page.
 */
export const SITE_KEY = 'site';

/** A change seen in the log: the content version it took, and one key it touched. */
export interface ContentChange {
  version: number;
  key: string;
}

/** The current content version: it changes whenever anything a reader sees changes. */
export async function findContentVersion(db: Db): Promise<number> {
  const row = await db
    .selectFrom('content_versions')
    .select('version')
    .where('scope', '=', SCOPE)
    .executeTakeFirst();
  return row?.version ?? 0;
}

/**
 * Records a change readers can see, naming what it touched (an article, its section's list, the
 * home list…; SITE_KEY for the layout) so each instance drops only the pages that show it. Call
 * it in the transaction that makes the change: the counter's row lock orders the changes, so an
 * instance that reads version N has seen every change numbered up to N.
 */
export async function bumpContentVersion(
  db: DbOrTrx,
  keys: readonly string[] = [SITE_KEY],
): Promise<void> {
  const unique = [...new Set(keys)];
  if (!unique.length) return;
  const { version } = await db
    .insertInto('content_versions')
    .values({ scope: SCOPE, version: 1 })
    .onConflict((oc) =>
      oc.column('scope').doUpdateSet((eb) => ({ version: eb('content_versions.version', '+', 1) })),
    )
    .returning('version')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('content_changes')
    .values(unique.map((key) => ({ version, key })))
    .execute();
}

/** The changes after a version, oldest first (at most `limit` rows). */
export async function listContentChanges(
  db: Db,
  after: number,
  limit: number,
): Promise<ContentChange[]> {
  return db
    .selectFrom('content_changes')
    .select(['version', 'key'])
    .where('version', '>', after)
    .orderBy('version')
    .limit(limit)
    .execute();
}

/**
 * Forgets all but the last `keep` versions of the log. An instance further behind than that
 * (asleep, or just started) drops its whole cache instead of reading the log.
 */
export async function pruneContentChanges(db: Db, keep: number): Promise<number> {
  const current = await findContentVersion(db);
  const result = await db
    .deleteFrom('content_changes')
    .where('version', '<=', current - keep)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
