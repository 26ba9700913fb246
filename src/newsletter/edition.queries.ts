import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { OutboxStatus } from '../mail/outbox.table.ts';
import type { EditionKind, EditionRow } from './newsletter.table.ts';

/** Inserts a draft edition and returns it. */
export async function insertEdition(
  db: DbOrTrx,
  e: {
    kind: EditionKind;
    subject: string;
    intro: string;
    articleIds: number[];
    by: number | null;
    now: Date;
  },
): Promise<EditionRow> {
  const at = e.now.toISOString();
  return db
    .insertInto('newsletter_editions')
    .values({
      kind: e.kind,
      subject: e.subject,
      intro: e.intro,
      article_ids: JSON.stringify(e.articleIds),
      items: '[]',
      status: 'draft',
      created_by: e.by,
      created_at: at,
      updated_at: at,
      sent_by: null,
      sent_at: null,
      finished_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Saves a draft's subject, intro and articles; false when it is no longer a draft. */
export async function updateEditionDraft(
  db: DbOrTrx,
  e: { id: number; subject: string; intro: string; articleIds: number[]; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('newsletter_editions')
    .set({
      subject: e.subject,
      intro: e.intro,
      article_ids: JSON.stringify(e.articleIds),
      updated_at: e.now.toISOString(),
    })
    .where('id', '=', e.id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The edition with this id, if any. */
export async function findEdition(db: DbOrTrx, id: number): Promise<EditionRow | undefined> {
  return db.selectFrom('newsletter_editions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The newest editions, drafts included, for the newsroom. */
export async function listEditions(db: DbOrTrx, limit: number): Promise<EditionRow[]> {
  return db
    .selectFrom('newsletter_editions')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** A page of sent editions (sending or sent), newest first: the public archive. */
export async function listSentEditions(
  db: DbOrTrx,
  { limit, offset }: { limit: number; offset: number },
): Promise<EditionRow[]> {
  return db
    .selectFrom('newsletter_editions')
    .selectAll()
    .where('status', '!=', 'draft')
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** How many editions were sent. */
export async function countSentEditions(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('newsletter_editions')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', '!=', 'draft')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Moves a draft to « sending » with its articles frozen as sent; false when it was not a draft
 * any more (a second click, or another member sending it at the same moment).
 */
export async function markEditionSending(
  trx: Trx,
  e: { id: number; items: string; by: number | null; now: Date },
): Promise<boolean> {
  const result = await trx
    .updateTable('newsletter_editions')
    .set({
      status: 'sending',
      items: e.items,
      sent_by: e.by,
      sent_at: e.now.toISOString(),
      updated_at: e.now.toISOString(),
    })
    .where('id', '=', e.id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The editions whose mails are still being queued, oldest first. */
export async function listSendingEditions(db: DbOrTrx): Promise<EditionRow[]> {
  return db
    .selectFrom('newsletter_editions')
    .selectAll()
    .where('status', '=', 'sending')
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
}

/** Marks an edition fully queued. */
export async function markEditionSent(db: DbOrTrx, id: number, now: Date): Promise<void> {
  await db
    .updateTable('newsletter_editions')
    .set({ status: 'sent', finished_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

/** Up to `limit` confirmed subscribers this edition has not been queued for yet, by id. */
export async function listConfirmedAwaiting(
  db: DbOrTrx,
  { editionId, limit }: { editionId: number; limit: number },
): Promise<{ id: number; email: string }[]> {
  return db
    .selectFrom('newsletter_subscribers as s')
    .select(['s.id', 's.email'])
    .where('s.status', '=', 'confirmed')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('newsletter_deliveries as d')
            .select('d.subscriber_id')
            .where('d.edition_id', '=', editionId)
            .whereRef('d.subscriber_id', '=', 's.id'),
        ),
      ),
    )
    .orderBy('s.id')
    .limit(limit)
    .execute();
}

/**
 * Claims one delivery: inserts the (edition, subscriber) row unless it exists. True only for the
 * one caller that inserted it, on any instance: that caller alone queues the mail.
 */
export async function insertDelivery(
  trx: Trx,
  d: { editionId: number; subscriberId: number; now: Date },
): Promise<boolean> {
  const row = await trx
    .insertInto('newsletter_deliveries')
    .values({
      edition_id: d.editionId,
      subscriber_id: d.subscriberId,
      outbox_id: null,
      created_at: d.now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['edition_id', 'subscriber_id']).doNothing())
    .returning('subscriber_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Links a delivery to the outbox mail that carries it (found by its dedupe key). */
export async function linkDeliveryMail(
  trx: Trx,
  d: { editionId: number; subscriberId: number; dedupeKey: string },
): Promise<void> {
  const mail = await trx
    .selectFrom('outbox')
    .select('id')
    .where('dedupe_key', '=', d.dedupeKey)
    .executeTakeFirst();
  if (!mail) return;
  await trx
    .updateTable('newsletter_deliveries')
    .set({ outbox_id: mail.id })
    .where('edition_id', '=', d.editionId)
    .where('subscriber_id', '=', d.subscriberId)
    .execute();
}

/** How many of the newsletter's mails (every edition) wait in the outbox, queued or being sent. */
export async function countDeliveriesInFlight(db: DbOrTrx, kind: string): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', 'in', ['queued', 'sending'])
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many deliveries were queued since the given time (every edition): the pace's measure. */
export async function countDeliveriesSince(db: DbOrTrx, since: Date): Promise<number> {
  const row = await db
    .selectFrom('newsletter_deliveries')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('created_at', '>', since.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * An edition's deliveries counted by their mail's status (and, for failed mails, by the server's
 * last answer, which tells a bounce from a failure).
 */
export async function countDeliveryOutcomes(
  db: DbOrTrx,
  editionId: number,
): Promise<{ status: OutboxStatus | null; last_error: string | null; n: number }[]> {
  const error = sql<string | null>`case when o.status = 'failed' then o.last_error end`;
  const rows = await db
    .selectFrom('newsletter_deliveries as d')
    .leftJoin('outbox as o', 'o.id', 'd.outbox_id')
    .select((eb) => ['o.status', error.as('last_error'), eb.fn.countAll<number | string>().as('n')])
    .where('d.edition_id', '=', editionId)
    .groupBy(['o.status', error])
    .execute();
  return rows.map((r) => ({ status: r.status, last_error: r.last_error, n: Number(r.n) }));
}

/** An edition's deliveries that did not arrive, with the address and the server's answer. */
export async function listDeliveryFailures(
  db: DbOrTrx,
  { editionId, limit }: { editionId: number; limit: number },
): Promise<{ email: string; status: OutboxStatus; last_error: string | null; attempts: number }[]> {
  return db
    .selectFrom('newsletter_deliveries as d')
    .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
    .innerJoin('newsletter_subscribers as s', 's.id', 'd.subscriber_id')
    .select(['s.email', 'o.status', 'o.last_error', 'o.attempts'])
    .where('d.edition_id', '=', editionId)
    .where('o.status', 'in', ['failed', 'cancelled'])
    .orderBy('s.email')
    .limit(limit)
    .execute();
}
