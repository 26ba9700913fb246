import type { DbOrTrx } from '../db/database.ts';
import type { SubscriberRow, SubscriberStatus } from './newsletter.table.ts';

/** The subscriber with this address (lower-cased), if any. */
export async function findSubscriberByEmail(
  db: DbOrTrx,
  email: string,
): Promise<SubscriberRow | undefined> {
  return db
    .selectFrom('newsletter_subscribers')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
}

/** The subscriber with this id, if any. */
export async function findSubscriber(db: DbOrTrx, id: number): Promise<SubscriberRow | undefined> {
  return db
    .selectFrom('newsletter_subscribers')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Adds an address waiting for its confirmation; undefined when it exists already (a race). */
export async function insertPendingSubscriber(
  db: DbOrTrx,
  { email, now, by }: { email: string; now: Date; by: string },
): Promise<SubscriberRow | undefined> {
  const at = now.toISOString();
  return db
    .insertInto('newsletter_subscribers')
    .values({
      email,
      status: 'pending',
      created_at: at,
      requested_at: at,
      requested_by: by,
      confirmed_at: null,
      unsubscribed_at: null,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Records a new request for an existing address; one that had left waits for confirmation again. */
export async function updateSubscriberRequest(
  db: DbOrTrx,
  { id, now, by, pending }: { id: number; now: Date; by: string; pending: boolean },
): Promise<void> {
  await db
    .updateTable('newsletter_subscribers')
    .set({
      requested_at: now.toISOString(),
      requested_by: by,
      ...(pending ? { status: 'pending' as const, unsubscribed_at: null } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Confirms a waiting address; false when it was not waiting (already confirmed, or gone). */
export async function confirmSubscriber(db: DbOrTrx, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('newsletter_subscribers')
    .set({ status: 'confirmed', confirmed_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Unsubscribes an address (whatever its state); false when there is no such subscriber. */
export async function unsubscribeSubscriber(db: DbOrTrx, id: number, now: Date): Promise<boolean> {
  const found = await findSubscriber(db, id);
  if (!found) return false;
  if (found.status !== 'unsubscribed')
    await db
      .updateTable('newsletter_subscribers')
      .set({ status: 'unsubscribed', unsubscribed_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '!=', 'unsubscribed')
      .execute();
  return true;
}

// LIKE escapes differ between the engines; a `%` or `\` has no business in a search for an
// address, and a `_` only widens it by one character.
function searchPattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%]/g, '')}%`;
}

/** A page of subscribers, newest first, optionally those whose address contains `search`. */
export async function listSubscribers(
  db: DbOrTrx,
  { search, limit, offset }: { search: string; limit: number; offset: number },
): Promise<SubscriberRow[]> {
  let query = db.selectFrom('newsletter_subscribers').selectAll();
  if (search) query = query.where((eb) => eb('email', 'like', searchPattern(search)));
  return query.orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

/** How many subscribers match `search` (all when empty). */
export async function countSubscribers(
  db: DbOrTrx,
  { search }: { search: string },
): Promise<number> {
  let query = db
    .selectFrom('newsletter_subscribers')
    .select((eb) => eb.fn.countAll<number | string>().as('n'));
  if (search) query = query.where((eb) => eb('email', 'like', searchPattern(search)));
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** How many subscribers are in each state, zeros included. */
export async function countSubscribersByStatus(
  db: DbOrTrx,
): Promise<Record<SubscriberStatus, number>> {
  const rows = await db
    .selectFrom('newsletter_subscribers')
    .select((eb) => ['status', eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<SubscriberStatus, number> = { pending: 0, confirmed: 0, unsubscribed: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** Every subscriber, oldest first, in pages of `limit` after the id `after` (the CSV export). */
export async function listSubscribersAfter(
  db: DbOrTrx,
  { after, limit }: { after: number; limit: number },
): Promise<SubscriberRow[]> {
  return db
    .selectFrom('newsletter_subscribers')
    .selectAll()
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
}
