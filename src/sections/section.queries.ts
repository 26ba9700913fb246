import type { DbOrTrx, Trx } from '../db/database.ts';
import type { NewSection, Section } from './section.table.ts';

/** All sections in their display order. */
export async function listSections(db: DbOrTrx): Promise<Section[]> {
  return db.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute();
}

/** The section with this slug, if any. */
export async function findSectionBySlug(db: DbOrTrx, slug: string): Promise<Section | undefined> {
  return db.selectFrom('sections').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** The section with this id, if any. */
export async function findSection(db: DbOrTrx, id: number): Promise<Section | undefined> {
  return db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a section and returns it. */
export async function insertSection(db: DbOrTrx, section: NewSection): Promise<Section> {
  return db.insertInto('sections').values(section).returningAll().executeTakeFirstOrThrow();
}

/** Changes a section's name, slug and description; false when it does not exist. */
export async function updateSection(
  trx: Trx,
  id: number,
  changes: { name: string; slug: string; description: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('sections')
    .set(changes)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Renumbers the sections' positions 0, 1, 2… in the given order of ids. */
export async function updateSectionPositions(trx: Trx, orderedIds: number[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await trx.updateTable('sections').set({ position }).where('id', '=', id).execute();
  }
}

/** Records that a section used to answer at oldSlug (a later rename of another wins). */
export async function insertSlugRedirect(
  trx: Trx,
  oldSlug: string,
  sectionId: number,
): Promise<void> {
  await trx
    .insertInto('section_slug_redirects')
    .values({ old_slug: oldSlug, section_id: sectionId })
    .onConflict((oc) => oc.column('old_slug').doUpdateSet({ section_id: sectionId }))
    .execute();
}

/** The id of the section that used to answer at this slug, if any. */
export async function findSectionIdByOldSlug(
  db: DbOrTrx,
  slug: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('section_slug_redirects')
    .select('section_id')
    .where('old_slug', '=', slug)
    .executeTakeFirst();
  return row?.section_id;
}

/** Forgets an old slug, for when a section takes it again. */
export async function deleteSlugRedirect(trx: Trx, slug: string): Promise<void> {
  await trx.deleteFrom('section_slug_redirects').where('old_slug', '=', slug).execute();
}

/** How many articles, whatever their status, belong to a section. */
export async function countArticlesInSection(db: DbOrTrx, id: number): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('section_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
