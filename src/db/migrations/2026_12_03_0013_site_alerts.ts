import type { Kysely } from 'kysely';
import { columnTypes } from '../schema-helpers.ts';

/** Site alerts: the one-line banner the desk raises over every reader page, and its history. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('site_alerts')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('link_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('lowered_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('lowered_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('site_alerts_ends_at_idx')
    .on('site_alerts')
    .column('ends_at')
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('site_alerts').execute();
}
