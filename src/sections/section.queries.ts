import type { Db, DbOrTrx } from '../db/database.ts';
import type { NewSection, Section } from './section.table.ts';

/** All sections in their display order. */
export async function listSections(db: Db): Promise<Section[]> {
  return db.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute();
}

/** The section with this slug, if any. */
export async function findSectionBySlug(db: Db, slug: string): Promise<Section | undefined> {
  return db.selectFrom('sections').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Inserts a section and returns it. */
export async function insertSection(db: DbOrTrx, section: NewSection): Promise<Section> {
  return db.insertInto('sections').values(section).returningAll().executeTakeFirstOrThrow();
}
