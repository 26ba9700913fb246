import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';
import { buildSection, buildUser, TEST_PASSWORD } from './helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

/** Cookies a browser would keep from a response, as a Cookie header value. */
function cookieJar(...responses: LightMyRequestResponse[]): string {
  const jar = new Map<string, string>();
  for (const res of responses) for (const c of res.cookies) jar.set(c.name, c.value);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

async function loginForm(t: TestApp, url = '/login') {
  const res = await t.app.inject(url);
  const token = parse(res.body).querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '';
  return { res, token, cookie: cookieJar(res) };
}

async function postLogin(t: TestApp, fields: Record<string, string>, ip = '203.0.113.7') {
  const form = await loginForm(t);
  const res = await t.app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress: ip,
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: form.token, ...fields }).toString(),
  });
  return { res, cookie: cookieJar(form.res, res) };
}

for (const dialect of testDialects()) {
  describe(`newsroom login on ${dialect.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      await buildUser(t.db, { email: 'editrice@griot.test', name: 'Aminata Koné', role: 'editor' });
      await buildUser(t.db, { email: 'bloquee@griot.test', role: 'author' });
      await buildUser(t.db, { email: 'partie@griot.test', role: 'author', disabled: true });
    });
    after(() => t.close());

    test('the newsroom page sends visitors to the login form', async () => {
      const res = await t.app.inject('/admin');
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/login?next=%2Fadmin');
    });

    test('the login page is in French, never cached, and carries a CSRF token', async () => {
      const { res, token } = await loginForm(t);
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['cache-control'] as string, /no-store/);
      const doc = parse(res.body);
      assert.equal(doc.querySelector('h1')?.text, 'Connexion à l’espace rédaction');
      assert.equal(doc.querySelector('label[for="password"]')?.text, 'Mot de passe');
      assert.ok(token.length > 10);
    });

    test('a correct login opens a session and shows who is logged in with their role', async () => {
      const { res, cookie } = await postLogin(t, {
        email: 'Editrice@Griot.test ',
        password: TEST_PASSWORD,
        next: '/admin',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin');
      const session = res.cookies.find((c) => c.name === 'griot_session');
      assert.ok(session, 'session cookie');
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, 'Lax');
      assert.equal(session.secure, true, 'Secure, as PUBLIC_URL is https');
      const admin = await t.app.inject({ url: '/admin', headers: { cookie } });
      assert.equal(admin.statusCode, 200);
      const doc = parse(admin.body);
      assert.match(doc.querySelector('h1')?.text ?? '', /Aminata Koné/);
      assert.equal(doc.querySelector('.role')?.text, 'Éditeur');
      assert.match(admin.headers['cache-control'] as string, /no-store/);
    });

    test('a wrong password is refused with a French message and keeps the typed email', async () => {
      const { res } = await postLogin(
        t,
        { email: 'editrice@griot.test', password: 'mauvais' },
        '198.51.100.1',
      );
      assert.equal(res.statusCode, 401);
      const doc = parse(res.body);
      assert.equal(doc.querySelector('.alert')?.text, 'Adresse e-mail ou mot de passe incorrect.');
      assert.equal(
        doc.querySelector('input[name="email"]')?.getAttribute('value'),
        'editrice@griot.test',
      );
      assert.equal(doc.querySelector('input[name="password"]')?.getAttribute('value'), undefined);
      assert.equal(
        res.cookies.find((c) => c.name === 'griot_session'),
        undefined,
      );
    });

    test('an unknown email and a disabled account get the same answer', async () => {
      for (const email of ['personne@griot.test', 'partie@griot.test']) {
        const { res } = await postLogin(t, { email, password: TEST_PASSWORD }, '198.51.100.2');
        assert.equal(res.statusCode, 401, email);
        assert.match(res.body, /Adresse e-mail ou mot de passe incorrect/);
      }
    });

    test('repeated failures slow down, then lock the account out, even with the right password', async () => {
      const ip = '198.51.100.3';
      for (let i = 0; i < 2; i++) {
        const { res } = await postLogin(t, { email: 'bloquee@griot.test', password: 'faux' }, ip);
        assert.equal(res.statusCode, 401);
      }
      const third = await postLogin(t, { email: 'bloquee@griot.test', password: 'faux' }, ip);
      assert.equal(third.res.statusCode, 429);
      assert.match(
        third.res.body,
        /Trop de tentatives infructueuses\. Réessayez dans 15 secondes\./,
      );
      const locked = await postLogin(
        t,
        { email: 'bloquee@griot.test', password: TEST_PASSWORD },
        ip,
      );
      assert.equal(locked.res.statusCode, 429, 'the right password does not help while locked');
      assert.equal(locked.res.headers['retry-after'], '15');

      t.clock.advance(16_000);
      const fourth = await postLogin(t, { email: 'bloquee@griot.test', password: 'faux' }, ip);
      assert.equal(fourth.res.statusCode, 429);
      assert.match(fourth.res.body, /30 secondes/, 'the pause doubles');
      for (let i = 0; i < 4; i++) {
        t.clock.advance(16 * 60_000);
        await postLogin(t, { email: 'bloquee@griot.test', password: 'faux' }, ip);
      }
      const lockedOut = await postLogin(
        t,
        { email: 'bloquee@griot.test', password: TEST_PASSWORD },
        ip,
      );
      assert.match(lockedOut.res.body, /Réessayez dans 15 minutes/);

      t.clock.advance(16 * 60_000);
      const ok = await postLogin(t, { email: 'bloquee@griot.test', password: TEST_PASSWORD }, ip);
      assert.equal(ok.res.statusCode, 303, 'the lock expires');
    });

    test('a login without a valid CSRF token is rejected', async () => {
      const form = await loginForm(t);
      const payload = (token: string) =>
        new URLSearchParams({
          _csrf: token,
          email: 'editrice@griot.test',
          password: TEST_PASSWORD,
        }).toString();
      const headers = { 'content-type': 'application/x-www-form-urlencoded' };
      const noCookie = await t.app.inject({
        method: 'POST',
        url: '/login',
        headers,
        payload: payload(form.token),
      });
      assert.equal(noCookie.statusCode, 403);
      assert.equal(parse(noCookie.body).querySelector('h1')?.text, 'Formulaire expiré');
      const forged = await t.app.inject({
        method: 'POST',
        url: '/login',
        headers: { ...headers, cookie: form.cookie },
        payload: payload('forged-token'),
      });
      assert.equal(forged.statusCode, 403);
      assert.equal(
        forged.cookies.find((c) => c.name === 'griot_session'),
        undefined,
      );
    });

    test('logging out ends the session on the server', async () => {
      const { cookie } = await postLogin(
        t,
        { email: 'editrice@griot.test', password: TEST_PASSWORD },
        '198.51.100.4',
      );
      const admin = await t.app.inject({ url: '/admin', headers: { cookie } });
      const token =
        parse(admin.body)
          .querySelector('form[action="/logout"] input[name="_csrf"]')
          ?.getAttribute('value') ?? '';
      const out = await t.app.inject({
        method: 'POST',
        url: '/logout',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${encodeURIComponent(token)}`,
      });
      assert.equal(out.statusCode, 303);
      assert.equal(out.headers.location, '/login?out=1');
      // The old cookie no longer opens anything, even if a copy of it was kept.
      const again = await t.app.inject({ url: '/admin', headers: { cookie } });
      assert.equal(again.statusCode, 303);
    });

    test('a login never redirects off-site', async () => {
      const { res } = await postLogin(
        t,
        { email: 'editrice@griot.test', password: TEST_PASSWORD, next: '//evil.example/' },
        '198.51.100.5',
      );
      assert.equal(res.headers.location, '/admin');
    });
  });
}
