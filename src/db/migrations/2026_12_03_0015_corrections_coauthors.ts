import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../schema-helpers.ts';

/**
 * Dated corrections, several per article, instead of the one `articles.correction` note (each
 * existing note becomes a correction dated from the article's last « mis à jour », else its
 * publication); and co-authors: an ordered list of newsroom members plus an agency line.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('article_corrections')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('published_at', t.timestamp, (c) => c.notNull())
    .addColumn('added_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('article_corrections_article_idx')
    .on('article_corrections')
    .columns(['article_id', 'published_at'])
    .execute();
  await db.schema
    .createIndex('article_corrections_published_idx')
    .on('article_corrections')
    .column('published_at')
    .execute();
  await sql`insert into article_corrections (article_id, text, published_at)
    select id, correction, coalesce(updated_at, published_at, saved_at, created_at)
    from articles where correction <> ''`.execute(db);
  await db.schema.alterTable('articles').dropColumn('correction').execute();

  await db.schema
    .createTable('article_coauthors')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_coauthors_pk', ['article_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('article_coauthors_user_idx')
    .on('article_coauthors')
    .column('user_id')
    .execute();
  await db.schema
    .alterTable('articles')
    .addColumn('agency', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

/** Puts the single correction note back (the newest correction of each article). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').dropColumn('agency').execute();
  await db.schema.dropTable('article_coauthors').execute();
  await db.schema
    .alterTable('articles')
    .addColumn('correction', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update articles set correction = coalesce((select c.text from article_corrections c
    where c.article_id = articles.id order by c.published_at desc, c.id desc limit 1), '')`.execute(
    db,
  );
  await db.schema.dropTable('article_corrections').execute();
}
