import { sql } from 'kysely';
import type { Db } from './database.ts';
import { isPostgres } from './schema-helpers.ts';

/**
 * Runs start-up work that must happen once (migrations, creating the publication or seeding the
 * demo, the first indexing) while holding a PostgreSQL advisory lock, so instances starting
 * together take turns: the second finds the work done. The lock is per schema (several Griot
 * schemas may share a database) and is held on a connection of its own, with no statement
 * timeout, for as long as the work takes; it goes with the connection if the process dies.
 * SQLite needs none: one machine, and its writers already queue.
 */
export async function withStartupLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return work();
  return db.connection().execute(async (connection) => {
    const key = sql`hashtext('griot:start-up:' || current_schema())`;
    await sql`set statement_timeout = 0`.execute(connection);
    await sql`select pg_advisory_lock(${key})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(connection);
      await sql`reset statement_timeout`.execute(connection);
    }
  });
}
