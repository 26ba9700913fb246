import { sql, type Kysely } from 'kysely';

/**
 * How each newsroom member signs articles (the byline the editor pre-fills). Person accounts
 * that write (authors, editors) start with their display name; admin and moderator accounts
 * start without one, since they are often shared desk accounts (« Administrateur ») that must
 * never sign an article by default. Anyone can set theirs later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('byline', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update users set byline = name where role in ('author', 'editor')`.execute(db);
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('byline').execute();
}
