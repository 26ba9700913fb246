import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildArticle, buildSection } from './helpers/factories.ts';
import { buildNewsroom, signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';
import { frenchSpacing } from '../src/web/typography.ts';

const titles = [
  'Le taux de réussite atteint 100 % au lycée de Dounzé',
  'Le fichier budget_2027 publié par erreur',
  'Un chemin C:\\archives\\presse retrouvé',
  'La saison des pluies commence à Kalanga',
  'Les marchés rouvrent après la fête',
];

for (const dialect of testDialects()) {
  describe(`newsroom title search on ${dialect.name}`, () => {
    let t: TestApp;

    before(async () => {
      t = await createTestApp(dialect);
      await buildNewsroom(t.db);
      const section = await buildSection(t.db, { name: 'Société', slug: 'societe' });
      for (const title of titles) await buildArticle(t.db, { section, title });
    });
    after(() => t.close());

    async function found(q: string): Promise<string[]> {
      const editor = await signIn(t, 'chef@griot.test');
      const res = await editor.get(`/admin/articles?q=${encodeURIComponent(q)}`);
      assert.equal(res.statusCode, 200);
      // The list shows titles with French typography (« 100 % » with a narrow space).
      return titles.filter((title) => res.body.includes(frenchSpacing(title)));
    }

    test('%, _ and the escape character are searched for as themselves', async () => {
      assert.deepEqual(await found('%'), [titles[0]]);
      assert.deepEqual(await found('_'), [titles[1]]);
      assert.deepEqual(await found('\\'), [titles[2]]);
      assert.deepEqual(await found('0 %'), [titles[0]]);
      assert.deepEqual(await found('t_2'), [titles[1]]);
    });

    test('an ordinary search still matches any part of a title, whatever the case', async () => {
      assert.deepEqual(await found('KALANGA'), [titles[3]]);
      assert.deepEqual(await found('rouvr'), [titles[4]]);
    });
  });
}
