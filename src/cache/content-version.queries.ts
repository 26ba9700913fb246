import type { Db, DbOrTrx } from '../db/database.ts';

const SCOPE = 'content';

/** The current content version: it changes whenever anything a reader sees changes. */
export async function findContentVersion(db: Db): Promise<number> {
  const row = await db
    .selectFrom('content_versions')
    .select('version')
    .where('scope', '=', SCOPE)
    .executeTakeFirst();
  return row?.version ?? 0;
}

/** Bumps the content version; call it in the transaction that changes reader-visible content. */
export async function bumpContentVersion(db: DbOrTrx): Promise<void> {
  await db
    .insertInto('content_versions')
    .values({ scope: SCOPE, version: 1 })
    .onConflict((oc) =>
      oc.column('scope').doUpdateSet((eb) => ({ version: eb('content_versions.version', '+', 1) })),
    )
    .execute();
}
