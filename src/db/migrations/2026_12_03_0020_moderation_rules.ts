import type { Kysely } from 'kysely';
import { columnTypes } from '../schema-helpers.ts';

/**
 * The moderation rules' verdicts on each comment (one row per rule that fired), and readers'
 * reports of published comments. The word lists and thresholds live in `settings`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('comment_rule_verdicts')
    .addColumn('comment_id', 'integer', (c) =>
      c.notNull().references('comments.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('reason_fr', 'text', (c) => c.notNull())
    .addColumn('reason_en', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_rule_verdicts_pk', ['comment_id', 'position'])
    .execute();
  // The queue filtered by a rule's label.
  await db.schema
    .createIndex('comment_rule_verdicts_label_idx')
    .on('comment_rule_verdicts')
    .columns(['label', 'comment_id'])
    .execute();
  // The same text on other articles (the repeated-text rule).
  await db.schema
    .createIndex('comments_body_hash_idx')
    .on('comments')
    .columns(['body_hash', 'created_at'])
    .execute();

  await db.schema
    .createTable('comment_reports')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('comment_id', 'integer', (c) =>
      c.notNull().references('comments.id').onDelete('cascade'),
    )
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    // Keyed hash of the reporter's address (never the address), for the rate limit.
    .addColumn('reporter_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('comment_reports_comment_idx')
    .on('comment_reports')
    .columns(['comment_id', 'closed_at'])
    .execute();
  await db.schema
    .createIndex('comment_reports_reporter_idx')
    .on('comment_reports')
    .columns(['reporter_hash', 'created_at'])
    .execute();
  // One open report per comment and reporter.
  await db.schema
    .createIndex('comment_reports_once_idx')
    .on('comment_reports')
    .columns(['comment_id', 'reporter_hash'])
    .unique()
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('comment_reports').execute();
  await db.schema.dropIndex('comments_body_hash_idx').execute();
  await db.schema.dropTable('comment_rule_verdicts').execute();
}
