import type { Kysely } from 'kysely';
import { columnTypes } from '../schema-helpers.ts';

/** Reader comments, the moderation audit log, and the mail outbox. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('comments')
    .addColumn('id', t.id, (c) => c.primaryKey())
    // Kept (set to null) when the article is deleted, so the audit trail survives.
    .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('article_title', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_email', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notify_replies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('moderated_at', t.timestamp)
    .addColumn('moderated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text')
    .execute();
  // The queue: one status, oldest first, paged by (created_at, id).
  await db.schema
    .createIndex('comments_queue_idx')
    .on('comments')
    .columns(['status', 'created_at', 'id'])
    .execute();
  // An article's thread, and the queue filtered by article.
  await db.schema
    .createIndex('comments_article_idx')
    .on('comments')
    .columns(['article_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('comments_email_idx')
    .on('comments')
    .columns(['author_email', 'created_at'])
    .execute();
  await db.schema
    .createIndex('comments_ip_idx')
    .on('comments')
    .columns(['ip_hash', 'created_at'])
    .execute();
  await db.schema.createIndex('comments_parent_idx').on('comments').column('parent_id').execute();
  // The same text twice on one article is one comment, even under concurrent submissions.
  await db.schema
    .createIndex('comments_duplicate_idx')
    .on('comments')
    .columns(['article_id', 'body_hash'])
    .unique()
    .execute();

  await db.schema
    .createTable('moderation_events')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('comment_id', 'integer', (c) =>
      c.notNull().references('comments.id').onDelete('cascade'),
    )
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('moderation_events_comment_idx')
    .on('moderation_events')
    .columns(['comment_id', 'at'])
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('ref_id', 'integer')
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', t.timestamp, (c) => c.notNull())
    .addColumn('locked_until', t.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('sent_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outbox_due_idx')
    .on('outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['outbox', 'moderation_events', 'comments'])
    await db.schema.dropTable(table).execute();
}
