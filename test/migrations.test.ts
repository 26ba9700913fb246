import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { migrateToLatest } from '../src/db/migrate.ts';
import { testDialects } from './helpers/setup.ts';

for (const dialect of testDialects()) {
  describe(`migrations on ${dialect.name}`, () => {
    test('apply to an empty database, then have nothing left to do', async () => {
      const database = await dialect.open();
      try {
        const first = await migrateToLatest(database.db);
        assert.ok((first.results?.length ?? 0) > 0);
        assert.ok(first.results?.every((r) => r.status === 'Success'));
        const tables = (await database.db.introspection.getTables()).map((t) => t.name).sort();
        for (const name of [
          'articles',
          'content_versions',
          'login_attempts',
          'media',
          'sections',
          'sessions',
          'settings',
          'users',
        ]) {
          assert.ok(tables.includes(name), `table ${name}`);
        }
        const second = await migrateToLatest(database.db);
        assert.equal(second.results?.length, 0);
      } finally {
        await database.close();
      }
    });
  });
}
