import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';
import { SMTPServer } from 'smtp-server';
import { MAX_ATTEMPTS, nextStep, retryDelayMs } from '../src/mail/backoff.ts';
import { createSmtpMailer, isPermanentFailure, type Mailer } from '../src/mail/mailer.ts';
import {
  claimDueMails,
  countMailsByStatus,
  findMail,
  insertOutboxMail,
  listMails,
  markMailFailed,
  markMailRetry,
  markMailSent,
} from '../src/mail/outbox.queries.ts';
import type { OutboxMail } from '../src/mail/outbox.table.ts';
import { NOT_WANTED_REASON, sendOutboxJob } from '../src/mail/send-outbox.ts';
import type { Role } from '../src/users/user.table.ts';
import { buildUser, TEST_PASSWORD } from './helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const START = '2026-11-23T12:00:00.000Z';
const MINUTE = 60_000;

describe('mail backoff', () => {
  test('retries wait 1, 2, 4, 8, 16, 32 then 64 minutes', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7].map(retryDelayMs),
      [1, 2, 4, 8, 16, 32, 64].map((m) => m * MINUTE),
    );
  });

  test('the delay is capped at 6 hours', () => {
    assert.equal(retryDelayMs(9), 256 * MINUTE);
    assert.equal(retryDelayMs(10), 6 * 60 * MINUTE);
    assert.equal(retryDelayMs(10_000), 6 * 60 * MINUTE);
    assert.equal(retryDelayMs(0), MINUTE);
  });

  test('gives up once MAX_ATTEMPTS tries were made', () => {
    assert.equal(MAX_ATTEMPTS, 8);
    assert.deepEqual(nextStep(1), { retryInMs: MINUTE });
    assert.deepEqual(nextStep(MAX_ATTEMPTS - 1), { retryInMs: 64 * MINUTE });
    assert.equal(nextStep(MAX_ATTEMPTS), 'give-up');
    assert.equal(nextStep(MAX_ATTEMPTS + 3), 'give-up');
  });

  test('only a 5xx refusal of the recipient is permanent', () => {
    assert.equal(isPermanentFailure({ responseCode: 550, command: 'RCPT TO' }), true);
    assert.equal(isPermanentFailure({ responseCode: 451, command: 'RCPT TO' }), false);
    assert.equal(isPermanentFailure({ responseCode: 535, command: 'AUTH PLAIN' }), false);
    assert.equal(isPermanentFailure(new Error('ECONNREFUSED')), false);
    assert.equal(isPermanentFailure(null), false);
  });

  test('a 5xx answer to DATA is permanent too, a 4xx one is not', () => {
    assert.equal(isPermanentFailure({ responseCode: 554, command: 'DATA' }), true);
    assert.equal(isPermanentFailure({ responseCode: 552, command: 'DATA' }), true);
    assert.equal(isPermanentFailure({ responseCode: 452, command: 'DATA' }), false);
    assert.equal(isPermanentFailure({ responseCode: 550, command: 'MAIL FROM' }), false);
    assert.equal(isPermanentFailure({ responseCode: 554, command: 'CONN' }), false);
  });

  test('the waits can be scaled down from their first one', () => {
    assert.deepEqual(nextStep(1, 100), { retryInMs: 100 });
    assert.deepEqual(nextStep(3, 100), { retryInMs: 400 });
    assert.equal(nextStep(MAX_ATTEMPTS, 100), 'give-up');
  });
});

describe('the SMTP mailer', () => {
  /** A server that greets, then never answers again; resolves its socket's close. */
  async function startSilentServer(): Promise<{
    url: string;
    closed: Promise<void>;
    stop(): void;
  }> {
    let closed!: () => void;
    const done = new Promise<void>((resolve) => (closed = resolve));
    const server = createServer((socket) => {
      socket.on('error', () => {});
      socket.on('close', () => closed());
      socket.resume(); // reads and ignores every command
      socket.write('220 silent.test ESMTP\r\n');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    return { url: `smtp://127.0.0.1:${port}`, closed: done, stop: () => server.close() };
  }
  const mailTo = {
    to: 'awa@example.org',
    subject: 'Bonjour',
    text: 'Bonjour',
    html: '<p>Bonjour</p>',
  };

  test('an aborted send rejects at once with the reason and cuts the connection', async () => {
    const server = await startSilentServer();
    const mailer = createSmtpMailer({ smtpUrl: server.url, from: 'no-reply@griot.test' });
    try {
      const controller = new AbortController();
      const sending = mailer.send(mailTo, { signal: controller.signal });
      setTimeout(() => controller.abort(new Error('deadline')), 100);
      await assert.rejects(sending, /deadline/);
      await server.closed;
    } finally {
      mailer.close();
      server.stop();
    }
  });

  test('a server that falls silent is still left by the socket timeout', async () => {
    const server = await startSilentServer();
    const mailer = createSmtpMailer({
      smtpUrl: `${server.url}?socketTimeout=200`,
      from: 'no-reply@griot.test',
    });
    try {
      await assert.rejects(mailer.send(mailTo), { code: 'ETIMEDOUT' });
      await server.closed;
    } finally {
      mailer.close();
      server.stop();
    }
  });
});

describe('the sending job', () => {
  const options = {
    db: undefined as unknown as TestApp['db'],
    dialect: 'sqlite' as const,
    mailer: undefined,
    log: { warn: () => {}, info: () => {} },
    stillWanted: async () => true,
  };

  test('keeps the deadline of a send within half of its claim', () => {
    assert.doesNotThrow(() => sendOutboxJob(options));
    assert.doesNotThrow(() => sendOutboxJob({ ...options, lockMs: 600, sendTimeoutMs: 300 }));
    assert.throws(() => sendOutboxJob({ ...options, lockMs: 600, sendTimeoutMs: 301 }), RangeError);
    assert.throws(() => sendOutboxJob({ ...options, sendTimeoutMs: 0 }), RangeError);
  });
});

/** A real SMTP server in the process, which can be told to refuse mail for a while. */
interface TestSmtp {
  url: string;
  received: { to: string[]; raw: string }[];
  /** Messages offered (DATA), accepted or not. */
  offered: number;
  refusing: boolean;
  close(): Promise<void>;
}

async function startSmtp(): Promise<TestSmtp> {
  const state = { received: [], offered: 0, refusing: false } as Pick<
    TestSmtp,
    'received' | 'offered' | 'refusing'
  >;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('inconnu@'))
        return cb(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        state.offered++;
        if (state.refusing)
          return cb(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        const to = session.envelope.rcptTo.map((r) => r.address);
        state.received.push({ to, raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(state, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

let counter = 0;

/** Queues a mail through the real query and returns its row. */
async function queueMail(
  t: TestApp,
  overrides: { to?: string; subject?: string; html?: string; refId?: number } = {},
): Promise<OutboxMail> {
  const n = ++counter;
  const dedupeKey = `test:${n}`;
  const inserted = await insertOutboxMail(t.db, {
    kind: 'comment-approved',
    dedupeKey,
    refId: overrides.refId ?? n,
    to: overrides.to ?? `lectrice${n}@example.org`,
    subject: overrides.subject ?? `Votre commentaire numéro ${n} est publié`,
    text: `Bonjour,\n\nVotre commentaire numéro ${n} est en ligne.`,
    html: overrides.html ?? `<p>Votre commentaire numéro ${n} est en ligne.</p>`,
    headers: { 'List-Unsubscribe': `<https://griot.test/desabonnement/${n}>` },
    now: t.clock.now(),
  });
  assert.equal(inserted, true);
  const rows = await listMails(t.db, { limit: 500, offset: 0 });
  const row = rows.find((m) => m.dedupe_key === dedupeKey);
  assert.ok(row);
  return row;
}

async function mail(t: TestApp, id: number): Promise<OutboxMail> {
  const row = await findMail(t.db, id);
  assert.ok(row, `mail ${id}`);
  return row;
}

/** Cookies a browser would keep from responses, as a Cookie header value. */
function cookieJar(...responses: LightMyRequestResponse[]): string {
  const jar = new Map<string, string>();
  for (const res of responses) for (const c of res.cookies) jar.set(c.name, c.value);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

function csrfOf(res: LightMyRequestResponse, form = 'form'): string {
  return parse(res.body).querySelector(`${form} input[name="_csrf"]`)?.getAttribute('value') ?? '';
}

async function logIn(
  t: TestApp,
  role: Role,
): Promise<{ cookie: string; jar: LightMyRequestResponse[] }> {
  const user = await buildUser(t.db, { role });
  const form = await t.app.inject('/login');
  const res = await t.app.inject({
    method: 'POST',
    url: '/login',
    headers: { cookie: cookieJar(form), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      _csrf: csrfOf(form),
      email: user.email,
      password: TEST_PASSWORD,
    }).toString(),
  });
  assert.equal(res.statusCode, 303);
  return { cookie: cookieJar(form, res), jar: [form, res] };
}

for (const dialect of testDialects()) {
  describe(`mail outbox on ${dialect.name}`, () => {
    let t: TestApp;
    let smtp: TestSmtp;
    let mailer: Mailer;
    let warnings: Record<string, unknown>[];
    const unwanted = new Set<number>();
    const job = (options: { db?: TestApp['db'] } = {}) =>
      sendOutboxJob({
        db: options.db ?? t.db,
        dialect: t.dialect,
        mailer,
        log: {
          warn: (fields) => void warnings.push(fields as Record<string, unknown>),
          info: () => {},
        },
        stillWanted: async (m) => !unwanted.has(m.id),
        clock: t.clock,
      });

    before(async () => {
      t = await createTestApp(dialect, { now: START });
      smtp = await startSmtp();
      mailer = createSmtpMailer({ smtpUrl: smtp.url, from: 'Griot <no-reply@griot.test>' });
    });
    after(async () => {
      mailer.close();
      await smtp.close();
      await t.close();
    });
    beforeEach(async () => {
      // Each test starts from an empty outbox at noon, with a server that accepts mail.
      await t.db.deleteFrom('outbox').execute();
      t.clock.set(START);
      smtp.received.length = 0;
      smtp.offered = 0;
      smtp.refusing = false;
      warnings = [];
      // SQLite reuses the ids of deleted rows.
      unwanted.clear();
    });

    test('a queued mail is delivered exactly once, even if the job runs twice', async () => {
      const queued = await queueMail(t, { to: 'awa@example.org', subject: 'Votre commentaire' });
      assert.equal(queued.status, 'queued');
      assert.equal(await job().run(t.clock.now()), 1);
      assert.equal(await job().run(t.clock.now()), 0);
      assert.equal(smtp.received.length, 1);
      const [received] = smtp.received;
      assert.deepEqual(received?.to, ['awa@example.org']);
      assert.match(received?.raw ?? '', /^Subject: Votre commentaire$/m);
      assert.match(received?.raw ?? '', /^From: Griot <no-reply@griot\.test>$/m);
      assert.match(
        received?.raw ?? '',
        /^List-Unsubscribe: <https:\/\/griot\.test\/desabonnement/m,
      );
      const sent = await mail(t, queued.id);
      assert.equal(sent.status, 'sent');
      assert.equal(sent.sent_at, START);
      assert.equal(sent.attempts, 1);
      assert.equal(sent.locked_until, null);
    });

    test('the same dedupe key never queues a second mail', async () => {
      const mailFor = (subject: string) => ({
        kind: 'comment-approved',
        dedupeKey: 'comment-approved:42',
        refId: 42,
        to: 'awa@example.org',
        subject,
        text: 'Bonjour',
        html: '<p>Bonjour</p>',
        now: t.clock.now(),
      });
      assert.equal(await insertOutboxMail(t.db, mailFor('Premier')), true);
      assert.equal(await insertOutboxMail(t.db, mailFor('Second')), false);
      const rows = await listMails(t.db, { limit: 10, offset: 0 });
      assert.deepEqual(
        rows.map((m) => m.subject),
        ['Premier'],
      );
      assert.equal((await countMailsByStatus(t.db)).queued, 1);
    });

    test('a mail that is no longer wanted is cancelled, not sent', async () => {
      const queued = await queueMail(t);
      unwanted.add(queued.id);
      assert.equal(await job().run(t.clock.now()), 0);
      assert.equal(smtp.offered, 0);
      const cancelled = await mail(t, queued.id);
      assert.equal(cancelled.status, 'cancelled');
      assert.equal(cancelled.last_error, NOT_WANTED_REASON);
    });

    test('a refusing server leads to a retry a minute later, then to success', async () => {
      const queued = await queueMail(t);
      smtp.refusing = true;
      assert.equal(await job().run(t.clock.now()), 0);
      let row = await mail(t, queued.id);
      assert.equal(row.status, 'queued');
      assert.equal(row.attempts, 1);
      assert.match(row.last_error ?? '', /451/);
      assert.equal(row.next_attempt_at, '2026-11-23T12:01:00.000Z');
      assert.deepEqual(
        warnings.map((w) => [w.mailId, w.attempts, w.err instanceof Error]),
        [[queued.id, 1, true]],
      );

      t.clock.advance(30_000);
      assert.equal(await job().run(t.clock.now()), 0, 'not due yet');
      assert.equal(smtp.offered, 1);

      smtp.refusing = false;
      t.clock.advance(31_000);
      assert.equal(await job().run(t.clock.now()), 1);
      row = await mail(t, queued.id);
      assert.equal(row.status, 'sent');
      assert.equal(row.attempts, 2);
      assert.equal(smtp.received.length, 1);
    });

    test('after MAX_ATTEMPTS refusals the mail is failed and no longer tried', async () => {
      const queued = await queueMail(t);
      smtp.refusing = true;
      for (let i = 1; i <= MAX_ATTEMPTS; i++) {
        assert.equal(await job().run(t.clock.now()), 0);
        const row = await mail(t, queued.id);
        assert.equal(row.attempts, i);
        if (i < MAX_ATTEMPTS) {
          assert.equal(row.status, 'queued');
          const wait = Date.parse(row.next_attempt_at) - t.clock.now().getTime();
          assert.equal(wait, retryDelayMs(i));
          t.clock.set(row.next_attempt_at);
        } else assert.equal(row.status, 'failed');
      }
      t.clock.advance(24 * 60 * MINUTE);
      assert.equal(await job().run(t.clock.now()), 0);
      assert.equal(smtp.offered, MAX_ATTEMPTS, 'a failed mail is not tried again by itself');
    });

    test('a recipient refused for good fails at once', async () => {
      const queued = await queueMail(t, { to: 'inconnu@example.org' });
      assert.equal(await job().run(t.clock.now()), 0);
      const row = await mail(t, queued.id);
      assert.equal(row.status, 'failed');
      assert.equal(row.attempts, 1);
      assert.match(row.last_error ?? '', /550/);
    });

    test('a claim held by a crashed worker is taken again once it expires', async () => {
      const queued = await queueMail(t);
      const claimed = await claimDueMails(t.db, {
        now: t.clock.now(),
        limit: 10,
        lockMs: 120_000,
        dialect: t.dialect,
      });
      assert.deepEqual(
        claimed.map((m) => [m.id, m.status, m.attempts]),
        [[queued.id, 'sending', 1]],
      );
      t.clock.advance(MINUTE);
      assert.equal(await job().run(t.clock.now()), 0, 'the claim still holds');
      t.clock.advance(MINUTE + 1000);
      assert.equal(await job().run(t.clock.now()), 1);
      const row = await mail(t, queued.id);
      assert.equal(row.status, 'sent');
      assert.equal(row.attempts, 2);
      assert.equal(smtp.received.length, 1);
    });

    test('in a long run each retry waits its backoff from its own failure', async () => {
      const first = await queueMail(t);
      const second = await queueMail(t);
      // A server that takes 50 s to say no, on the test's clock.
      const slowNo: Mailer = {
        send: async () => {
          t.clock.advance(50_000);
          throw Object.assign(new Error('451 Try again later'), { responseCode: 451 });
        },
        close: () => {},
      };
      const run = sendOutboxJob({
        db: t.db,
        dialect: t.dialect,
        mailer: slowNo,
        log: { warn: () => {}, info: () => {} },
        stillWanted: async () => true,
        clock: t.clock,
      }).run(t.clock.now());
      assert.equal(await run, 0);
      assert.equal((await mail(t, first.id)).next_attempt_at, '2026-11-23T12:01:50.000Z');
      assert.equal((await mail(t, second.id)).next_attempt_at, '2026-11-23T12:02:40.000Z');
    });

    test('a worker whose claim expired cannot record over the next claim', async () => {
      const queued = await queueMail(t);
      const claim = (lockMs: number) =>
        claimDueMails(t.db, { now: t.clock.now(), limit: 1, lockMs, dialect: t.dialect });
      const [first] = await claim(1000);
      assert.ok(first);
      t.clock.advance(1001);
      const [second] = await claim(120_000);
      assert.equal(second?.id, queued.id);
      assert.equal(await markMailSent(t.db, first, t.clock.now()), false);
      assert.equal(
        await markMailRetry(t.db, { claim: first, error: 'late', nextAttemptAt: t.clock.now() }),
        false,
      );
      let row = await mail(t, queued.id);
      assert.deepEqual([row.status, row.attempts], ['sending', 2]);
      assert.equal(await markMailSent(t.db, second, t.clock.now()), true);
      row = await mail(t, queued.id);
      assert.equal(row.status, 'sent');
    });

    test('two instances claiming at the same time never get the same mail', async () => {
      for (let i = 0; i < 12; i++) await queueMail(t);
      const other = t.database.connectAgain();
      const claim = (db: TestApp['db']) =>
        claimDueMails(db, { now: t.clock.now(), limit: 12, lockMs: 120_000, dialect: t.dialect });
      const [a, b] = await Promise.all([claim(t.db), claim(other)]);
      const ids = [...a, ...b].map((m) => m.id);
      assert.equal(ids.length, 12);
      assert.equal(new Set(ids).size, 12, 'no mail claimed twice');
      assert.ok([...a, ...b].every((m) => m.status === 'sending' && m.attempts === 1));

      for (let i = 0; i < 10; i++) await queueMail(t);
      const sent = await Promise.all([
        job().run(t.clock.now()),
        job({ db: other }).run(t.clock.now()),
      ]);
      assert.equal(sent[0] + sent[1], 10);
      assert.equal(smtp.received.length, 10, 'two workers together send each mail once');
    });

    test('the outbox page requires a login', async () => {
      const res = await t.app.inject('/admin/courriels');
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/login?next=%2Fadmin%2Fcourriels');
    });

    test('the outbox page is for editors and admins only', async () => {
      const { cookie } = await logIn(t, 'author');
      const res = await t.app.inject({ url: '/admin/courriels', headers: { cookie } });
      assert.equal(res.statusCode, 403);
    });

    test('an editor sees queued mails, with the notice that no SMTP server is set', async () => {
      const queued = await queueMail(t, {
        subject: 'Votre commentaire sur «\u00A0Le prix du mil\u00A0»',
      });
      const { cookie } = await logIn(t, 'editor');
      const res = await t.app.inject({ url: '/admin/courriels', headers: { cookie } });
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['cache-control'] as string, /no-store/);
      const doc = parse(res.body);
      assert.match(doc.querySelector('.outbox-no-smtp')?.text ?? '', /Aucun serveur SMTP/);
      assert.equal(
        doc.querySelector('.outbox-tabs [aria-current="page"]')?.text.trim(),
        'En file (1)',
      );
      const link = doc.querySelector(`a[href="/admin/courriels/${queued.id}"]`);
      assert.equal(link?.text, 'Votre commentaire sur «\u00A0Le prix du mil\u00A0»');
      assert.match(doc.querySelector('td')?.text ?? '', /23 novembre 2026/);

      const failedTab = await t.app.inject({
        url: '/admin/courriels?statut=echecs',
        headers: { cookie },
      });
      assert.equal(parse(failedTab.body).querySelectorAll('tbody tr').length, 0);
    });

    test('the detail page shows headers and bodies, never the HTML raw', async () => {
      const queued = await queueMail(t, {
        subject: 'Objet <b>piégé</b>',
        html: '<p>Bonjour</p><script>alert("x")</script>',
      });
      const { cookie } = await logIn(t, 'editor');
      const res = await t.app.inject({ url: `/admin/courriels/${queued.id}`, headers: { cookie } });
      assert.equal(res.statusCode, 200);
      assert.doesNotMatch(res.body, /<script>alert/);
      assert.doesNotMatch(res.body, /<b>piégé/);
      const doc = parse(res.body);
      assert.match(
        doc.querySelector('pre')?.text ?? '',
        /Votre commentaire numéro \d+ est en ligne/,
      );
      assert.match(res.body, /List-Unsubscribe/);
      assert.equal(doc.querySelector('iframe')?.getAttribute('sandbox'), '');
      assert.equal(doc.querySelector('form[action$="/renvoyer"]'), null, 'queued: no retry');
      const missing = await t.app.inject({ url: '/admin/courriels/999999', headers: { cookie } });
      assert.equal(missing.statusCode, 404);
      const bad = await t.app.inject({ url: '/admin/courriels/abc', headers: { cookie } });
      assert.equal(bad.statusCode, 404);
    });

    test('a failed mail can be sent again, with a CSRF token only', async () => {
      const queued = await queueMail(t);
      const [claim] = await claimDueMails(t.db, {
        now: t.clock.now(),
        limit: 1,
        lockMs: 1000,
        dialect: t.dialect,
      });
      assert.equal(claim?.id, queued.id);
      await markMailFailed(t.db, {
        claim,
        error: '451 Try again later',
        now: t.clock.now(),
      });
      const { cookie, jar } = await logIn(t, 'editor');
      const url = `/admin/courriels/${queued.id}`;
      const page = await t.app.inject({ url, headers: { cookie } });
      const token = csrfOf(page, 'form[action$="/renvoyer"]');
      assert.ok(token, 'a retry form with a CSRF token');
      const headers = {
        cookie: cookieJar(...jar, page),
        'content-type': 'application/x-www-form-urlencoded',
      };

      const forged = await t.app.inject({ method: 'POST', url: `${url}/renvoyer`, headers });
      assert.equal(forged.statusCode, 403);
      assert.equal((await mail(t, queued.id)).status, 'failed');

      const res = await t.app.inject({
        method: 'POST',
        url: `${url}/renvoyer`,
        headers,
        payload: `_csrf=${encodeURIComponent(token)}`,
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${url}?renvoi=ok`);
      const row = await mail(t, queued.id);
      assert.equal(row.status, 'queued');
      assert.equal(row.attempts, 0);
      const back = await t.app.inject({ url: res.headers.location as string, headers });
      assert.match(parse(back.body).querySelector('.notice')?.text ?? '', /remis en file/);

      assert.equal(await job().run(t.clock.now()), 1, 'the worker sends it again');
    });
  });
}

describe('mail outbox without SMTP', () => {
  test('leaves mails queued and logs that they wait', async () => {
    const sqlite = testDialects().find((d) => d.name === 'sqlite')!;
    const t = await createTestApp(sqlite, { now: START });
    try {
      await insertOutboxMail(t.db, {
        kind: 'comment-approved',
        dedupeKey: 'no-smtp:1',
        refId: null,
        to: 'lecteur@example.org',
        subject: 'Votre commentaire est en ligne',
        text: 'Bonjour',
        html: '<p>Bonjour</p>',
        now: t.clock.now(),
      });
      const logged: object[] = [];
      const job = sendOutboxJob({
        db: t.db,
        dialect: t.dialect,
        mailer: undefined,
        log: { warn: () => {}, info: (fields) => void logged.push(fields) },
        stillWanted: async () => true,
      });
      assert.equal(await job.run(t.clock.now()), 0);
      assert.equal(await job.run(t.clock.now()), 0);
      assert.deepEqual(logged, [{ queued: 1 }], 'logged once, not on every tick');
      const [mail] = await t.db.selectFrom('outbox').selectAll().execute();
      assert.equal(mail?.status, 'queued');
    } finally {
      await t.close();
    }
  });
});
