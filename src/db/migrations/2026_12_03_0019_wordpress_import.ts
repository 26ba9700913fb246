import type { Kysely } from 'kysely';
import { columnTypes } from '../schema-helpers.ts';

/**
 * The WordPress import (`griot import-wordpress`): what each WordPress id became here, so a
 * second run skips it and an interrupted one resumes; and the old addresses that answer a 301
 * (`/?p=12`, `/2024/05/12/slug/`, `/category/x/`…), looked up only when none of our routes
 * answered.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { timestamp } = columnTypes(db);
  await db.schema
    .createTable('wordpress_imports')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('wp_id', 'integer', (c) => c.notNull())
    .addColumn('our_id', 'integer', (c) => c.notNull())
    .addColumn('imported_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('wordpress_imports_pk', ['kind', 'wp_id'])
    .execute();
  await db.schema
    .createTable('redirects')
    .addColumn('path', 'text', (c) => c.primaryKey())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('redirects').execute();
  await db.schema.dropTable('wordpress_imports').execute();
}
