import type { Kysely } from 'kysely';
import { columnTypes } from '../schema-helpers.ts';

/**
 * Live coverage (« En direct »): an article may be a live page (`articles.live`, and
 * `live_ended_at` once « Terminé »), and its timestamped entries, posted by several journalists.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .alterTable('articles')
    .addColumn('live', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('articles').addColumn('live_started_at', t.timestamp).execute();
  await db.schema.alterTable('articles').addColumn('live_ended_at', t.timestamp).execute();
  await db.schema
    .createTable('live_entries')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp)
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('live_entries_article_idx')
    .on('live_entries')
    .columns(['article_id', 'id'])
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('live_entries').execute();
  await db.schema.alterTable('articles').dropColumn('live_ended_at').execute();
  await db.schema.alterTable('articles').dropColumn('live_started_at').execute();
  await db.schema.alterTable('articles').dropColumn('live').execute();
}
