import type { DialectName } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import type { Job } from '../jobs/worker.ts';
import { nextStep } from './backoff.ts';
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

/**
 * The worker job that delivers due outbox mails: at most `batchSize` per run, each claimed for
 * `lockMs`, sent once, and retried with backoff on failure. Without a mailer it leaves them queued.
 */
export function sendOutboxJob({
  db,
  dialect,
  mailer,
  log,
  stillWanted,
  batchSize = 20,
  lockMs = 120_000,
}: {
  db: Db;
  dialect: DialectName;
  mailer: Mailer | undefined;
  log: MailLog;
  stillWanted: StillWanted;
  batchSize?: number;
  lockMs?: number;
}): Job {
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
      let sent = 0;
      for (let i = 0; i < batchSize; i++) {
        // One mail per claim, and none once half the lock time has gone: a claim taken late in a
        // slow run must not expire mid-send and let another instance send the same mail again.
        if (performance.now() - started > lockMs / 2) break;
        const [mail] = await claimDueMails(db, { now, limit: 1, lockMs, dialect });
        if (!mail) break;
        if (await deliver(mailer, mail, now)) sent++;
      }
      return sent;
    },
  };

  async function deliver(out: Mailer, mail: OutboxMail, now: Date): Promise<boolean> {
    try {
      if (!(await stillWanted(mail, now))) {
        await markMailCancelled(db, { id: mail.id, reason: NOT_WANTED_REASON, now });
        return false;
      }
      await out.send(outgoing(mail));
    } catch (err) {
      log.warn({ mailId: mail.id, attempts: mail.attempts, err }, 'mail not sent');
      const step = isPermanentFailure(err) ? 'give-up' : nextStep(mail.attempts);
      const error = describe(err);
      if (step === 'give-up') await markMailFailed(db, { id: mail.id, error, now });
      else
        await markMailRetry(db, {
          id: mail.id,
          error,
          nextAttemptAt: new Date(now.getTime() + step.retryInMs),
        });
      return false;
    }
    // Outside the try: once the server has the mail, failing to record it is not a failed try
    // (the run fails instead, and the claim expires; sending is at least once, never lost).
    await markMailSent(db, mail.id, now);
    return true;
  }
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

function describe(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
