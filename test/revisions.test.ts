import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import type { Section } from '../src/sections/section.table.ts';
import { buildSection } from './helpers/factories.ts';
import type { Browser } from './helpers/http.ts';
import { hiddenValue } from './helpers/http.ts';
import { buildNewsroom, createArticle, signIn as signInAs } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

let n = 0;

for (const dialect of testDialects()) {
  describe(`article revisions on ${dialect.name}`, () => {
    let t: TestApp;
    let section: Section;

    before(async () => {
      t = await createTestApp(dialect);
      section = await buildSection(t.db, { name: 'Économie', slug: 'economie' });
      await buildNewsroom(t.db);
    });
    after(() => t.close());

    const signIn = (email: string) => signInAs(t, email);

    function fields(extra: Record<string, string> = {}) {
      return {
        kicker: 'BUDGET',
        title: `Le budget rectificatif arrive à l’Assemblée ${++n}`,
        standfirst: 'Le gouvernement présente un collectif budgétaire.',
        sectionId: String(section.id),
        body: 'Le ministre a présenté un budget prudent.',
        signature: 'Awa Auteure',
        tags: 'budget',
        comments: 'open',
        ...extra,
      };
    }

    const create = (member: Browser, extra: Record<string, string> = {}) =>
      createArticle(member, fields(extra));

    async function save(member: Browser, id: number, values: Record<string, string>) {
      const page = await member.get(`/admin/articles/${id}`);
      const res = await member.post(`/admin/articles/${id}`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        version: hiddenValue(page.body, 'version'),
        ...values,
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    }

    async function restore(member: Browser, id: number, version: number) {
      const page = await member.get(`/admin/articles/${id}/versions`);
      return member.post(`/admin/articles/${id}/versions/${version}/restaurer`, {
        _csrf: hiddenValue(page.body, '_csrf') || (await csrfFromDashboard(member)),
      });
    }

    async function csrfFromDashboard(member: Browser) {
      return hiddenValue((await member.get('/admin')).body, '_csrf');
    }

    const article = (id: number) =>
      t.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    test('comparing two versions shows the changed word as a deletion and an insertion, escaped', async () => {
      const editor = await signIn('chef@griot.test');
      const base = fields();
      const id = await create(editor, base);
      await save(editor, id, {
        ...base,
        body: 'Le ministre a présenté un budget <audacieux>.',
      });
      const list = await editor.get(`/admin/articles/${id}/versions`);
      assert.equal(list.statusCode, 200);
      const doc = parse(list.body);
      assert.ok(doc.querySelector('input[name="de"][value="1"]'), 'v1 can be picked');
      assert.ok(doc.querySelector('input[name="a"][value="2"]'), 'v2 can be picked');

      const res = await editor.get(`/admin/articles/${id}/versions/comparer?de=1&a=2`);
      assert.equal(res.statusCode, 200);
      assert.ok(!res.body.includes('<audacieux>'), 'typed markup is escaped, never raw');
      const body = parse(res.body).querySelector('[data-field="body"]');
      assert.ok(body, 'the body field is shown as changed');
      assert.deepEqual(
        body.querySelectorAll('del').map((d) => d.text),
        ['prudent'],
      );
      assert.deepEqual(
        body.querySelectorAll('ins').map((d) => d.text),
        ['<audacieux>'],
      );
      assert.equal(
        parse(res.body).querySelector('[data-field="title"]'),
        null,
        'unchanged fields are not diffed',
      );
    });

    test('status-only revisions are listed but cannot be picked or compared', async () => {
      const author = await signIn('auteur@griot.test');
      const id = await create(author);
      const page = await author.get(`/admin/articles/${id}`);
      const submitted = await author.post(`/admin/articles/${id}/etat`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        version: hiddenValue(page.body, 'version'),
        transition: 'submit',
      });
      assert.equal(submitted.statusCode, 303);
      const doc = parse((await author.get(`/admin/articles/${id}/versions`)).body);
      assert.match(doc.querySelector('ol.versions')?.text ?? '', /Soumis à la relecture/);
      assert.equal(doc.querySelector('input[value="2"]'), null);
      const res = await author.get(`/admin/articles/${id}/versions/comparer?de=1&a=2`);
      assert.equal(res.statusCode, 404);
    });

    test('restoring a version saves its text as a new revision', async () => {
      const editor = await signIn('chef@griot.test');
      const base = fields({ body: 'Texte original du premier jet.' });
      const id = await create(editor, base);
      await save(editor, id, { ...base, title: 'Un titre réécrit', body: 'Texte réécrit.' });
      assert.equal((await article(id)).version, 2);

      const res = await restore(editor, id, 1);
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      assert.equal(res.headers.location, `/admin/articles/${id}?enregistre=1`);
      const row = await article(id);
      assert.equal(row.version, 3);
      assert.equal(row.title, base.title);
      assert.equal(row.body, 'Texte original du premier jet.');
      assert.match(row.body_html, /Texte original du premier jet/);
      const revisions = await t.db
        .selectFrom('article_revisions')
        .select('version')
        .where('article_id', '=', id)
        .orderBy('version')
        .execute();
      assert.deepEqual(
        revisions.map((r) => r.version),
        [1, 2, 3],
        'nothing is erased; the restore is a new version',
      );
      const diff = await editor.get(`/admin/articles/${id}/versions/comparer?de=1&a=3`);
      assert.match(parse(diff.body).text, /Ces deux versions sont identiques/);
      const history = await editor.get(`/admin/articles/${id}/versions`);
      assert.match(parse(history.body).text, /Restauration de la version 1/);
    });

    test('an author cannot restore someone else’s article; a moderator cannot see versions', async () => {
      const owner = await signIn('auteur@griot.test');
      const id = await create(owner, { body: 'Première version.' });
      await save(owner, id, { ...fields(), body: 'Deuxième version.' });
      const other = await signIn('autre@griot.test');
      const page = parse((await other.get(`/admin/articles/${id}/versions`)).body);
      assert.equal(page.querySelector('form[action$="/restaurer"]'), null, 'no restore button');
      const res = await restore(other, id, 1);
      assert.equal(res.statusCode, 403);
      assert.equal((await article(id)).body, 'Deuxième version.');

      const modo = await signIn('modo@griot.test');
      assert.equal((await modo.get(`/admin/articles/${id}/versions`)).statusCode, 403);
      assert.equal((await restore(modo, id, 1)).statusCode, 403);

      assert.equal(
        (await restore(owner, id, 1)).statusCode,
        303,
        'the author may, on their own draft',
      );
      assert.equal((await article(id)).body, 'Première version.');
    });
  });
}
