import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { addUser } from '../src/users/add-user.ts';
import { defaultByline } from '../src/users/user.ts';
import { buildSection, buildUser } from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { createArticle, signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

test('a new account signs with its name when it writes, never when it is an admin or moderator account', () => {
  assert.equal(defaultByline(' Awa Diallo ', 'author'), 'Awa Diallo');
  assert.equal(defaultByline('Chef Édition', 'editor'), 'Chef Édition');
  assert.equal(defaultByline('Administrateur', 'admin'), '');
  assert.equal(defaultByline('Modération', 'moderator'), '');
});

for (const dialect of testDialects()) {
  describe(`article bylines on ${dialect.name}`, () => {
    let t: TestApp;

    before(async () => {
      t = await createTestApp(dialect);
      await buildSection(t.db, { slug: 'politique', name: 'Politique' });
      await buildUser(t.db, {
        email: 'awa@griot.test',
        name: 'Awa D.',
        byline: 'Awa Diallo-Koné',
        role: 'author',
      });
      // A shared desk account, with the byline `griot user add --role admin` gives it.
      const { user } = await addUser(t.db, {
        email: 'desk-cli@griot.test',
        name: 'Administrateur',
        role: 'admin',
      });
      assert.equal(user.byline, '');
      await buildUser(t.db, { email: 'desk@griot.test', name: 'Administrateur', role: 'admin' });
      await buildUser(t.db, { email: 'modo@griot.test', name: 'Modo', role: 'moderator' });
    });
    after(() => t.close());

    const signatureField = async (member: Browser) =>
      parse((await member.get('/admin/articles/nouveau')).body)
        .querySelector('#a-signature')
        ?.getAttribute('value') ?? '';

    test('a new article is pre-signed with the author’s byline, not their account name', async () => {
      const awa = await signIn(t, 'awa@griot.test');
      assert.equal(await signatureField(awa), 'Awa Diallo-Koné');
    });

    test('a shared admin account never pre-signs an article with « Administrateur »', async () => {
      const desk = await signIn(t, 'desk@griot.test');
      assert.equal(await signatureField(desk), '');
      const page = (await desk.get('/admin/articles/nouveau')).body;
      assert.doesNotMatch(parse(page).querySelector('form')?.toString() ?? '', /Administrateur"/);
    });

    test('a member sets their own byline, and their next article is pre-signed with it', async () => {
      const desk = await signIn(t, 'desk@griot.test');
      const form = await desk.get('/admin/profil');
      assert.equal(form.statusCode, 200);
      const res = await desk.post('/admin/profil', {
        _csrf: hiddenValue(form.body, '_csrf'),
        byline: '  Fatou Sall ',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/profil?fait=ok');
      assert.match((await desk.get('/admin/profil?fait=ok')).body, /Signature enregistrée/);
      assert.equal(await signatureField(desk), 'Fatou Sall');
      // Emptied again: the account is shared once more and signs nothing.
      const again = await desk.get('/admin/profil');
      await desk.post('/admin/profil', { _csrf: hiddenValue(again.body, '_csrf'), byline: '' });
      assert.equal(await signatureField(desk), '');
    });

    test('a too-long byline is refused in French with what was typed kept', async () => {
      const awa = await signIn(t, 'awa@griot.test');
      const form = await awa.get('/admin/profil');
      const long = 'Signature '.repeat(15).trim();
      const res = await awa.post('/admin/profil', {
        _csrf: hiddenValue(form.body, '_csrf'),
        byline: long,
      });
      assert.equal(res.statusCode, 422);
      const doc = parse(res.body);
      assert.match(doc.querySelector('.form-errors')?.text ?? '', /ne doit pas dépasser 100/);
      assert.equal(doc.querySelector('#profile-byline')?.getAttribute('value'), long);
      assert.equal(await signatureField(awa), 'Awa Diallo-Koné', 'nothing was changed');
    });

    test('the profile form needs its CSRF token, and a moderator has no byline to set', async () => {
      const awa = await signIn(t, 'awa@griot.test');
      const forged = await awa.post('/admin/profil', { byline: 'Pirate' });
      assert.equal(forged.statusCode, 403);
      assert.equal(await signatureField(awa), 'Awa Diallo-Koné');
      const modo = await signIn(t, 'modo@griot.test');
      assert.equal((await modo.get('/admin/profil')).statusCode, 403);
    });

    test('an admin sets a member’s byline in the user admin; an invited author gets their name', async () => {
      const admin = await signIn(t, 'desk@griot.test');
      const list = await admin.get('/admin/utilisateurs');
      const invited = await admin.post('/admin/utilisateurs', {
        _csrf: hiddenValue(list.body, '_csrf'),
        name: 'Ibrahim Maïga',
        email: 'ibrahim@griot.test',
        role: 'author',
        byline: '',
      });
      assert.equal(invited.statusCode, 303);
      const row = await t.db
        .selectFrom('users')
        .select(['id', 'byline'])
        .where('email', '=', 'ibrahim@griot.test')
        .executeTakeFirstOrThrow();
      assert.equal(row.byline, 'Ibrahim Maïga');
      const page = await admin.get(`/admin/utilisateurs/${row.id}`);
      assert.equal(
        parse(page.body).querySelector('#user-byline')?.getAttribute('value'),
        'Ibrahim Maïga',
      );
      const saved = await admin.post(`/admin/utilisateurs/${row.id}`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        name: 'Ibrahim Maïga',
        role: 'author',
        byline: 'I. Maïga, envoyé spécial',
      });
      assert.equal(saved.statusCode, 303);
      const after = await t.db
        .selectFrom('users')
        .select('byline')
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      assert.equal(after.byline, 'I. Maïga, envoyé spécial');
    });

    test('an article signed with its author’s byline links to the author’s page', async () => {
      const awa = await signIn(t, 'awa@griot.test');
      const section = await t.db
        .selectFrom('sections')
        .select('id')
        .where('slug', '=', 'politique')
        .executeTakeFirstOrThrow();
      const id = await createArticle(awa, {
        title: 'Le conseil municipal vote son budget',
        sectionId: String(section.id),
        body: 'Premier paragraphe.',
        signature: 'Awa Diallo-Koné',
        comments: 'open',
      });
      const editor = await buildUser(t.db, { email: 'chef@griot.test', role: 'editor' });
      assert.ok(editor.id);
      const chef = await signIn(t, 'chef@griot.test');
      const edit = await chef.get(`/admin/articles/${id}`);
      const published = await chef.post(`/admin/articles/${id}/etat`, {
        _csrf: hiddenValue(edit.body, '_csrf'),
        version: hiddenValue(edit.body, 'version'),
        transition: 'publish',
      });
      assert.equal(published.statusCode, 303, published.body.slice(0, 300));
      const row = await t.db
        .selectFrom('articles')
        .select('slug')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const reader = new Browser(t);
      const moved = await reader.get(`/articles/${row.slug}`);
      const page =
        moved.statusCode === 301 ? await reader.get(String(moved.headers.location)) : moved;
      assert.equal(page.statusCode, 200);
      const link = parse(page.body).querySelector('.byline .signature a');
      assert.equal(link?.text, 'Awa Diallo-Koné');
      assert.match(link?.getAttribute('href') ?? '', /^\/auteurs\/\d+-/);
    });
  });
}
