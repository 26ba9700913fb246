import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, test } from 'node:test';
import { connect } from '../src/db/connect.ts';
import type { Db } from '../src/db/database.ts';
import { openSharedDatabase, type SharedDatabase } from './helpers/child-process.ts';

// PG_POOL_MAX and PG_STATEMENT_TIMEOUT_MS, as src/main.ts hands them to connect().
describe('the PostgreSQL pool', { skip: !process.env.TEST_DATABASE_URL }, () => {
  let shared: SharedDatabase;
  const handles: Db[] = [];
  const open = (options: { poolMax?: number; statementTimeoutMs?: number }) => {
    const { db } = connect({
      databaseUrl: shared.env.DATABASE_URL!,
      dataDir: shared.env.DATA_DIR!,
      ...options,
    });
    handles.push(db);
    return db;
  };
  before(async () => {
    shared = await openSharedDatabase('postgres');
  });
  after(async () => {
    for (const db of handles) await db.destroy();
    await shared.close();
  });

  test('opens at most poolMax connections', async () => {
    const db = open({ poolMax: 2 });
    const pids = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const { rows } = await sql<{
          pid: number;
        }>`select pg_backend_pid() as pid, pg_sleep(0.1)`.execute(db);
        return rows[0]!.pid;
      }),
    );
    assert.equal(new Set(pids).size, 2);
  });

  test('cancels a statement past the timeout, and only with one set', async () => {
    const limited = open({ statementTimeoutMs: 100 });
    await assert.rejects(
      sql`select pg_sleep(2)`.execute(limited),
      /canceling statement due to statement timeout/,
    );
    await sql`select pg_sleep(0.2)`.execute(open({}));
  });
});
