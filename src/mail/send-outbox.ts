import type { Clock } from '../clock.ts';
import type { DialectName } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import type { Job } from '../jobs/worker.ts';
import { FIRST_RETRY_DELAY_MS, nextStep } from './backoff.ts';
import { isPermanentFailure, type Mailer, type OutgoingMail } from './mailer.ts';
import {
  claimDueMails,
  countMailsByStatus,
  markMailCancelled,
  markMailFailed,
  markMailRetry,
  markMailSent,
} from './outbox.queries.ts';
import type { OutboxMail } from './outbox.table.ts';

/** Decides from fresh data whether a queued mail should still go out (supplied by the app). */
export type StillWanted = (mail: OutboxMail, now: Date) => Promise<boolean>;

/** Where the job reports failed tries; the app's logger fits. */
export interface MailLog {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

export const NOT_WANTED_REASON = 'Plus nécessaire : la situation a changé depuis la mise en file.';

/** Raised when a send outlasts its deadline; the connection is cut and the mail tried later. */
export class SendTimeoutError extends Error {
  constructor(ms: number) {
    super(
      `No final answer from the SMTP server within ${ms / 1000} s: send aborted, connection cut`,
    );
    this.name = 'SendTimeoutError';
  }
}

/**
 * The worker job that delivers due outbox mails: at most `batchSize` per run, each claimed for
 * `lockMs` and given at most `sendTimeoutMs` from its claim to the server's final answer (the send
 * is aborted past that, well before the claim expires, so no other worker can take the mail while
 * this one might still deliver it), sent once, and retried with backoff on failure, or failed at
 * once when the server refuses the mail for good. Without a mailer it leaves them queued.
 */
export function sendOutboxJob({
  db,
  dialect,
  mailer,
  log,
  stillWanted,
  batchSize = 20,
  lockMs = 120_000,
  sendTimeoutMs = 60_000,
  firstRetryDelayMs = FIRST_RETRY_DELAY_MS,
  clock,
}: {
  db: Db;
  dialect: DialectName;
  mailer: Mailer | undefined;
  log: MailLog;
  stillWanted: StillWanted;
  batchSize?: number;
  lockMs?: number;
  /** The hard deadline of one try, from its claim; at most half of `lockMs`. */
  sendTimeoutMs?: number;
  /** The wait after a first failed try (doubling after each later one); 1 min. */
  firstRetryDelayMs?: number;
  /** Where to read the time during a run; by default the run's `now` plus the time it took. */
  clock?: Clock;
}): Job {
  // The other half of the claim is the margin for the database writes around the send and for
  // clocks that differ a little between instances.
  if (!(sendTimeoutMs > 0 && sendTimeoutMs <= lockMs / 2))
    throw new RangeError(
      `sendTimeoutMs (${sendTimeoutMs}) must be positive and at most half of lockMs (${lockMs})`,
    );
  let waitingLogged = 0;
  return {
    name: 'send-outbox',
    async run(now) {
      if (!mailer) {
        // Without SMTP the mails wait, readable in the admin; say so in the log when more arrive.
        const { queued } = await countMailsByStatus(db);
        if (queued > waitingLogged)
          log.info({ queued }, 'mails waiting in the outbox (no SMTP_URL): see /admin/courriels');
        waitingLogged = queued;
        return 0;
      }
      const started = performance.now();
      // Each claim, retry and record is timed when it happens, not at the start of a run that
      // may have spent minutes on earlier mails: a claim must cover its own send, and a retry
      // must come after its backoff counted from the failure.
      const current = clock
        ? () => clock.now()
        : () => new Date(now.getTime() + (performance.now() - started));
      let sent = 0;
      for (let i = 0; i < batchSize; i++) {
        // One mail per claim, and none once half the lock time has gone, so a run stays short
        // and the other jobs of the worker get their turn.
        if (performance.now() - started > lockMs / 2) break;
        const [mail] = await claimDueMails(db, { now: current(), limit: 1, lockMs, dialect });
        if (!mail) break;
        if (await deliver(mailer, mail, current)) sent++;
      }
      return sent;
    },
  };

  async function deliver(out: Mailer, mail: OutboxMail, current: () => Date): Promise<boolean> {
    // The deadline runs from the claim, so a slow check of the mail's relevance counts too.
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new SendTimeoutError(sendTimeoutMs)),
      sendTimeoutMs,
    );
    try {
      if (!(await stillWanted(mail, current()))) {
        await markMailCancelled(db, { claim: mail, reason: NOT_WANTED_REASON, now: current() });
        return false;
      }
      await withinDeadline(out.send(outgoing(mail), { signal: controller.signal }), controller);
    } catch (err) {
      log.warn(
        { mailId: mail.id, attempts: mail.attempts, err: withoutAddress(err, mail.to_address) },
        'mail not sent',
      );
      const step = isPermanentFailure(err) ? 'give-up' : nextStep(mail.attempts, firstRetryDelayMs);
      const error = describe(err);
      const now = current();
      const recorded =
        step === 'give-up'
          ? await markMailFailed(db, { claim: mail, error, now })
          : await markMailRetry(db, {
              claim: mail,
              error,
              nextAttemptAt: new Date(now.getTime() + step.retryInMs),
            });
      if (!recorded) log.warn({ mailId: mail.id, attempts: mail.attempts }, 'mail claim lost');
      return false;
    } finally {
      clearTimeout(timer);
    }
    // Outside the try: once the server has the mail, failing to record it is not a failed try
    // (the run fails instead, and the claim expires; sending is at least once, never lost).
    if (!(await markMailSent(db, mail, current())))
      log.warn({ mailId: mail.id, attempts: mail.attempts }, 'mail sent after its claim was lost');
    return true;
  }
}

// The mailer cuts its connection on abort; this makes sure the job moves on at the deadline even
// if a mailer were slow to honour it.
function withinDeadline<T>(work: Promise<T>, controller: AbortController): Promise<T> {
  const { signal } = controller;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function outgoing(mail: OutboxMail): OutgoingMail {
  return {
    to: mail.to_address,
    subject: mail.subject,
    text: mail.text_body,
    html: mail.html_body,
    headers: parseHeaders(mail.headers),
  };
}

/** The extra headers stored with a mail, as an object of strings (bad JSON counts as none). */
export function parseHeaders(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

/**
 * The error as the log may show it: an SMTP refusal quotes the recipient (in its message, and in
 * nodemailer's `response` and `rejected` fields), and readers' addresses stay out of logs. Only the
 * SMTP code and command are kept besides the message, with the address blanked.
 */
export function withoutAddress(err: unknown, address: string): unknown {
  if (!(err instanceof Error)) return err;
  const e = err as Error & { code?: unknown; responseCode?: unknown; command?: unknown };
  const copy = new Error(address ? e.message.replaceAll(address, '<destinataire>') : e.message);
  copy.name = e.name;
  return Object.assign(copy, {
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.responseCode !== undefined ? { responseCode: e.responseCode } : {}),
    ...(e.command !== undefined ? { command: e.command } : {}),
  });
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
