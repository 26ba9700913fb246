import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../src/db/database.ts';
import { preparedQuery } from '../src/db/prepared.ts';
import { testDialects, type TestDatabase } from './helpers/setup.ts';

// A table of the test's own: the helper is about queries, not about Griot's tables.
interface Notes {
  prepared_notes: { id: number; topic: string; body: string | null; rank: number };
}
const notes = (db: Db) => db as unknown as Kysely<Notes>;

for (const dialect of testDialects()) {
  describe(`prepared queries on ${dialect.name}`, () => {
    let t: TestDatabase;

    before(async () => {
      t = await dialect.open();
      await sql`create table prepared_notes (id integer primary key, topic text not null, body text, rank integer not null)`.execute(
        t.db,
      );
      await notes(t.db)
        .insertInto('prepared_notes')
        .values(
          Array.from({ length: 30 }, (_, i) => ({
            id: i + 1,
            topic: ['sécurité', 'politique', "l'économie"][i % 3]!,
            body: i % 4 === 0 ? null : `note ${i + 1}`,
            rank: i % 5,
          })),
        )
        .execute();
    });
    after(() => t.close());

    // The same query, built on every call as Kysely does.
    const built = (db: Db, v: { topic: string; rank: number; limit: number }) =>
      notes(db)
        .selectFrom('prepared_notes')
        .select(['id', 'topic', 'body'])
        .where('topic', '=', v.topic)
        .where('body', 'is not', null)
        .where('rank', '>=', v.rank)
        .orderBy('id', 'desc')
        .limit(v.limit);

    test('returns what the query built on each call returns, for every set of values', async () => {
      let builds = 0;
      const prepared = preparedQuery((db, v: { topic: string; rank: number; limit: number }) => {
        builds++;
        return built(db, v);
      });
      for (const topic of ['sécurité', 'politique', "l'économie", 'absent'])
        for (const rank of [0, 2, 4])
          for (const limit of [1, 3, 50]) {
            const values = { topic, rank, limit };
            assert.deepEqual(await prepared(t.db, values), await built(t.db, values).execute());
          }
      assert.equal(builds, 1, 'built once for this database');
      // Another handle (another instance's pool) gets its own, once.
      const again = t.connectAgain();
      const values = { topic: 'politique', rank: 1, limit: 5 };
      assert.deepEqual(await prepared(again, values), await built(again, values).execute());
      assert.equal(builds, 2);
    });

    test('keeps the values of parallel calls apart, the constants between them included', async () => {
      const prepared = preparedQuery((db, v: { id: number }) =>
        notes(db)
          .selectFrom('prepared_notes')
          .select(['id', 'topic'])
          .where('rank', '<', 10)
          .where('id', '=', v.id)
          .where('topic', '!=', 'nothing'),
      );
      const ids = Array.from({ length: 60 }, (_, i) => (i % 30) + 1);
      const rows = await Promise.all(ids.map((id) => prepared(t.db, { id })));
      assert.deepEqual(
        rows.map((r) => r.map((n) => n.id)),
        ids.map((id) => [id]),
      );
      assert.deepEqual(await prepared(t.db, { id: 999 }), []);
    });

    test('refuses a build that looks at a value instead of passing it on', async () => {
      const branching = preparedQuery((db, v: { topic: string }) =>
        notes(db)
          .selectFrom('prepared_notes')
          .select('id')
          .where('topic', '=', v.topic ? 'sécurité' : 'politique'),
      );
      await assert.rejects(
        branching(t.db, { topic: 'sécurité' }),
        /"topic" was read but is not a parameter/,
      );
    });
  });
}
