import type { Generated, Insertable, Selectable } from 'kysely';

/** queued → sending → sent; failures go back to queued with a later next_attempt_at, then failed. */
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';

/** The `outbox` table: every mail the platform sends, written in the transaction that causes it. */
export interface OutboxTable {
  id: Generated<number>;
  /** What the mail is about, e.g. 'comment-approved'; decides whether it is still wanted. */
  kind: string;
  /** Unique: the same event never queues a second mail. */
  dedupe_key: string;
  /** The id of the record the mail is about (a comment id for comment mails). */
  ref_id: number | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** JSON object of extra headers (List-Unsubscribe…). */
  headers: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  /** While 'sending': until when the claiming worker owns it; after that another may take it. */
  locked_until: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
}

export type OutboxMail = Selectable<OutboxTable>;
export type NewOutboxMail = Insertable<OutboxTable>;
