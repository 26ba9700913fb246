import type { Kysely } from 'kysely';

/**
 * Where each CDN purge target has got to in the content change log (content_changes): the log
 * is the outbox of purges, written in the transaction of each change; a target's cursor moves on
 * only once its purge was accepted, so a purge is never lost while the cache is down. One row
 * per target, claimed with a lease by one instance at a time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cdn_purge_cursors')
    .addColumn('target', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('purged_at', 'text')
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cdn_purge_cursors').execute();
}
