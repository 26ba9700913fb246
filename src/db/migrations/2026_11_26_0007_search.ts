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
      // Copied from the article so that counting and ranking matches never read `articles`.
      .addColumn('section_id', 'integer', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .execute();
    await sql`create index article_search_document_idx on article_search using gin (document)`.execute(
      db,
    );
  } else {
    // rowid is the article id; each column indexes the stems of that field. Contentless: the
    // index keeps no copy of the text (excerpts come from `articles`). Section and date sit in a
    // small table beside it, so counting and ranking matches never read the rows of `articles`,
    // which carry the bodies (on 50,000 articles that join was most of a query's time).
    await sql`create virtual table article_search using fts5(title, kicker, standfirst, body, content = '', contentless_delete = 1, tokenize = 'ascii')`.execute(
      db,
    );
    await db.schema
      .createTable('article_search_meta')
      .addColumn('article_id', 'integer', (c) =>
        c.primaryKey().references('articles.id').onDelete('cascade'),
      )
      .addColumn('section_id', 'integer', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .execute();
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
  await db.schema.dropTable('article_search_meta').ifExists().execute();
}
