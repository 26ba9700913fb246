import type { Kysely } from 'kysely';

/**
 * When an instance took on building a media item's share image: the others wait for the file
 * rather than build it too (see media/ensure-og-image.ts). Null when nobody is building it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('media').addColumn('og_claimed_at', 'text').execute();
}

/** Drops what up() added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('media').dropColumn('og_claimed_at').execute();
}
