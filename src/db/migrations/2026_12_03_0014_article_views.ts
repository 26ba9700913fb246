import type { Kysely } from 'kysely';

/**
 * Article views, counted per article, newsroom day and UTC hour: the day for the newsroom's
 * charts, the hour for « Les plus lus » over the last 24 hours. No reader is identified: a row
 * is a number of views, nothing else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('article_views')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('day', 'text', (c) => c.notNull())
    // The UTC hour the views fell in, `YYYY-MM-DDTHH`; an hour that straddles the newsroom's
    // midnight (half-hour time zones) has a row on each side.
    .addColumn('hour', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('article_views_pk', ['article_id', 'hour', 'day'])
    .execute();
  await db.schema
    .createIndex('article_views_hour')
    .on('article_views')
    .columns(['hour', 'article_id'])
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_views').execute();
}
