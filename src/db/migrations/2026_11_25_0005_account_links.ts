import type { Kysely } from 'kysely';
import { columnTypes } from '../schema-helpers.ts';

/** One-time links that let a newsroom member choose a password: invitations and resets. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('account_links')
    /** SHA-256 of the token in the link: a database leak yields no usable link. */
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    /** 'invitation' or 'password-reset'. */
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('account_links_user_idx')
    .on('account_links')
    .column('user_id')
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('account_links').execute();
}
