import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';
import { buildUser, TEST_PASSWORD } from './helpers/factories.ts';
import { hiddenValue } from './helpers/http.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const SITE = 'https://griot.test';
const EMAIL = 'retour@griot.test';

/** `next` values as a form or a decoded query carries them, each meant to leave the site. */
const hostile: string[] = [
  '/\t/evil.example/x',
  '/\n/x',
  '/\r\n/evil.example',
  '\t//evil.example',
  '//evil.example',
  '///evil.example',
  '////evil.example/',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '\\/evil.example',
  '/.//evil.example',
  '/..//evil.example',
  '/admin/..//evil.example',
  'https://evil.example/',
  'https:\\\\evil.example',
  'HTTPS://evil.example',
  'http://griot.test/admin',
  'https://griot.test.evil.example/',
  'https://griot.test@evil.example/',
  '//griot.test@evil.example',
  '//evil.example\\@griot.test',
  'javascript:alert(1)',
  ' javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '\u0000//evil.example',
  '/\u007f/evil.example',
  '/\u0085/evil.example',
  '/\u2028/evil.example',
  '\uFF0F\uFF0Fevil.example',
  '/\u3002evil.example',
  '//evil\u3002example',
  '//ｅｖｉｌ.example',
  'https://evil.example%2f@griot.test',
  'x'.repeat(1000),
];

/** Query strings as a browser may send them, encoded in the ways that fooled the old check. */
const hostileQueries: string[] = [
  '/%09/evil.example/x',
  '/%0a/x',
  '/%0d%0a/evil.example',
  '%2F%2Fevil.example',
  '/%2f%2fevil.example',
  '/%252f%252fevil.example',
  '/%5Cevil.example',
  '/%5C%5Cevil.example',
  '%5C%5Cevil.example',
  '/%E2%80%A8/evil.example',
  '/%C0%AF/evil.example',
  '/%ff/%fe',
  '%',
  '/%',
  'javascript%3Aalert(1)',
  'https%3A%2F%2Fevil.example',
];

/** A Location a browser would follow (WHATWG rules, tabs and newlines dropped) stays here. */
function assertStaysOnSite(location: string, what: string): void {
  assert.ok(location.startsWith('/'), `${what} → ${location}`);
  assert.doesNotMatch(location, /[\p{Cc}\\]|^\/\//u, `${what} → ${location}`);
  assert.equal(new URL(location, `${SITE}/login`).origin, SITE, `${what} → ${location}`);
  assert.match(location, /^[\x21-\x7e]+$/, `${what}: ASCII, as a header must be`);
}

for (const dialect of testDialects()) {
  describe(`the login's return address on ${dialect.name}`, () => {
    let t: TestApp;
    let form: { cookie: string; token: string };
    before(async () => {
      t = await createTestApp(dialect);
      await buildUser(t.db, { email: EMAIL, role: 'editor' });
      const page = await t.app.inject('/login');
      form = {
        cookie: page.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
        token: hiddenValue(page.body, '_csrf'),
      };
    });
    after(() => t.close());

    const post = (fields: Record<string, string | string[]>): Promise<LightMyRequestResponse> => {
      const body = new URLSearchParams({ _csrf: form.token });
      for (const [k, v] of Object.entries(fields))
        for (const one of ([] as string[]).concat(v)) body.append(k, one);
      return t.app.inject({
        method: 'POST',
        url: '/login',
        remoteAddress: '198.51.100.40',
        headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      });
    };

    test('a signed-in login never sends the browser off-site, whatever `next` holds', async () => {
      for (const next of hostile) {
        const res = await post({ email: EMAIL, password: TEST_PASSWORD, next });
        const what = JSON.stringify(next);
        assert.equal(res.statusCode, 303, what);
        assertStaysOnSite(res.headers.location as string, what);
      }
    });

    test('an off-site `next` falls back to the newsroom home', async () => {
      for (const next of [
        '/\t/evil.example/x',
        '/\n/x',
        '//evil.example',
        '/\\evil.example',
        '/.//evil.example',
        'https://evil.example/',
        'javascript:alert(1)',
      ]) {
        const res = await post({ email: EMAIL, password: TEST_PASSWORD, next });
        assert.equal(res.headers.location, '/admin', JSON.stringify(next));
      }
    });

    test('a local `next` is kept, in its URL form', async () => {
      const cases: [string, string][] = [
        [
          '/admin/articles/12?onglet=revisions#historique',
          '/admin/articles/12?onglet=revisions#historique',
        ],
        [`${SITE}/admin/commentaires`, '/admin/commentaires'],
        ['/admin/rubriques/économie', '/admin/rubriques/%C3%A9conomie'],
        ['/%2f%2fevil.example', '/%2f%2fevil.example'],
      ];
      for (const [next, location] of cases) {
        const res = await post({ email: EMAIL, password: TEST_PASSWORD, next });
        assert.equal(res.headers.location, location, next);
      }
    });

    test('the login form carries only a safe `next`, and no encoding gives an error', async () => {
      const queries = [...hostileQueries, ...hostile.map((v) => encodeURIComponent(v))];
      for (const query of queries) {
        const res = await t.app.inject(`/login?next=${query}`);
        assert.ok(res.statusCode < 500, `${query} → ${res.statusCode}`);
        if (res.statusCode !== 200) continue;
        assertStaysOnSite(hiddenValue(res.body, 'next'), query);
      }
    });

    test('a signed-in visitor sent to the login page goes home, not off-site', async () => {
      const res = await post({ email: EMAIL, password: TEST_PASSWORD });
      const cookie = [form.cookie, ...res.cookies.map((c) => `${c.name}=${c.value}`)].join('; ');
      for (const query of ['/%09/evil.example/x', '/%0a/x', '%2F%2Fevil.example']) {
        const again = await t.app.inject({ url: `/login?next=${query}`, headers: { cookie } });
        assert.equal(again.statusCode, 303, query);
        assert.equal(again.headers.location, '/admin', query);
      }
    });
  });

  describe(`the login form's input on ${dialect.name}`, () => {
    let t: TestApp;
    let form: { cookie: string; token: string };
    before(async () => {
      t = await createTestApp(dialect);
      const page = await t.app.inject('/login');
      form = {
        cookie: page.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
        token: hiddenValue(page.body, '_csrf'),
      };
    });
    after(() => t.close());

    const post = (payload: string): Promise<LightMyRequestResponse> =>
      t.app.inject({
        method: 'POST',
        url: '/login',
        remoteAddress: '198.51.100.41',
        headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${encodeURIComponent(form.token)}&${payload}`,
      });

    const invalidPage = (res: LightMyRequestResponse, what: string) => {
      assert.equal(res.statusCode, 400, what);
      assert.equal(parse(res.body).querySelector('h1')?.text, 'Demande invalide', what);
    };

    test('a repeated or oversized field gets the « Demande invalide » page', async () => {
      const cases = [
        'email=a%40griot.test&email=b%40griot.test&password=x',
        'email=a%40griot.test&password=x&password=y',
        'email=a%40griot.test&password=x&next=%2Fa&next=%2Fb',
        `email=${'a'.repeat(400)}%40griot.test&password=x`,
        `email=a%40griot.test&password=${'x'.repeat(5000)}`,
        `email=a%40griot.test&password=x&next=%2F${'a'.repeat(5000)}`,
        '_csrf=deux&email=a%40griot.test&password=x',
      ];
      for (const payload of cases) invalidPage(await post(payload), payload.slice(0, 60));
      for (const query of ['next=%2Fa&next=%2Fb', `next=%2F${'a'.repeat(5000)}`, 'out=1&out=2'])
        invalidPage(await t.app.inject(`/login?${query}`), query.slice(0, 60));
    });

    test('a missing password comes back with the typed email', async () => {
      const res = await post('email=Aminata%40griot.test');
      assert.equal(res.statusCode, 400);
      const doc = parse(res.body);
      assert.equal(
        doc.querySelector('.alert')?.text,
        'Saisissez votre adresse e-mail et votre mot de passe.',
      );
      assert.equal(
        doc.querySelector('input[name="email"]')?.getAttribute('value'),
        'Aminata@griot.test',
      );
    });

    test('a post without a body or a token is refused as a stale form, not as an error', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/login' });
      assert.equal(res.statusCode, 403);
      assert.equal(parse(res.body).querySelector('h1')?.text, 'Formulaire expiré');
    });
  });
}
