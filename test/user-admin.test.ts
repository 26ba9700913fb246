import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import type { OutboxMail } from '../src/mail/outbox.table.ts';
import { accountMailStillWanted } from '../src/users/account-mails.tsx';
import type { User } from '../src/users/user.table.ts';
import { buildUser, TEST_PASSWORD } from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const NEW_PASSWORD = 'une phrase de passe assez longue';

for (const dialect of testDialects()) {
  describe(`user admin on ${dialect.name}`, () => {
    let t: TestApp;
    let admin: Browser;
    let n = 0;

    before(async () => {
      t = await createTestApp(dialect);
      await buildUser(t.db, { email: 'admin@griot.test', name: 'Adja Admin', role: 'admin' });
      admin = await signIn(t, 'admin@griot.test');
    });
    after(() => t.close());

    const csrfOf = async (member: Browser, url = '/admin/utilisateurs') =>
      hiddenValue((await member.get(url)).body, '_csrf');

    const invite = async (fields: Record<string, string>) =>
      admin.post('/admin/utilisateurs', { _csrf: await csrfOf(admin), ...fields });

    /** The newest account mail queued for an address, and the link it carries. */
    const lastMailTo = async (to: string): Promise<{ mail: OutboxMail; link: string }> => {
      const mail = await t.db
        .selectFrom('outbox')
        .selectAll()
        .where('to_address', '=', to)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      const link = /https:\/\/griot\.test(\/compte\/[\w-]+)/.exec(mail.text_body)?.[1];
      assert.ok(link, mail.text_body);
      return { mail, link };
    };

    const userByEmail = (email: string) =>
      t.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

    /** Chooses a password on a link's page, from a fresh browser. */
    const useLink = async (link: string, password: string, confirm = password) => {
      const visitor = new Browser(t, `198.51.100.${++n}`);
      const page = await visitor.get(link);
      const res = await visitor.post(link, {
        _csrf: hiddenValue(page.body, '_csrf'),
        username: 'x',
        password,
        confirm,
      });
      return { visitor, page, res };
    };

    const canSignIn = async (email: string, password: string) => {
      try {
        await new Browser(t, `198.51.100.${++n}`).login(email, password);
        return true;
      } catch {
        return false;
      }
    };

    test('an admin invites a member, who chooses a password through the mailed link and is signed in', async () => {
      const res = await invite({
        name: 'Binta Journaliste',
        email: ' Binta@Griot.Test ',
        role: 'author',
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      const page = await admin.get(res.headers.location as string);
      assert.match(page.body, /Invitation envoyée/);
      assert.match(page.body, /Invitation en attente/);

      const invited = await userByEmail('binta@griot.test');
      assert.equal(invited.role, 'author');
      assert.equal(await canSignIn('binta@griot.test', ''), false);

      const { mail, link } = await lastMailTo('binta@griot.test');
      assert.equal(mail.kind, 'account-invitation');
      assert.match(mail.subject, /Invitation à rejoindre la rédaction/);
      assert.match(mail.text_body, /Adja Admin vous invite/);
      // Only the token's hash is stored.
      const token = link.split('/').pop()!;
      const links = await t.db.selectFrom('account_links').selectAll().execute();
      assert.ok(links.every((l) => l.token_hash !== token));

      const mismatch = await useLink(link, NEW_PASSWORD, 'autre chose encore');
      assert.match(mismatch.page.body, /Bienvenue dans la rédaction/);
      assert.match(mismatch.page.body, /Bonjour Binta Journaliste/);
      assert.equal(mismatch.page.headers['referrer-policy'], 'no-referrer');
      assert.equal(mismatch.res.statusCode, 422);
      assert.match(mismatch.res.body, /Les deux mots de passe ne sont pas identiques/);
      const short = await useLink(link, 'court', 'court');
      assert.equal(short.res.statusCode, 422);
      assert.match(short.res.body, /trop court/);

      const done = await useLink(link, NEW_PASSWORD);
      assert.equal(done.res.statusCode, 303);
      assert.equal(done.res.headers.location, '/admin');
      const dashboard = await done.visitor.get('/admin');
      assert.equal(dashboard.statusCode, 200);
      assert.match(dashboard.body, /Binta Journaliste/);
      assert.equal(await canSignIn('binta@griot.test', NEW_PASSWORD), true);

      // A link works once.
      const again = await new Browser(t, '198.51.100.250').get(link);
      assert.equal(again.statusCode, 410);
      assert.match(again.body, /Ce lien n’est plus valable/);
      const list = await admin.get('/admin/utilisateurs');
      const row = parse(list.body)
        .querySelectorAll('.user-list li')
        .find((li) => li.text.includes('binta@griot.test'));
      assert.match(row!.text, /Actif/);
    });

    test('a wrong invitation comes back with French errors and what was typed', async () => {
      const res = await invite({ name: '', email: 'pas-une-adresse', role: 'chef' });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /L’invitation n’a pas été envoyée/);
      assert.match(res.body, /Indiquez le nom de la personne/);
      assert.match(res.body, /L’adresse électronique n’est pas valide/);
      assert.match(res.body, /Choisissez un rôle dans la liste/);
      assert.equal(
        parse(res.body).querySelector('#user-email')?.getAttribute('value'),
        'pas-une-adresse',
      );

      await buildUser(t.db, { email: 'deja@griot.test', role: 'author' });
      const taken = await invite({ name: 'Déjà <Là>', email: 'DEJA@griot.test', role: 'editor' });
      assert.equal(taken.statusCode, 409);
      assert.match(taken.body, /Un compte existe déjà pour cette adresse/);
      assert.equal(
        parse(taken.body).querySelector('#user-name')?.getAttribute('value'),
        'Déjà <Là>',
      );
      assert.doesNotMatch(taken.body, /Déjà <Là>/);
    });

    test('an admin changes a role, and the server enforces the new one at once', async () => {
      const member = await buildUser(t.db, {
        email: 'promu@griot.test',
        name: 'Promu',
        role: 'author',
      });
      const browser = await signIn(t, 'promu@griot.test');
      assert.equal((await browser.get('/admin/rubriques')).statusCode, 403);

      const url = `/admin/utilisateurs/${member.id}`;
      const res = await admin.post(url, {
        _csrf: await csrfOf(admin, url),
        name: 'Promu Éditeur',
        role: 'editor',
      });
      assert.equal(res.statusCode, 303);
      assert.match(
        (await admin.get(res.headers.location as string)).body,
        /Modifications enregistrées/,
      );
      const stored = await userByEmail('promu@griot.test');
      assert.equal(stored.role, 'editor');
      assert.equal(stored.name, 'Promu Éditeur');
      assert.equal((await browser.get('/admin/rubriques')).statusCode, 200);
    });

    test('a disabled account is signed out and cannot sign in until enabled again', async () => {
      const member = await buildUser(t.db, { email: 'parti@griot.test', role: 'editor' });
      const browser = await signIn(t, 'parti@griot.test');
      const url = `/admin/utilisateurs/${member.id}`;
      const res = await admin.post(`${url}/desactiver`, { _csrf: await csrfOf(admin, url) });
      assert.equal(res.statusCode, 303);
      assert.match((await admin.get(res.headers.location as string)).body, /Compte désactivé/);

      const after = await browser.get('/admin');
      assert.equal(after.statusCode, 303);
      assert.match(after.headers.location as string, /^\/login/);
      assert.equal(await canSignIn('parti@griot.test', TEST_PASSWORD), false);
      // No link can be sent to a disabled account.
      const link = await admin.post(`${url}/lien`, { _csrf: await csrfOf(admin, url) });
      assert.equal(link.statusCode, 409);
      assert.match(link.body, /Ce compte est désactivé/);

      const enabled = await admin.post(`${url}/reactiver`, { _csrf: await csrfOf(admin, url) });
      assert.equal(enabled.statusCode, 303);
      assert.equal(await canSignIn('parti@griot.test', TEST_PASSWORD), true);
    });

    test('an admin can neither demote nor disable themselves', async () => {
      const me = await userByEmail('admin@griot.test');
      const url = `/admin/utilisateurs/${me.id}`;
      const page = await admin.get(url);
      assert.equal(parse(page.body).querySelector('form[action$="/desactiver"]'), null);
      const demote = await admin.post(url, {
        _csrf: await csrfOf(admin, url),
        name: 'Adja',
        role: 'author',
      });
      assert.equal(demote.statusCode, 409);
      assert.match(demote.body, /Vous ne pouvez ni changer votre propre rôle/);
      const disable = await admin.post(`${url}/desactiver`, { _csrf: await csrfOf(admin, url) });
      assert.equal(disable.statusCode, 409);
      assert.equal((await userByEmail('admin@griot.test')).role, 'admin');
      // Renaming oneself is fine.
      const rename = await admin.post(url, {
        _csrf: await csrfOf(admin, url),
        name: 'Adja Admin',
        role: 'admin',
      });
      assert.equal(rename.statusCode, 303);
    });

    test('two admins demoting each other at the same time leave one admin', async () => {
      const a = await buildUser(t.db, { email: 'duel-a@griot.test', role: 'admin' });
      const b = await buildUser(t.db, { email: 'duel-b@griot.test', role: 'admin' });
      // The main admin steps aside for this test: only the duellists remain admins.
      const main = await userByEmail('admin@griot.test');
      await t.db.updateTable('users').set({ role: 'editor' }).where('id', '=', main.id).execute();
      try {
        const browserA = await signIn(t, 'duel-a@griot.test');
        const browserB = await signIn(t, 'duel-b@griot.test');
        const demote = async (by: Browser, target: User) => {
          const url = `/admin/utilisateurs/${target.id}`;
          return by.post(url, { _csrf: await csrfOf(by, url), name: target.name, role: 'author' });
        };
        const [ra, rb] = await Promise.all([demote(browserA, b), demote(browserB, a)]);
        const statuses = [ra.statusCode, rb.statusCode].sort((x, y) => x - y);
        const admins = await t.db
          .selectFrom('users')
          .select('email')
          .where('role', '=', 'admin')
          .where('disabled_at', 'is', null)
          .execute();
        assert.ok(admins.length >= 1, `no admin left (answers ${statuses.join(', ')})`);
        // Whichever ran second was refused, or had lost its rights before it could act.
        assert.equal(statuses[0], 303, `answers ${statuses.join(', ')}`);
        assert.ok([403, 409].includes(statuses[1]!), `answers ${statuses.join(', ')}`);
      } finally {
        await t.db.updateTable('users').set({ role: 'admin' }).where('id', '=', main.id).execute();
      }
    });

    test('a password-reset link replaces the password and ends the old sessions', async () => {
      const member = await buildUser(t.db, { email: 'oubli@griot.test', role: 'author' });
      const oldSession = await signIn(t, 'oubli@griot.test');
      const url = `/admin/utilisateurs/${member.id}`;
      const first = await admin.post(`${url}/lien`, { _csrf: await csrfOf(admin, url) });
      assert.equal(first.statusCode, 303);
      const { link: firstLink } = await lastMailTo('oubli@griot.test');
      const second = await admin.post(`${url}/lien`, { _csrf: await csrfOf(admin, url) });
      assert.match(
        (await admin.get(second.headers.location as string)).body,
        /nouveau mot de passe/,
      );
      const { mail, link } = await lastMailTo('oubli@griot.test');
      assert.equal(mail.kind, 'account-password-reset');
      // A new link replaces the previous one, whose queued mail is no longer wanted.
      assert.equal((await new Browser(t, '198.51.100.251').get(firstLink)).statusCode, 410);
      const wanted = accountMailStillWanted(t.db);
      const [older] = await t.db
        .selectFrom('outbox')
        .selectAll()
        .where('to_address', '=', 'oubli@griot.test')
        .orderBy('id')
        .execute();
      assert.equal(await wanted(older!, t.clock.now()), false);
      assert.equal(await wanted(mail, t.clock.now()), true);

      // The old password keeps working until the link is used.
      assert.equal(await canSignIn('oubli@griot.test', TEST_PASSWORD), true);
      const done = await useLink(link, NEW_PASSWORD);
      assert.equal(done.res.statusCode, 303);
      assert.equal(await canSignIn('oubli@griot.test', TEST_PASSWORD), false);
      assert.equal(await canSignIn('oubli@griot.test', NEW_PASSWORD), true);
      assert.equal((await oldSession.get('/admin')).statusCode, 303);
    });

    test('a link expires: an invitation after 7 days', async () => {
      const res = await invite({ name: 'Tardif', email: 'tardif@griot.test', role: 'moderator' });
      assert.equal(res.statusCode, 303);
      const { mail, link } = await lastMailTo('tardif@griot.test');
      assert.match(mail.text_body, /expire le 30 novembre 2026/);
      const start = t.clock.now();
      t.clock.advance(7 * 24 * 60 * 60_000 + 1000);
      try {
        const page = await new Browser(t, '198.51.100.252').get(link);
        assert.equal(page.statusCode, 410);
        assert.equal(await accountMailStillWanted(t.db)(mail, t.clock.now()), false);
      } finally {
        t.clock.set(start);
      }
      // The admin sends a fresh one from the account's page.
      const user = await userByEmail('tardif@griot.test');
      const url = `/admin/utilisateurs/${user.id}`;
      const page = await admin.get(url);
      assert.match(page.body, /Renvoyer l’invitation/);
      const again = await admin.post(`${url}/lien`, { _csrf: await csrfOf(admin, url) });
      assert.equal(again.statusCode, 303);
      assert.equal((await lastMailTo('tardif@griot.test')).mail.kind, 'account-invitation');
    });

    test('the invitation link shows in the outbox to admins only; editors see it masked', async () => {
      await buildUser(t.db, { email: 'lecteur-file@griot.test', role: 'editor' });
      const res = await invite({ name: 'Cachée', email: 'cachee@griot.test', role: 'admin' });
      assert.equal(res.statusCode, 303);
      const { mail, link } = await lastMailTo('cachee@griot.test');
      const token = link.split('/').pop()!;
      const forAdmin = await admin.get(`/admin/courriels/${mail.id}`);
      assert.equal(forAdmin.statusCode, 200);
      assert.ok(forAdmin.body.includes(token));
      const editor = await signIn(t, 'lecteur-file@griot.test');
      const forEditor = await editor.get(`/admin/courriels/${mail.id}`);
      assert.equal(forEditor.statusCode, 200);
      assert.ok(!forEditor.body.includes(token), 'the token leaks to an editor');
      assert.match(forEditor.body, /\/compte\/••••••/);
    });

    test('only admins reach user management', async () => {
      await buildUser(t.db, { email: 'redac@griot.test', role: 'editor' });
      const editor = await signIn(t, 'redac@griot.test');
      assert.equal((await editor.get('/admin/utilisateurs')).statusCode, 403);
      const post = await editor.post('/admin/utilisateurs', {
        _csrf: hiddenValue((await editor.get('/admin')).body, '_csrf'),
        name: 'Intrus',
        email: 'intrus@griot.test',
        role: 'admin',
      });
      assert.equal(post.statusCode, 403);
      assert.equal(
        await t.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'intrus@griot.test')
          .executeTakeFirst(),
        undefined,
      );
      assert.doesNotMatch((await editor.get('/admin')).body, /href="\/admin\/utilisateurs"/);
      assert.match((await admin.get('/admin')).body, /href="\/admin\/utilisateurs"/);
    });
  });
}
