import type { Kysely } from 'kysely';

/**
 * How long the reader took to write a comment (from the form's stamp to its submission), for
 * the moderation classifier: robots and pasted spam are fast. Null for comments from before, and
 * for those that did not come through the form (imports, the demo).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('fill_ms', 'integer').execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('fill_ms').execute();
}
