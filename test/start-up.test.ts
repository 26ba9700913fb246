import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { defaultSlots } from '../src/ads/default-slots.ts';
import type { Db } from '../src/db/database.ts';
import { defaultSiteSettings } from '../src/settings/site-settings.ts';
import { demoArticles } from '../src/seed/articles/all.ts';
import { demoJournalists } from '../src/seed/articles/journalists.ts';
import { demoSections, demoSite } from '../src/seed/demo-sections.ts';
import {
  openSharedDatabase,
  spawnTsx,
  startServer,
  type ServerProcess,
  type SharedDatabase,
} from './helpers/child-process.ts';
import { testDialects } from './helpers/setup.ts';

const main = 'src/main.ts';

/** How many rows each table holds, for the tables start-up fills. */
async function counts(db: Db): Promise<Record<string, number>> {
  const tables = ['users', 'sections', 'articles', 'settings', 'ad_slots', 'ad_campaigns'] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    const { n } = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(n);
  }
  return out;
}

for (const dialect of testDialects()) {
  describe(`griot start on an empty ${dialect.name} database`, { timeout: 180_000 }, () => {
    let shared: SharedDatabase;
    const servers: ServerProcess[] = [];
    before(async () => {
      shared = await openSharedDatabase(dialect.name);
    });
    after(async () => {
      for (const server of servers) await server.kill9();
      await shared.close();
    });

    test('creates an empty publication, no demo, and says how to create the first admin', async () => {
      const server = await startServer(shared.env);
      servers.push(server);
      await server.waitFor(/--role admin/, 5000);
      assert.match(server.output(), /This publication has no newsroom account yet/);
      assert.match(
        server.output(),
        /node dist\/main\.js user add --email you@example\.org --name "Your Name" --role admin/,
      );
      assert.doesNotMatch(server.output(), /with password/);
      const home = await fetch(server.url);
      assert.equal(home.status, 200);
      const html = await home.text();
      assert.match(html, /<title>[^<]*Griot/);
      assert.doesNotMatch(html, /Le Veilleur/);
      const db = shared.connect();
      assert.deepEqual(await counts(db), {
        users: 0,
        sections: 0,
        articles: 0,
        // Every setting at its default, one row each.
        settings: Object.keys(defaultSiteSettings).length,
        ad_slots: defaultSlots(new Date()).length,
        ad_campaigns: 0,
      });
      await server.stop();
      assert.equal(await server.exited, 0);
    });
  });
}

const postgres = testDialects().find((d) => d.name === 'postgres');
describe(
  'two instances starting at once on one PostgreSQL',
  { skip: !postgres, timeout: 240_000 },
  () => {
    let shared: SharedDatabase;
    const servers: ServerProcess[] = [];
    before(async () => {
      shared = await openSharedDatabase('postgres');
    });
    after(async () => {
      for (const server of servers) await server.kill9();
      await shared.close();
    });

    test('seed the demo once: one publication, one set of rows, both serving', async () => {
      const started = await Promise.all([1, 2].map(() => startServer(shared.env, { demo: true })));
      servers.push(...started);
      const db = shared.connect();
      assert.deepEqual(await counts(db), {
        users: 1 + demoJournalists.length + 1,
        sections: demoSections.length,
        articles: demoArticles.length,
        settings: Object.keys(demoSite).length,
        ad_slots: defaultSlots(new Date()).length,
        ad_campaigns: 1,
      });
      const duplicates = await db
        .selectFrom('media')
        .select('file')
        .groupBy('file')
        .having((eb) => eb.fn.countAll(), '>', 1)
        .execute();
      assert.deepEqual(duplicates, []);
      // The demo admin's password is printed by the instance that seeded, once.
      const printed = started.filter((s) => /with password \S+/.test(s.output()));
      assert.equal(printed.length, 1);
      for (const server of started) {
        const home = await fetch(server.url);
        assert.equal(home.status, 200);
        assert.match(await home.text(), /Le Veilleur/);
      }
    });
  },
);

test('start refuses to serve from PostgreSQL without SESSION_SECRET', async () => {
  const child = spawnTsx(main, ['start'], {
    DATABASE_URL: 'postgres://griot@127.0.0.1:1/griot',
    SESSION_SECRET: '',
  });
  assert.equal(await child.exited, 1);
  assert.match(child.output(), /SESSION_SECRET: required with DATABASE_URL/);
  assert.match(child.output(), /openssl rand -hex 32/);
});
