import type { Kysely } from 'kysely';

/**
 * Visits through an article's short link (`/a/<id>`, the link of WhatsApp messages), per
 * article per newsroom day. Written in batches by each instance, never once per visit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('short_link_visits')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('short_link_visits_pk', ['article_id', 'day'])
    .execute();
  await db.schema
    .createIndex('short_link_visits_day')
    .on('short_link_visits')
    .column('day')
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('short_link_visits').execute();
}
