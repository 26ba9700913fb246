import type { Kysely } from 'kysely';

/**
 * The log of content changes, by the keys they touched: what each instance reads to drop
 * exactly the cached pages that show a changed record (see cache/page-cache.ts). One row per
 * key per change, numbered by the content version the change took.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('content_changes')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('content_changes_version_idx')
    .on('content_changes')
    .column('version')
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('content_changes').execute();
}
