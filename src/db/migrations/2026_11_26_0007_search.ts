import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../schema-helpers.ts';

/**
 * The full-text index of published articles and their precomputed related articles. The index
 * is the one place the engines truly differ: an FTS5 table of our own French stems on SQLite,
 * a weighted tsvector with a GIN index on PostgreSQL. `griot reindex` (and start on an empty
 * index) fills it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await db.schema
      .createTable('article_search')
      .addColumn('article_id', 'integer', (c) =>
        c.primaryKey().references('articles.id').onDelete('cascade'),
      )
      .addColumn('document', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index article_search_document_idx on article_search using gin (document)`.execute(
      db,
    );
  } else {
    // rowid is the article id; each column holds the stems of that field, space-separated.
    await sql`create virtual table article_search using fts5(title, kicker, standfirst, body, tokenize = 'ascii')`.execute(
      db,
    );
  }
  await db.schema
    .createTable('article_related')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    /** 0 for the closest. */
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('related_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('article_related_pk', ['article_id', 'position'])
    .execute();
  await db.schema
    .createIndex('article_related_related_idx')
    .on('article_related')
    .column('related_id')
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_related').execute();
  await db.schema.dropTable('article_search').execute();
}
