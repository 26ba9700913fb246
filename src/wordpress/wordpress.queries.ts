import type { DbOrTrx } from '../db/database.ts';
import type { WordPressKind } from './wordpress.table.ts';

/** What the given WordPress ids of a kind became here (wp id → our id), for those imported. */
export async function listImported(
  db: DbOrTrx,
  kind: WordPressKind,
  wpIds: readonly number[],
): Promise<Map<number, number>> {
  const found = new Map<number, number>();
  for (let i = 0; i < wpIds.length; i += 500) {
    const rows = await db
      .selectFrom('wordpress_imports')
      .select(['wp_id', 'our_id'])
      .where('kind', '=', kind)
      .where('wp_id', 'in', wpIds.slice(i, i + 500))
      .execute();
    for (const row of rows) found.set(Number(row.wp_id), Number(row.our_id));
  }
  return found;
}

/** Records what a WordPress object became; a second record of the same object is ignored. */
export async function insertImported(
  db: DbOrTrx,
  rows: { kind: WordPressKind; wpId: number; ourId: number }[],
  now: Date,
): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('wordpress_imports')
    .values(
      rows.map((r) => ({
        kind: r.kind,
        wp_id: r.wpId,
        our_id: r.ourId,
        imported_at: now.toISOString(),
      })),
    )
    .onConflict((oc) => oc.columns(['kind', 'wp_id']).doNothing())
    .execute();
}

/** Forgets a mapping row (the « reindex pending » mark once the reindex is done). */
export async function deleteImported(
  db: DbOrTrx,
  kind: WordPressKind,
  wpId: number,
): Promise<void> {
  await db
    .deleteFrom('wordpress_imports')
    .where('kind', '=', kind)
    .where('wp_id', '=', wpId)
    .execute();
}

/** How many objects of each kind were imported, over every run. */
export async function countImported(db: DbOrTrx): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('wordpress_imports')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}
