import type { Kysely } from 'kysely';
import { columnTypes } from '../schema-helpers.ts';

/**
 * Shared rate-limit counters: one row per limit and client (a keyed hash, never an address),
 * counting the client's requests in its current window. Every instance counts in the same row,
 * with one atomic statement a request.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('rate_limits')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('resets_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limits_pkey', ['scope', 'key_hash'])
    .execute();
  // The worker's pruning deletes windows that have ended.
  await db.schema
    .createIndex('rate_limits_resets_at_idx')
    .on('rate_limits')
    .column('resets_at')
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
