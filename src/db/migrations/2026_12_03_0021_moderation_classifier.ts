import type { Kysely } from 'kysely';

/**
 * The moderation classifier: each trained model (serialized, with its example counts and its
 * figures on held-out decisions), so every instance scores with the same one; the score each
 * pending comment got, and whether the moderator's decision contradicted it (a correction, which
 * weighs more in the next training); and the lease that lets one instance train at a time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('moderation_models')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('trained_at', 'text', (c) => c.notNull())
    .addColumn('acceptable_examples', 'integer', (c) => c.notNull())
    .addColumn('unwanted_examples', 'integer', (c) => c.notNull())
    .addColumn('corrections', 'integer', (c) => c.notNull())
    .addColumn('decisions_seen', 'integer', (c) => c.notNull())
    .addColumn('held_out', 'integer', (c) => c.notNull())
    .addColumn('precision', 'double precision', (c) => c.notNull())
    .addColumn('recall', 'double precision', (c) => c.notNull())
    .addColumn('train_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('comment_scores')
    .addColumn('comment_id', 'integer', (c) =>
      c.primaryKey().references('comments.id').onDelete('cascade'),
    )
    .addColumn('model_version', 'integer', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('scored_at', 'text', (c) => c.notNull())
    .addColumn('corrected_to', 'text')
    .addColumn('corrected_at', 'text')
    .execute();
  await db.schema
    .createIndex('comment_scores_band')
    .on('comment_scores')
    .columns(['model_version', 'score'])
    .execute();
  await db.schema
    .createTable('moderation_classifier_lease')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('locked_until', 'text')
    .addColumn('last_run_at', 'text')
    .addColumn('checked_at', 'text')
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('moderation_classifier_lease').execute();
  await db.schema.dropTable('comment_scores').execute();
  await db.schema.dropTable('moderation_models').execute();
}
