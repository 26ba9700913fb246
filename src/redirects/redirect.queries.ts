import type { DbOrTrx } from '../db/database.ts';
import type { NewRedirect } from './redirect.table.ts';

/** Where an old address moved, if it is one we know. */
export async function findRedirectTarget(db: DbOrTrx, path: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('redirects')
    .select('target')
    .where('path', '=', path)
    .executeTakeFirst();
  return row?.target;
}

/** Adds old addresses; one already known keeps its target (the first import to claim it). */
export async function insertRedirects(db: DbOrTrx, rows: NewRedirect[]): Promise<number> {
  if (!rows.length) return 0;
  const result = await db
    .insertInto('redirects')
    .values(rows)
    .onConflict((oc) => oc.column('path').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** How many old addresses are known. */
export async function countRedirects(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('redirects')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
