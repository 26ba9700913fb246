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

/** Queues a mail unless one with the same dedupe key exists; returns whether a row was inserted. */
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
    now: Date;
  },
): Promise<boolean> {
  const now = mail.now.toISOString();
  const row = await db
    .insertInto('outbox')
    .values({
      kind: mail.kind,
      dedupe_key: mail.dedupeKey,
      ref_id: mail.refId,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
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

// Moves a mail on from the states it may be in; false when it has left them (a lost claim).
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

/** Records that a claimed mail was accepted by the SMTP server; false if the claim was lost. */
export function markMailSent(db: DbOrTrx, id: number, now: Date): Promise<boolean> {
  return moveMail(db, id, ['sending'], {
    status: 'sent',
    sent_at: now.toISOString(),
    locked_until: null,
  });
}

/** Puts a claimed mail back in the queue after a failed try, due again at `nextAttemptAt`. */
export function markMailRetry(
  db: DbOrTrx,
  { id, error, nextAttemptAt }: { id: number; error: string; nextAttemptAt: Date },
): Promise<boolean> {
  return moveMail(db, id, ['sending'], {
    status: 'queued',
    next_attempt_at: nextAttemptAt.toISOString(),
    locked_until: null,
    last_error: errorText(error),
  });
}

/** Gives up on a claimed mail (next_attempt_at then records when); it waits for a manual retry. */
export function markMailFailed(
  db: DbOrTrx,
  { id, error, now }: { id: number; error: string; now: Date },
): Promise<boolean> {
  return moveMail(db, id, ['sending'], {
    status: 'failed',
    next_attempt_at: now.toISOString(),
    locked_until: null,
    last_error: errorText(error),
  });
}

/** Drops a mail no longer wanted (queued or claimed); last_error keeps the reason. */
export function markMailCancelled(
  db: DbOrTrx,
  { id, reason, now }: { id: number; reason: string; now: Date },
): Promise<boolean> {
  return moveMail(db, id, ['queued', 'sending'], {
    status: 'cancelled',
    next_attempt_at: now.toISOString(),
    locked_until: null,
    last_error: errorText(reason),
  });
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
