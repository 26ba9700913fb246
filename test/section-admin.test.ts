import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { buildArticle, buildSection, buildUser, TEST_PASSWORD } from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

let ipCounter = 0;
const nextIp = () => `198.18.3.${++ipCounter}`;

for (const dialect of testDialects()) {
  describe(`section admin on ${dialect.name}`, () => {
    let t: TestApp;

    before(async () => {
      t = await createTestApp(dialect);
      await buildSection(t.db, { name: 'Politique', slug: 'politique', position: 0 });
      await buildSection(t.db, { name: 'Économie', slug: 'economie', position: 1 });
      await buildUser(t.db, { email: 'editeur@griot.test', role: 'editor' });
      await buildUser(t.db, { email: 'auteur@griot.test', role: 'author' });
    });
    after(() => t.close());

    async function signIn(email = 'editeur@griot.test') {
      const member = new Browser(t, nextIp());
      await member.login(email, TEST_PASSWORD);
      return member;
    }

    /** Posts a form of the sections page with the token the page carries. */
    async function send(member: Browser, url: string, fields: Record<string, string>) {
      const page = await member.get('/admin/rubriques');
      return member.post(url, { _csrf: hiddenValue(page.body, '_csrf'), ...fields });
    }

    async function navNames(): Promise<string[]> {
      const doc = parse((await t.app.inject('/')).body);
      return doc
        .querySelectorAll('nav.nav a')
        .slice(1)
        .map((a) => a.text.trim());
    }

    test('an editor creates a section, with a slug from its name, and it joins the reader nav', async () => {
      const editor = await signIn();
      const before = await navNames();
      const res = await send(editor, '/admin/rubriques', {
        name: 'Santé publique',
        slug: '',
        description: 'Hôpitaux et épidémies',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/rubriques?fait=cree');
      assert.deepEqual(await navNames(), [...before, 'Santé publique']);
      const page = await t.app.inject('/sante-publique');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Hôpitaux et épidémies/);
      const list = parse((await editor.get(res.headers.location as string)).body);
      assert.match(list.querySelector('[role="status"]')?.text ?? '', /Rubrique créée/);
      assert.match(list.querySelector('.section-list')?.text ?? '', /Santé publique/);
    });

    test('a taken slug is refused in French and the typed values are kept', async () => {
      const editor = await signIn();
      const res = await send(editor, '/admin/rubriques', {
        name: 'Politique encore',
        slug: 'politique',
        description: 'Une description tapée',
      });
      assert.equal(res.statusCode, 422);
      const doc = parse(res.body);
      assert.match(
        doc.querySelector('.form-errors')?.text ?? '',
        /déjà celle d’une autre rubrique/,
      );
      assert.equal(doc.querySelector('#section-name')?.getAttribute('value'), 'Politique encore');
      assert.equal(doc.querySelector('#section-slug')?.getAttribute('value'), 'politique');
      assert.equal(doc.querySelector('#section-description')?.text.trim(), 'Une description tapée');
      const count = await t.db
        .selectFrom('sections')
        .select('id')
        .where('name', '=', 'Politique encore')
        .execute();
      assert.equal(count.length, 0);
    });

    test('two sections created at once under one slug: one is made, the other gets the form back', async () => {
      const members = [await signIn(), await signIn(), await signIn()];
      // Each loads the form first, then all send at the same moment.
      const tokens = await Promise.all(
        members.map(async (m) => hiddenValue((await m.get('/admin/rubriques')).body, '_csrf')),
      );
      const answers = await Promise.all(
        members.map((m, i) =>
          m.post('/admin/rubriques', {
            _csrf: tokens[i]!,
            name: 'Météo',
            slug: 'meteo-du-jour',
            description: `Envoi ${i}`,
          }),
        ),
      );
      const statuses = answers.map((r) => r.statusCode).sort((a, b) => a - b);
      assert.equal(statuses[0], 303);
      for (const s of statuses.slice(1)) assert.ok([409, 422].includes(s), `answers ${statuses}`);
      const refused = answers.find((r) => r.statusCode !== 303)!;
      assert.match(refused.body, /Cette adresse est déjà celle d’une autre rubrique/);
      const rows = await t.db
        .selectFrom('sections')
        .select('id')
        .where('slug', '=', 'meteo-du-jour')
        .execute();
      assert.equal(rows.length, 1);
    });

    test('a reserved slug is refused, even when derived from the name', async () => {
      const editor = await signIn();
      for (const fields of [
        { name: 'Admin', slug: '' },
        { name: 'Les flux', slug: 'flux' },
        { name: 'Recherche', slug: 'recherche' },
        { name: 'En direct', slug: 'direct' },
      ]) {
        const res = await send(editor, '/admin/rubriques', { ...fields, description: '' });
        assert.equal(res.statusCode, 422, fields.name);
        const doc = parse(res.body);
        assert.match(doc.querySelector('.form-errors')?.text ?? '', /réservée par le site/);
        assert.equal(doc.querySelector('#section-name')?.getAttribute('value'), fields.name);
      }
      const bad = await send(editor, '/admin/rubriques', {
        name: 'Bad',
        slug: 'pas bon!',
        description: '',
      });
      assert.equal(bad.statusCode, 422);
      assert.match(parse(bad.body).querySelector('.form-errors')?.text ?? '', /lettres minuscules/);
      const empty = await send(editor, '/admin/rubriques', { name: '', slug: '', description: '' });
      assert.match(parse(empty.body).querySelector('.form-errors')?.text ?? '', /Indiquez le nom/);
    });

    test('renaming with a new slug redirects the old section and article addresses', async () => {
      const section = await buildSection(t.db, { name: 'Société', slug: 'societe' });
      const article = await buildArticle(t.db, { section, title: 'Les écoles rouvrent à Kalanga' });
      const editor = await signIn();
      const edit = await editor.get(`/admin/rubriques/${section.id}`);
      assert.equal(edit.statusCode, 200);
      assert.equal(
        parse(edit.body).querySelector('#section-slug')?.getAttribute('value'),
        'societe',
      );
      // Warm the cache at the old addresses first: the change must invalidate it.
      assert.equal((await t.app.inject('/societe')).statusCode, 200);
      assert.equal((await t.app.inject(`/societe/${article.slug}`)).statusCode, 200);

      const res = await editor.post(`/admin/rubriques/${section.id}`, {
        _csrf: hiddenValue(edit.body, '_csrf'),
        name: 'Vie sociale',
        slug: 'vie-sociale',
        description: 'Éducation, santé, famille',
      });
      assert.equal(res.statusCode, 303);

      const old = await t.app.inject('/societe');
      assert.equal(old.statusCode, 301);
      assert.equal(old.headers.location, '/vie-sociale');
      const paged = await t.app.inject('/societe?page=2');
      assert.equal(paged.statusCode, 301);
      assert.equal(paged.headers.location, '/vie-sociale?page=2');
      const oldArticle = await t.app.inject(`/societe/${article.slug}`);
      assert.equal(oldArticle.statusCode, 301);
      assert.equal(oldArticle.headers.location, `/vie-sociale/${article.slug}`);
      assert.equal((await t.app.inject(`/vie-sociale/${article.slug}`)).statusCode, 200);
      const renamed = await t.app.inject('/vie-sociale');
      assert.equal(renamed.statusCode, 200);
      assert.match(parse(renamed.body).querySelector('h1')?.text ?? '', /Vie sociale/);
      assert.ok((await navNames()).includes('Vie sociale'));

      // A second rename keeps the first old address working, straight to the newest.
      const again = await editor.get(`/admin/rubriques/${section.id}`);
      await editor.post(`/admin/rubriques/${section.id}`, {
        _csrf: hiddenValue(again.body, '_csrf'),
        name: 'Vie sociale',
        slug: 'social',
        description: '',
      });
      assert.equal((await t.app.inject('/societe')).headers.location, '/social');
      assert.equal((await t.app.inject('/vie-sociale')).headers.location, '/social');

      // A new section may take an old slug: then it answers there, no redirect.
      const created = await send(editor, '/admin/rubriques', {
        name: 'Société',
        slug: 'societe',
        description: '',
      });
      assert.equal(created.statusCode, 303);
      assert.equal((await t.app.inject('/societe')).statusCode, 200);
      assert.equal((await t.app.inject('/vie-sociale')).headers.location, '/social');
    });

    test('a rename that keeps the slug leaves no redirect, and an unknown slug is still a 404', async () => {
      const section = await buildSection(t.db, { name: 'Sport', slug: 'sport' });
      const editor = await signIn();
      const edit = await editor.get(`/admin/rubriques/${section.id}`);
      const res = await editor.post(`/admin/rubriques/${section.id}`, {
        _csrf: hiddenValue(edit.body, '_csrf'),
        name: 'Sports',
        slug: 'sport',
        description: '',
      });
      assert.equal(res.statusCode, 303);
      assert.equal((await t.app.inject('/sport')).statusCode, 200);
      assert.equal((await t.app.inject('/nulle-part')).statusCode, 404);
      const taken = await editor.post(`/admin/rubriques/${section.id}`, {
        _csrf: hiddenValue(edit.body, '_csrf'),
        name: 'Sports',
        slug: 'politique',
        description: '',
      });
      assert.equal(taken.statusCode, 422);
      assert.match(parse(taken.body).querySelector('.form-errors')?.text ?? '', /déjà celle/);
      assert.equal(
        parse(taken.body).querySelector('#section-slug')?.getAttribute('value'),
        'politique',
      );
    });

    test('moving a section up or down changes the reader nav order', async () => {
      const editor = await signIn();
      const start = await navNames();
      const ids = await t.db.selectFrom('sections').select(['id', 'name']).execute();
      const idOf = (name: string) => ids.find((s) => s.name === name)!.id;
      const second = start[1]!;
      const res = await send(editor, `/admin/rubriques/${idOf(second)}/deplacer`, { sens: 'haut' });
      assert.equal(res.statusCode, 303);
      const moved = await navNames();
      assert.deepEqual(moved, [start[1], start[0], ...start.slice(2)]);
      await send(editor, `/admin/rubriques/${idOf(second)}/deplacer`, { sens: 'bas' });
      assert.deepEqual(await navNames(), start);
      // At the top already: nothing moves.
      await send(editor, `/admin/rubriques/${idOf(start[0]!)}/deplacer`, { sens: 'haut' });
      assert.deepEqual(await navNames(), start);
      const missing = await send(editor, '/admin/rubriques/999999/deplacer', { sens: 'haut' });
      assert.equal(missing.statusCode, 404);
    });

    test('the list shows each section with its article count, in nav order', async () => {
      const editor = await signIn();
      const doc = parse((await editor.get('/admin/rubriques')).body);
      const items = doc.querySelectorAll('.section-list > li');
      const names = items.map((li) => li.querySelector('strong')?.text);
      assert.deepEqual(names, await navNames());
      const social = items.find((li) => li.querySelector('strong')?.text === 'Vie sociale');
      assert.match(social?.text ?? '', /1 article/);
    });

    test('an author gets 403 on every section admin route', async () => {
      const author = await signIn('auteur@griot.test');
      assert.equal((await author.get('/admin/rubriques')).statusCode, 403);
      const token = hiddenValue((await author.get('/admin')).body, '_csrf');
      const res = await author.post('/admin/rubriques', {
        _csrf: token,
        name: 'Pirate',
        slug: 'pirate',
        description: '',
      });
      assert.equal(res.statusCode, 403);
      assert.equal((await t.app.inject('/pirate')).statusCode, 404);
    });

    test('a form sent without its CSRF token gets 403 and changes nothing', async () => {
      const editor = await signIn();
      await editor.get('/admin/rubriques');
      const res = await editor.post('/admin/rubriques', {
        name: 'Sans jeton',
        slug: '',
        description: '',
      });
      assert.equal(res.statusCode, 403);
      assert.equal((await t.app.inject('/sans-jeton')).statusCode, 404);
    });

    test('a signed-out visitor is sent to the login page', async () => {
      const res = await t.app.inject('/admin/rubriques');
      assert.equal(res.statusCode, 303);
      assert.match(res.headers.location as string, /^\/login/);
    });
  });
}
