import type { Db } from '../db/database.ts';
import { hitRateLimit, refundRateLimit } from '../http/rate-limit.ts';
import { insertOutboxMail } from '../mail/outbox.queries.ts';
import { confirmationMessage, type MailSite } from './newsletter-mails.tsx';
import {
  CONFIRM_MAIL_WINDOW_MS,
  CONFIRM_TTL_MS,
  signConfirmToken,
  SUBSCRIBE_WINDOW_MS,
  subscribeRateLimit,
} from './newsletter.ts';
import {
  confirmSubscriber,
  findSubscriber,
  findSubscriberByEmail,
  insertPendingSubscriber,
  unsubscribeSubscriber,
  updateSubscriberRequest,
} from './subscriber.queries.ts';

/** The outbox kinds of the newsletter's mails (the worker asks newsletterMailStillWanted about them). */
export const CONFIRM_MAIL_KIND = 'newsletter-confirm';
export const EDITION_MAIL_KIND = 'newsletter-edition';

/**
 * Asks to subscribe an address: a new or departed address waits for confirmation and gets the
 * confirmation mail (at most one per address every 15 minutes); a confirmed one gets nothing.
 * The caller answers the same either way, so the page never tells whether an address is known.
 * Refused (flood) when this client asked for too many addresses within the hour.
 */
export async function requestSubscription(
  db: Db,
  {
    email,
    client,
    site,
    secret,
    now,
  }: { email: string; client: string; site: MailSite; secret: string; now: Date },
): Promise<{ ok: true } | { ok: false; reason: 'flood' }> {
  return db.transaction().execute(async (trx) => {
    const hit = await hitRateLimit(trx, subscribeRateLimit, { clientHash: client, now });
    if (!hit.allowed) return { ok: false, reason: 'flood' };
    let subscriber = await findSubscriberByEmail(trx, email);
    // The limit counts addresses: one this client already asked for in this window counts once.
    const windowStart = Date.parse(hit.resetsAt) - SUBSCRIBE_WINDOW_MS;
    if (subscriber?.requested_by === client && Date.parse(subscriber.requested_at) >= windowStart)
      await refundRateLimit(trx, subscribeRateLimit, { clientHash: client, hit });
    if (!subscriber) subscriber = await insertPendingSubscriber(trx, { email, now, by: client });
    else {
      const pending = subscriber.status !== 'confirmed';
      await updateSubscriberRequest(trx, { id: subscriber.id, now, by: client, pending });
      subscriber = { ...subscriber, status: pending ? 'pending' : 'confirmed' };
    }
    // Two first requests racing on PostgreSQL: the other one inserted it, and mails it.
    if (!subscriber || subscriber.status !== 'pending') return { ok: true };
    const token = signConfirmToken(secret, subscriber.id, new Date(now.getTime() + CONFIRM_TTL_MS));
    const mail = await confirmationMessage(site, token);
    await insertOutboxMail(trx, {
      kind: CONFIRM_MAIL_KIND,
      dedupeKey: `${CONFIRM_MAIL_KIND}:${subscriber.id}:${Math.floor(now.getTime() / CONFIRM_MAIL_WINDOW_MS)}`,
      refId: subscriber.id,
      to: email,
      ...mail,
      locale: site.settings.locale,
      now,
    });
    return { ok: true };
  });
}

/** Confirms the subscriber a valid link names; true when they are (now or already) confirmed. */
export async function confirmSubscription(db: Db, id: number, now: Date): Promise<boolean> {
  if (await confirmSubscriber(db, id, now)) return true;
  return (await findSubscriber(db, id))?.status === 'confirmed';
}

/** Unsubscribes the subscriber a valid link names; false when there is no such subscriber. */
export function unsubscribe(db: Db, id: number, now: Date): Promise<boolean> {
  return unsubscribeSubscriber(db, id, now);
}

/**
 * Decides, just before sending, whether a newsletter mail is still wanted: a confirmation only
 * while the address waits for it, an edition only while the subscriber is confirmed (one who
 * unsubscribed after it was queued does not get it).
 */
export function newsletterMailStillWanted(
  db: Db,
): (mail: { kind: string; ref_id: number | null }) => Promise<boolean> {
  return async (mail) => {
    if (mail.ref_id === null) return false;
    const subscriber = await findSubscriber(db, mail.ref_id);
    if (!subscriber) return false;
    return mail.kind === CONFIRM_MAIL_KIND
      ? subscriber.status === 'pending'
      : subscriber.status === 'confirmed';
  };
}

/** Whether an outbox kind is one of the newsletter's. */
export function isNewsletterMail(kind: string): boolean {
  return kind === CONFIRM_MAIL_KIND || kind === EDITION_MAIL_KIND;
}
