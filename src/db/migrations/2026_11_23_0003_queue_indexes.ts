import type { Kysely } from 'kysely';

/** Indexes the moderation queue needs at 100,000 comments (see bench/comments). */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Decided tabs list the latest decisions first.
  await db.schema
    .createIndex('comments_decided_idx')
    .on('comments')
    .columns(['status', 'moderated_at', 'id'])
    .execute();
  // Each queue item shows its author's history: counts by address and status, from the index alone.
  await db.schema
    .createIndex('comments_email_status_idx')
    .on('comments')
    .columns(['author_email', 'status'])
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('comments_email_status_idx').execute();
  await db.schema.dropIndex('comments_decided_idx').execute();
}
