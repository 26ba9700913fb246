import type { Generated, Selectable } from 'kysely';

/** pending: waiting for the reader to confirm; confirmed: receives editions; unsubscribed: never again until a new opt-in. */
export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed';

/**
 * The `newsletter_subscribers` table: one row per address (lower-cased), whatever its state.
 * The address is personal data: only the newsletter's managers see it, never a log or a reader page.
 */
export interface NewsletterSubscriberTable {
  id: Generated<number>;
  email: string;
  status: SubscriberStatus;
  created_at: string;
  /** The last time someone asked to subscribe this address (the confirmation mail's time bucket). */
  requested_at: string;
  /** Who asked last, as the keyed hash of their IP (clientKey): flood control, nothing else. */
  requested_by: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

/** draft: being composed; sending: « Envoyer » was clicked, mails are being queued; sent: all queued. */
export type EditionStatus = 'draft' | 'sending' | 'sent';

/** digest: the daily round-up (prefilled with the most read); special: a special edition. */
export type EditionKind = 'digest' | 'special';

/** The `newsletter_editions` table: each letter, from draft to sent, and its public archive copy. */
export interface NewsletterEditionTable {
  id: Generated<number>;
  kind: EditionKind;
  subject: string;
  intro: string;
  /** JSON array of the chosen article ids, in the order the letter lists them. */
  article_ids: string;
  /** JSON array of the articles as sent (title, kicker, standfirst, path), frozen at « Envoyer »; '[]' before. */
  items: string;
  status: EditionStatus;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  sent_by: number | null;
  /** When « Envoyer » was clicked: the date the archive shows. */
  sent_at: string | null;
  /** When the last subscriber's mail was queued. */
  finished_at: string | null;
}

/**
 * The `newsletter_deliveries` table: one row per edition and subscriber, unique on the pair, so no
 * instance, retry or double click ever queues a letter twice to one subscriber.
 */
export interface NewsletterDeliveryTable {
  edition_id: number;
  subscriber_id: number;
  /** The outbox mail carrying it (its status is the delivery's). */
  outbox_id: number | null;
  created_at: string;
}

export type SubscriberRow = Selectable<NewsletterSubscriberTable>;
export type EditionRow = Selectable<NewsletterEditionTable>;
