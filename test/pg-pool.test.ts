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

  test('prepares a query once per connection, and again when its table changes shape', async () => {
    const db = open({ poolMax: 1 });
    await sql`create table prepared_probe (id integer primary key, label text)`.execute(db);
    await sql`insert into prepared_probe values (1, 'un'), (2, 'deux')`.execute(db);
    const read = (id: number) =>
      db
        .selectFrom('prepared_probe' as never)
        .selectAll()
        .where('id' as never, '=', id as never)
        .execute();
    // (The pattern is a parameter: in the query's text, it would match the query itself.)
    const reads = '%from "prepared_probe"%';
    const prepared = async () => {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_prepared_statements where statement like ${reads}`.execute(
        db,
      );
      return rows[0]!.n;
    };
    assert.deepEqual(await read(1), [{ id: 1, label: 'un' }]);
    assert.deepEqual(await read(2), [{ id: 2, label: 'deux' }]);
    assert.equal(await prepared(), 1, 'one statement for both reads');
    // Another instance migrates: the statement's result would change shape.
    await sql`alter table prepared_probe add column kicker text`.execute(db);
    assert.deepEqual(await read(1), [{ id: 1, label: 'un', kicker: null }]);
    assert.deepEqual(await read(2), [{ id: 2, label: 'deux', kicker: null }]);
    // Transactions still work (begin and commit are never named).
    await db.transaction().execute((trx) => sql`select 1`.execute(trx));
  });
});
