import type { Kysely } from 'kysely';
import { columnTypes } from '../schema-helpers.ts';

/** The newsroom's tables: revisions, tags, section slug history, and article editorial fields. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('article_revisions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    /** JSON of the article's editable fields at that version. */
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('editor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('edited_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('article_revisions_version_idx')
    .on('article_revisions')
    .columns(['article_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('article_tags')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag'])
    .execute();
  await db.schema.createIndex('article_tags_tag_idx').on('article_tags').column('tag').execute();

  // A renamed section keeps answering at its old addresses.
  await db.schema
    .createTable('section_slug_redirects')
    .addColumn('old_slug', 'text', (c) => c.primaryKey())
    .addColumn('section_id', 'integer', (c) =>
      c.notNull().references('sections.id').onDelete('cascade'),
    )
    .execute();

  await db.schema
    .alterTable('articles')
    .addColumn('correction', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('articles')
    .addColumn('image_is_illustration', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('articles').addColumn('submitted_at', t.timestamp).execute();
  await db.schema.alterTable('articles').addColumn('saved_at', t.timestamp).execute();
  await db.schema
    .alterTable('articles')
    .addColumn('no_ads', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('articles_author_idx')
    .on('articles')
    .columns(['author_id', 'status'])
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_author_idx').execute();
  for (const column of [
    'no_ads',
    'saved_at',
    'submitted_at',
    'image_is_illustration',
    'correction',
  ]) {
    await db.schema.alterTable('articles').dropColumn(column).execute();
  }
  for (const table of ['section_slug_redirects', 'article_tags', 'article_revisions']) {
    await db.schema.dropTable(table).execute();
  }
}
