import { frenchSpacing, frenchSpacingHtml } from '../web/typography.ts';
import type { DialectName } from '../db/connect.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import type { Updateable } from 'kysely';
import type { OutboxMail, OutboxStatus, OutboxTable } from './outbox.table.ts';

export const OUTBOX_STATUSES: readonly OutboxStatus[] = [
  'queued',
  'sending',
  'sent',
  'failed',
  'cancelled',
];

// Enough to read an SMTP error; a stack trace or a whole server banner is not worth storing.
const MAX_ERROR_LENGTH = 2000;

function errorText(error: string): string {
  return error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error;
}

/**
 * Queues a mail unless one with the same dedupe key exists; returns whether a row was inserted.
 * A mail in French gets French typography in its subject and both bodies.
 */
export async function insertOutboxMail(
  db: DbOrTrx,
  mail: {
    kind: string;
    dedupeKey: string;
    refId: number | null;
    to: string;
    subject: string;
    text: string;
    html: string;
    headers?: Record<string, string>;
    /** The mail's language; `fr` applies French typography. */
    locale?: string;
    now: Date;
  },
): Promise<boolean> {
  const now = mail.now.toISOString();
  const french = mail.locale === 'fr';
  const row = await db
    .insertInto('outbox')
    .values({
      kind: mail.kind,
      dedupe_key: mail.dedupeKey,
      ref_id: mail.refId,
      to_address: mail.to,
      subject: french ? frenchSpacing(mail.subject) : mail.subject,
      text_body: french ? frenchSpacing(mail.text) : mail.text,
      html_body: french ? frenchSpacingHtml(mail.html) : mail.html,
      headers: JSON.stringify(mail.headers ?? {}),
      status: 'queued',
      attempts: 0,
      next_attempt_at: now,
      locked_until: null,
      last_error: null,
      sent_at: null,
      created_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Claims up to `limit` due mails for this worker (queued and due, or left 'sending' by a worker
 * whose claim expired), oldest first, and returns them with their attempt counted.
 */
export async function claimDueMails(
  db: Db,
  {
    now,
    limit,
    lockMs,
    dialect,
  }: { now: Date; limit: number; lockMs: number; dialect: DialectName },
): Promise<OutboxMail[]> {
  const at = now.toISOString();
  // One UPDATE is one transaction on both engines. On PostgreSQL, SKIP LOCKED lets concurrent
  // instances each take different rows instead of waiting. SQLite has a single writer and runs
  // the statement whole; a BEGIN…SELECT…UPDATE there would have two handles in one process
  // wait on each other's lock (better-sqlite3 waits synchronously), so it stays one statement.
  const rows = await db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'sending',
      locked_until: new Date(now.getTime() + lockMs).toISOString(),
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', (eb) => {
      const due = eb
        .selectFrom('outbox')
        .select('id')
        .where((w) =>
          w.or([
            w.and([w('status', '=', 'queued'), w('next_attempt_at', '<=', at)]),
            w.and([w('status', '=', 'sending'), w('locked_until', '<', at)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit);
      return dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
    })
    .returningAll()
    .execute();
  // RETURNING gives no order; hand them back oldest first, as picked.
  return rows.sort(
    (a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || Number(a.id) - Number(b.id),
  );
}

/** What identifies one claim of a mail: each claim counts an attempt and sets its own lock. */
export type MailClaim = Pick<OutboxMail, 'id' | 'attempts' | 'locked_until'>;

// Moves a mail on from the states it may be in; false when it has left them.
async function moveMail(
  db: DbOrTrx,
  id: number,
  from: readonly OutboxStatus[],
  values: Updateable<OutboxTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set(values)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// Moves a claimed mail on, only while this very claim holds it: false when the claim was lost
// (it expired and another worker claimed the mail again, or a person moved it meanwhile), so a
// late worker never records its outcome over another's claim.
async function settleClaim(
  db: DbOrTrx,
  claim: MailClaim,
  values: Updateable<OutboxTable>,
): Promise<boolean> {
  if (claim.locked_until === null) return false;
  const result = await db
    .updateTable('outbox')
    .set(values)
    .where('id', '=', claim.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', claim.attempts)
    .where('locked_until', '=', claim.locked_until)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records that a claimed mail was accepted by the SMTP server; false if the claim was lost. */
export function markMailSent(db: DbOrTrx, claim: MailClaim, now: Date): Promise<boolean> {
  return settleClaim(db, claim, {
    status: 'sent',
    sent_at: now.toISOString(),
    locked_until: null,
  });
}

/** Puts a claimed mail back in the queue after a failed try, due again at `nextAttemptAt`. */
export function markMailRetry(
  db: DbOrTrx,
  { claim, error, nextAttemptAt }: { claim: MailClaim; error: string; nextAttemptAt: Date },
): Promise<boolean> {
  return settleClaim(db, claim, {
    status: 'queued',
    next_attempt_at: nextAttemptAt.toISOString(),
    locked_until: null,
    last_error: errorText(error),
  });
}

/** Gives up on a claimed mail (next_attempt_at then records when); it waits for a manual retry. */
export function markMailFailed(
  db: DbOrTrx,
  { claim, error, now }: { claim: MailClaim; error: string; now: Date },
): Promise<boolean> {
  return settleClaim(db, claim, {
    status: 'failed',
    next_attempt_at: now.toISOString(),
    locked_until: null,
    last_error: errorText(error),
  });
}

/**
 * Drops a mail no longer wanted: by id (queued or claimed), or under a claim the caller holds;
 * last_error keeps the reason.
 */
export function markMailCancelled(
  db: DbOrTrx,
  target: ({ id: number } | { claim: MailClaim }) & { reason: string; now: Date },
): Promise<boolean> {
  const values: Updateable<OutboxTable> = {
    status: 'cancelled',
    next_attempt_at: target.now.toISOString(),
    locked_until: null,
    last_error: errorText(target.reason),
  };
  return 'claim' in target
    ? settleClaim(db, target.claim, values)
    : moveMail(db, target.id, ['queued', 'sending'], values);
}

/** Puts a failed or cancelled mail back in the queue, due now, with a fresh count of tries. */
export function retryMail(db: DbOrTrx, id: number, now: Date): Promise<boolean> {
  return moveMail(db, id, ['failed', 'cancelled'], {
    status: 'queued',
    attempts: 0,
    next_attempt_at: now.toISOString(),
    locked_until: null,
  });
}

/** The outbox mail with this id, if any. */
export async function findMail(db: DbOrTrx, id: number): Promise<OutboxMail | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A page of outbox mails, newest first, optionally only those in the given status(es). */
export async function listMails(
  db: DbOrTrx,
  {
    status,
    limit,
    offset,
  }: { status?: OutboxStatus | readonly OutboxStatus[]; limit: number; offset: number },
): Promise<OutboxMail[]> {
  let query = db.selectFrom('outbox').selectAll();
  if (status !== undefined)
    query = query.where('status', 'in', typeof status === 'string' ? [status] : [...status]);
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** How many mails are in each status, zeros included. */
export async function countMailsByStatus(db: DbOrTrx): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<
    OutboxStatus,
    number
  >;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}
