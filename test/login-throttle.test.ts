import assert from 'node:assert/strict';
import { createHook } from 'node:async_hooks';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';
import { buildApp } from '../src/app.ts';
import { expireSessionsJob } from '../src/jobs/expire-sessions.ts';
import { buildUser, TEST_PASSWORD } from './helpers/factories.ts';
import { createTestApp, testConfig, testDialects, type TestApp } from './helpers/setup.ts';

interface LoginForm {
  cookie: string;
  token: string;
}

/** One login form's CSRF cookie and token; a browser may post it any number of times. */
async function loginForm(app: FastifyInstance): Promise<LoginForm> {
  const res = await app.inject('/login');
  const token = parse(res.body).querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '';
  return { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), token };
}

function postLogin(
  app: FastifyInstance,
  form: LoginForm,
  { email, password, ip }: { email: string; password: string; ip: string },
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress: ip,
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: form.token, email, password }).toString(),
  });
}

const signedIn = (res: LightMyRequestResponse) =>
  res.statusCode === 303 && res.cookies.some((c) => c.name === 'griot_session');

/**
 * Counts the password checks that run while `work` does: each is one scrypt job on libuv's
 * thread pool, seen from outside the app through async_hooks.
 */
async function countPasswordChecks<T>(
  work: () => Promise<T>,
): Promise<{ result: T; checks: number }> {
  let checks = 0;
  const hook = createHook({
    init(_id, type) {
      if (type === 'SCRYPTREQUEST') checks++;
    },
  }).enable();
  try {
    const result = await work();
    return { result, checks };
  } finally {
    hook.disable();
  }
}

/** How many answers of each status a burst got. */
function tally(responses: LightMyRequestResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
  return counts;
}

for (const dialect of testDialects()) {
  describe(`login throttle on ${dialect.name}`, () => {
    let t: TestApp;
    let form: LoginForm;
    before(async () => {
      t = await createTestApp(dialect);
      form = await loginForm(t.app);
    });
    after(() => t.close());

    test('400 parallel wrong passwords for one email get only the free tries checked', async () => {
      const email = 'rafale@griot.test';
      await buildUser(t.db, { email, role: 'admin' });
      const ip = '198.51.100.20';
      const n = 400;
      const started = performance.now();
      const { result: responses, checks } = await countPasswordChecks(() =>
        Promise.all(
          Array.from({ length: n }, (_, i) =>
            postLogin(t.app, form, { email, password: `faux-${i}`, ip }),
          ),
        ),
      );
      const ms = Math.round(performance.now() - started);
      const counts = tally(responses);
      console.log(
        `# ${dialect.name}: ${n} parallel wrong logins, ${checks} checked → ${JSON.stringify(counts)} in ${ms} ms`,
      );
      // 3 free tries: two answer 401, the third opens a 15 s pause (429); the rest wait unchecked.
      assert.equal(checks, 3, `${checks} passwords checked out of ${n}`);
      assert.deepEqual(counts, { 401: 2, 429: n - 2 });

      // The right password still waits for the pause, and the count is still there.
      const right = await postLogin(t.app, form, { email, password: TEST_PASSWORD, ip });
      assert.equal(right.statusCode, 429);
      assert.ok(!signedIn(right));
      t.clock.advance(16_000);
      const next = await postLogin(t.app, form, { email, password: 'faux', ip });
      assert.equal(next.statusCode, 429);
      assert.match(next.body, /30 secondes/, 'the 4th failure doubles the pause');
    });

    test('the right password sent last in a burst of 200 wrong ones neither signs in nor wipes the count', async () => {
      const email = 'derniere@griot.test';
      await buildUser(t.db, { email, role: 'admin' });
      const ip = '198.51.100.21';
      const { result: responses, checks } = await countPasswordChecks(() => {
        const burst = Array.from({ length: 200 }, (_, i) =>
          postLogin(t.app, form, { email, password: `faux-${i}`, ip }),
        );
        burst.push(postLogin(t.app, form, { email, password: TEST_PASSWORD, ip }));
        return Promise.all(burst);
      });
      const counts = tally(responses);
      console.log(
        `# ${dialect.name}: 200 wrong + the right one last, ${checks} checked → ${JSON.stringify(counts)}`,
      );
      assert.equal(checks, 3, `${checks} passwords checked`);
      assert.ok(!signedIn(responses.at(-1)!), 'the right password sent during the pause');
      assert.deepEqual(counts, { 401: 2, 429: 199 });

      t.clock.advance(16_000);
      const next = await postLogin(t.app, form, { email, password: 'faux', ip });
      assert.match(next.body, /30 secondes/, 'the count survived the burst');
    });

    test('a burst split over two instances of the app is counted as one', async () => {
      const email = 'deux@griot.test';
      await buildUser(t.db, { email, role: 'admin' });
      const otherDb = t.database.connectAgain();
      const other = await buildApp({
        config: testConfig(t.dataDir),
        db: otherDb,
        dialect: t.dialect,
        clock: t.clock,
      });
      try {
        const otherForm = await loginForm(other);
        const ip = '198.51.100.22';
        const { result: responses, checks } = await countPasswordChecks(() =>
          Promise.all(
            Array.from({ length: 300 }, (_, i) =>
              i % 2
                ? postLogin(t.app, form, { email, password: `faux-${i}`, ip })
                : postLogin(other, otherForm, { email, password: `faux-${i}`, ip }),
            ),
          ),
        );
        const counts = tally(responses);
        console.log(
          `# ${dialect.name}: 300 wrong logins over 2 instances, ${checks} checked → ${JSON.stringify(counts)}`,
        );
        assert.equal(checks, 3);
        assert.deepEqual(counts, { 401: 2, 429: 298 });
      } finally {
        await other.close();
      }
    });

    test('an outsider failing on an email from elsewhere only pauses its owner briefly', async () => {
      const email = 'directrice@griot.test';
      await buildUser(t.db, { email, role: 'admin' });
      let longest = 0;
      // Guesses from 20 addresses, two each, as fast as the pauses let them through.
      for (let i = 0; i < 20; i++) {
        for (const password of ['faux-1', 'faux-2']) {
          const res = await postLogin(t.app, form, { email, password, ip: `203.0.113.${i}` });
          if (res.statusCode === 429)
            longest = Math.max(longest, Number(res.headers['retry-after']));
        }
        t.clock.advance(61_000);
      }
      assert.ok(longest > 0, 'guesses spread over many addresses are slowed down');
      assert.ok(longest <= 60, `the email was paused for ${longest} s`);

      // Right after one more wrong guess, the owner waits a minute at most, then gets in.
      await postLogin(t.app, form, { email, password: 'faux-3', ip: '203.0.113.250' });
      const paused = await postLogin(t.app, form, {
        email,
        password: TEST_PASSWORD,
        ip: '192.0.2.99',
      });
      assert.equal(paused.statusCode, 429);
      assert.ok(Number(paused.headers['retry-after']) <= 60, 'a brief pause, not a lockout');
      t.clock.advance(61_000);
      const owner = await postLogin(t.app, form, {
        email,
        password: TEST_PASSWORD,
        ip: '192.0.2.99',
      });
      assert.ok(signedIn(owner), `the owner got ${owner.statusCode}`);
    });

    test('the lockout falls on the email from the failing client, not from the owner’s', async () => {
      const email = 'redac@griot.test';
      await buildUser(t.db, { email, role: 'editor' });
      const outsider = '203.0.113.251';
      for (let i = 0; i < 6; i++) {
        await postLogin(t.app, form, { email, password: 'faux', ip: outsider });
        t.clock.advance(61_000);
      }
      const lockedOut = await postLogin(t.app, form, { email, password: 'faux', ip: outsider });
      assert.equal(lockedOut.statusCode, 429);
      assert.ok(Number(lockedOut.headers['retry-after']) > 10 * 60, 'the outsider is locked out');
      const owner = await postLogin(t.app, form, {
        email,
        password: TEST_PASSWORD,
        ip: '192.0.2.98',
      });
      assert.ok(signedIn(owner), `the owner got ${owner.statusCode}`);
    });

    test('one client failing on many emails is paused after 20 tries, other clients are not', async () => {
      const email = 'bureau@griot.test';
      await buildUser(t.db, { email, role: 'author' });
      const ip = '198.51.100.23';
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        const res = await postLogin(t.app, form, {
          email: `x${i}@griot.test`,
          password: 'faux',
          ip,
        });
        statuses.push(res.statusCode);
      }
      assert.deepEqual(statuses, [...Array<number>(19).fill(401), 429]);
      const same = await postLogin(t.app, form, { email, password: TEST_PASSWORD, ip });
      assert.equal(same.statusCode, 429);
      const elsewhere = await postLogin(t.app, form, {
        email,
        password: TEST_PASSWORD,
        ip: '198.51.100.24',
      });
      assert.ok(signedIn(elsewhere));
    });

    test('signing in again and again from one office uses up none of its tries', async () => {
      const email = 'assidue@griot.test';
      await buildUser(t.db, { email, role: 'author' });
      for (let i = 0; i < 21; i++) {
        const res = await postLogin(t.app, form, {
          email,
          password: TEST_PASSWORD,
          ip: '198.51.100.25',
        });
        assert.ok(signedIn(res), `login ${i + 1} got ${res.statusCode}`);
      }
    });

    test('an unknown email costs one password check, like a known one; a paused one costs none', async () => {
      await buildUser(t.db, { email: 'connue@griot.test', role: 'author' });
      const ip = '198.51.100.26';
      for (const email of ['connue@griot.test', 'inconnue@griot.test']) {
        const { result, checks } = await countPasswordChecks(() =>
          postLogin(t.app, form, { email, password: 'faux', ip }),
        );
        assert.equal(result.statusCode, 401, email);
        assert.equal(checks, 1, email);
      }
      for (const email of ['connue@griot.test', 'inconnue@griot.test']) {
        await postLogin(t.app, form, { email, password: 'faux', ip });
        await postLogin(t.app, form, { email, password: 'faux', ip });
        const { result, checks } = await countPasswordChecks(() =>
          postLogin(t.app, form, { email, password: 'faux', ip }),
        );
        assert.equal(result.statusCode, 429, email);
        assert.equal(checks, 0, email);
      }
    });

    test('the worker forgets failed-login counters after a quiet hour', async () => {
      await postLogin(t.app, form, {
        email: 'vieux@griot.test',
        password: 'faux',
        ip: '198.51.100.27',
      });
      t.clock.advance(61 * 60_000);
      await postLogin(t.app, form, {
        email: 'recent@griot.test',
        password: 'faux',
        ip: '198.51.100.28',
      });
      const keys = async () =>
        (await t.db.selectFrom('login_attempts').select('key').execute()).map((r) => r.key);
      assert.ok((await keys()).some((k) => k.includes('vieux@griot.test')));

      const handled = await expireSessionsJob({ db: t.db }).run(t.clock.now());
      const left = await keys();
      assert.ok(handled > 0);
      assert.ok(!left.some((k) => k.includes('vieux@griot.test')), 'the stale counters are gone');
      assert.ok(left.includes('email:recent@griot.test'), 'a fresh counter is kept');
    });
  });
}
