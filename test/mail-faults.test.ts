import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, afterEach, before, beforeEach, describe, test, type TestContext } from 'node:test';
import { parse } from 'node-html-parser';
import { systemClock } from '../src/clock.ts';
import type { Db } from '../src/db/database.ts';
import { startWorker, type Worker } from '../src/jobs/worker.ts';
import { MAX_ATTEMPTS } from '../src/mail/backoff.ts';
import { createSmtpMailer, type Mailer } from '../src/mail/mailer.ts';
import { countMailsByStatus, insertOutboxMail, listMails } from '../src/mail/outbox.queries.ts';
import type { OutboxMail } from '../src/mail/outbox.table.ts';
import { sendOutboxJob } from '../src/mail/send-outbox.ts';
import { buildUser } from './helpers/factories.ts';
import { signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';
import { startFaultySmtpServer, type FaultySmtpServer, type SmtpFault } from './helpers/smtp.ts';

// The production figures (a 120 s claim, a 60 s deadline per send, retries from 1 min, a server
// dripping a line every 10 s for 150 s) shrunk about 200 times, so each case takes seconds.
// The claim keeps a wide margin over the deadline so a loaded test machine cannot fake a duplicate.
const LOCK_MS = 2000;
const SEND_TIMEOUT_MS = 500;
const FIRST_RETRY_MS = 100;
const DRIP_EVERY_MS = 50;
const DRIP_FOR_MS = 3000;
const SETTLE_WITHIN_MS = 30_000;

/** One app instance's worker: its own database handle, mailer and loop, like a second server. */
interface Instance {
  worker: Worker;
  mailer: Mailer;
  /** SMTP sends this instance began. */
  sends: number;
}

function startInstance(t: TestApp, db: Db, smtpUrl: string): Instance {
  const mailer = createSmtpMailer({ smtpUrl, from: 'Griot <no-reply@griot.test>' });
  const instance: Instance = { worker: undefined as unknown as Worker, mailer, sends: 0 };
  const counted: Mailer = {
    send: (mail, options) => {
      instance.sends++;
      return mailer.send(mail, options);
    },
    close: () => mailer.close(),
  };
  instance.worker = startWorker({
    jobs: [
      sendOutboxJob({
        db,
        dialect: t.dialect,
        mailer: counted,
        log: { warn: () => {}, info: () => {} },
        stillWanted: async () => true,
        lockMs: LOCK_MS,
        sendTimeoutMs: SEND_TIMEOUT_MS,
        firstRetryDelayMs: FIRST_RETRY_MS,
        clock: systemClock,
      }),
    ],
    // Claims expire in real time here, as they do between two servers.
    clock: systemClock,
    log: t.app.log,
    intervalMs: 20,
  });
  return instance;
}

let counter = 0;

/** Queues one mail to a recipient the faulty server treats as `fault` says ('ok': no fault). */
async function queue(db: Db, fault: SmtpFault | 'ok'): Promise<string> {
  const n = ++counter;
  const to = `${fault}+${n}@example.org`;
  assert.equal(
    await insertOutboxMail(db, {
      kind: 'comment-approved',
      dedupeKey: `fault:${n}`,
      refId: n,
      to,
      subject: `Votre commentaire numéro ${n} est publié`,
      text: `Bonjour,\n\nVotre commentaire numéro ${n} est en ligne.`,
      html: `<p>Votre commentaire numéro ${n} est en ligne.</p>`,
      now: new Date(),
    }),
    true,
  );
  return to;
}

/** Waits (polling, with a deadline) until `done` holds for the outbox, and returns its mails. */
async function outboxWhen(
  db: Db,
  done: (mails: OutboxMail[]) => boolean,
  what: string,
): Promise<Map<string, OutboxMail>> {
  const deadline = Date.now() + SETTLE_WITHIN_MS;
  for (;;) {
    const mails = await listMails(db, { limit: 1000, offset: 0 });
    if (done(mails)) return new Map(mails.map((m) => [m.to_address, m]));
    if (Date.now() > deadline)
      assert.fail(
        `${what} within ${SETTLE_WITHIN_MS} ms: ${JSON.stringify(await countMailsByStatus(db))}`,
      );
    await delay(20);
  }
}

/** Mails the server accepted more than once, and mails it never accepted, among `recipients`. */
function tally(smtp: FaultySmtpServer, recipients: string[]) {
  return {
    duplicated: recipients.filter((to) => smtp.deliveries(to) > 1).length,
    lost: recipients.filter((to) => smtp.deliveries(to) === 0).length,
  };
}

const settled = (mails: OutboxMail[]) =>
  mails.every((m) => m.status === 'sent' || m.status === 'failed');

for (const dialect of testDialects()) {
  describe(`mail under SMTP faults, two workers on ${dialect.name}`, () => {
    let t: TestApp;
    let other: Db;
    let smtp: FaultySmtpServer;
    let instances: Instance[];
    let started: number;
    let deliveredBefore: number;

    before(async () => {
      t = await createTestApp(dialect);
      other = t.database.connectAgain();
      smtp = await startFaultySmtpServer({ dripEveryMs: DRIP_EVERY_MS, dripForMs: DRIP_FOR_MS });
    });
    after(async () => {
      await smtp.close();
      await t.close();
    });
    beforeEach(async () => {
      await t.db.deleteFrom('outbox').execute();
      instances = [];
      started = performance.now();
      deliveredBefore = smtp.delivered.length;
    });
    const stopWorkers = async () => {
      for (const instance of instances) {
        await instance.worker.stop();
        instance.mailer.close();
      }
    };
    afterEach(stopWorkers);
    /** Stops the workers and prints the figures of the case. */
    const report = (context: TestContext, mails: number) => {
      const sends = instances.map((i) => i.sends);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      context.diagnostic(
        `${mails} mails, ${smtp.delivered.length - deliveredBefore} deliveries, sends per worker ${sends.join(' + ')}, ${seconds} s`,
      );
    };
    const startWorkers = () => {
      instances = [startInstance(t, t.db, smtp.url), startInstance(t, other, smtp.url)];
    };
    /**
     * Waits until every mail is sent or failed, then stops the workers, which lets any send still
     * under way end first: what the server has then is all it will ever get.
     */
    const settle = async () => {
      await outboxWhen(t.db, settled, 'every mail sent or failed');
      await stopWorkers();
      return outboxWhen(t.db, settled, 'every mail still sent or failed');
    };

    test('a server dripping its answer past the deadline gets the mail once, on a later try', async (context) => {
      // One mail at a time, as in the incident: the worker not stuck on it is free to take it
      // again the moment its claim expires. Then a batch, with both workers stuck at once.
      startWorkers();
      const recipients: string[] = [];
      for (let i = 0; i < 3; i++) {
        recipients.push(await queue(t.db, 'drip'));
        await outboxWhen(t.db, settled, 'the mail sent or failed');
      }
      for (let i = 0; i < 4; i++) recipients.push(await queue(t.db, 'drip'));
      const mails = await settle();

      assert.deepEqual(tally(smtp, recipients), { duplicated: 0, lost: 0 });
      for (const to of recipients) {
        assert.equal(smtp.deliveries(to), 1, `${to} delivered once`);
        const mail = mails.get(to)!;
        assert.equal(mail.status, 'sent');
        // Two tries as a rule; a loaded machine may let a try's deadline pass before DATA.
        assert.ok(
          mail.attempts >= 2,
          `${to}: the dripping try was aborted, a later one went through`,
        );
        assert.match(mail.last_error ?? '', /within 0\.5 s: send aborted/);
      }
      assert.equal(smtp.maxOverlap(), 1, 'never two transactions open for one mail');
      report(context, recipients.length);
    });

    test('under every fault at once no mail is lost or sent twice, and refusals fail at once', async (context) => {
      const faults: (SmtpFault | 'ok')[] = [
        'ok',
        'drip',
        'refuse-rcpt',
        'refuse-data',
        'busy',
        'drop',
      ];
      const recipients: [string, SmtpFault | 'ok'][] = [];
      for (let i = 0; i < 5; i++)
        for (const fault of faults) recipients.push([await queue(t.db, fault), fault]);
      startWorkers();
      const mails = await settle();

      const accepted = recipients.filter(([, f]) => f !== 'refuse-rcpt' && f !== 'refuse-data');
      assert.deepEqual(
        tally(
          smtp,
          accepted.map(([to]) => to),
        ),
        { duplicated: 0, lost: 0 },
      );
      for (const [to, fault] of recipients) {
        const mail = mails.get(to)!;
        if (fault === 'refuse-rcpt' || fault === 'refuse-data') {
          assert.equal(smtp.deliveries(to), 0);
          assert.equal(mail.status, 'failed', `${to} failed`);
          assert.equal(mail.attempts, 1, `${to} tried once`);
          assert.equal(smtp.rcpts(to), 1, `${to} offered to the server once`);
          assert.match(mail.last_error ?? '', fault === 'refuse-rcpt' ? /550/ : /554/);
          continue;
        }
        assert.equal(smtp.deliveries(to), 1, `${to} delivered once`);
        assert.equal(mail.status, 'sent');
        // One try for a good mail and two for a fault, as a rule (more if a loaded machine lets
        // a try's deadline pass early on).
        assert.ok(mail.attempts >= (fault === 'ok' ? 1 : 2), `${to} attempts`);
      }
      assert.equal(smtp.maxOverlap(), 1, 'never two transactions open for one mail');
      assert.ok(
        instances.every((i) => i.sends > 0),
        'both workers took part',
      );

      // The newsroom sees why: the failed tab lists both refusals with the server's words.
      await buildUser(t.db, { email: 'chef@griot.test', role: 'editor' });
      const editor = await signIn(t, 'chef@griot.test');
      const page = parse((await editor.get('/admin/courriels?statut=echecs')).body);
      const rows = page.querySelectorAll('tbody tr').map((r) => r.text);
      assert.equal(rows.length, 10);
      assert.equal(rows.filter((r) => /550/.test(r)).length, 5);
      assert.equal(rows.filter((r) => /554/.test(r)).length, 5);
      report(context, recipients.length);
    });

    test('mails queued while the server is down go out once it is back', async (context) => {
      await smtp.stop();
      const recipients: string[] = [];
      for (let i = 0; i < 10; i++) recipients.push(await queue(t.db, 'ok'));
      startWorkers();
      await outboxWhen(
        t.db,
        (mails) => mails.every((m) => m.attempts >= 1 && /ECONNREFUSED/.test(m.last_error ?? '')),
        'every mail tried against the stopped server',
      );
      await smtp.start();
      const mails = await settle();
      assert.deepEqual(tally(smtp, recipients), { duplicated: 0, lost: 0 });
      for (const to of recipients) {
        assert.equal(smtp.deliveries(to), 1, `${to} delivered once`);
        const mail = mails.get(to)!;
        assert.equal(mail.status, 'sent');
        assert.ok(mail.attempts >= 2 && mail.attempts <= MAX_ATTEMPTS, `${to} attempts`);
      }
      assert.equal(smtp.maxOverlap(), 1, 'never two transactions open for one mail');
      report(context, recipients.length);
    });
  });
}
