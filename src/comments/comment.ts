import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CommentStatus } from './comment.table.ts';

export const NAME_MIN = 2;
export const NAME_MAX = 80;
export const BODY_MIN = 2;
export const BODY_MAX = 5000;
/** A form sent faster than this after the page was served is treated as a bot's. */
export const MIN_FILL_MS = 2000;
/** A comment form is good for this long after the page was served (a stamp is not forever). */
export const FORM_STAMP_TTL_MS = 6 * 60 * 60_000;
/** The same client or email may not post twice within this window. */
export const FLOOD_WINDOW_MS = 15_000;
/** Top-level comments shown per page of a thread. */
export const THREAD_PAGE_SIZE = 50;

/** What a reader typed into the comment form, exactly as sent back to them on error. */
export interface CommentFormValues {
  name: string;
  email: string;
  body: string;
  notify: boolean;
  parentId: number | null;
}

export type CommentFieldError = 'nameLength' | 'emailInvalid' | 'bodyLength';

export const emptyForm: CommentFormValues = {
  name: '',
  email: '',
  body: '',
  notify: false,
  parentId: null,
};

const email = z.email();

// What the form reader takes from a body: each field as text, anything else read as empty.
const formText = z.string().catch('');
const rawForm = z
  .object({ name: formText, email: formText, body: formText, notify: formText, parent: formText })
  .catch({ name: '', email: '', body: '', notify: '', parent: '' });

/** Reads the raw form body into typed values, without judging them. */
export function readCommentForm(body: unknown): CommentFormValues {
  const b = rawForm.parse(body);
  // Ids are 32-bit integers in the database; anything else is not a comment to reply to.
  const parent = /^\d{1,10}$/.test(b.parent) ? Number(b.parent) : NaN;
  return {
    name: b.name.slice(0, 500),
    email: b.email.slice(0, 500),
    // Kept whole, however long (the body limit bounds it), so an overlong text comes back
    // intact for the reader to cut.
    body: b.body.replace(/\r\n?/g, '\n'),
    notify: b.notify === 'on' || b.notify === '1',
    parentId: Number.isInteger(parent) && parent > 0 && parent <= 2_147_483_647 ? parent : null,
  };
}

/** Checks the fields; returns the problems by field (empty when the form is valid). */
export function validateComment(
  values: CommentFormValues,
): Partial<Record<keyof CommentFormValues, CommentFieldError>> {
  const errors: Partial<Record<keyof CommentFormValues, CommentFieldError>> = {};
  const name = charCount(values.name.trim());
  if (name < NAME_MIN || name > NAME_MAX) errors.name = 'nameLength';
  const address = values.email.trim();
  if (address.length > 254 || !email.safeParse(address).success) errors.email = 'emailInvalid';
  const body = charCount(values.body.trim());
  if (body < BODY_MIN || body > BODY_MAX) errors.body = 'bodyLength';
  return errors;
}

/** Characters as people count them (an emoji is one), not UTF-16 code units. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/** The text as stored: trimmed, with runs of blank lines kept to one. */
export function normalizeBody(body: string): string {
  return body
    .trim()
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** A fingerprint of a text for duplicate detection: case, spacing and punctuation-insensitive. */
export function bodyHash(body: string): string {
  const key = body
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(key).digest('hex');
}

/** A comment as readers see it in a thread: never the email. */
export interface PublicComment {
  id: number;
  parentId: number | null;
  authorName: string;
  body: string;
  createdAt: string;
}

/** A top-level comment with its approved replies. */
export interface ThreadItem extends PublicComment {
  replies: PublicComment[];
}

/** Groups replies under their parents, keeping the parents' order. */
export function buildThread(parents: PublicComment[], replies: PublicComment[]): ThreadItem[] {
  const byParent = new Map<number, PublicComment[]>();
  for (const r of replies) {
    if (r.parentId === null) continue;
    const list = byParent.get(r.parentId) ?? [];
    list.push(r);
    byParent.set(r.parentId, list);
  }
  return parents.map((p) => ({ ...p, replies: byParent.get(p.id) ?? [] }));
}

/** Moderation decisions a moderator can take, by the status they lead to. */
export const decisions = {
  approve: 'approved',
  reject: 'rejected',
  spam: 'spam',
} as const satisfies Record<string, CommentStatus>;
export type Decision = keyof typeof decisions;

/** True for a decision name from a form. */
export function isDecision(value: unknown): value is Decision {
  return typeof value === 'string' && value in decisions;
}

/** Whether readers may comment on an article now: open, and not past the site's closing delay. */
export function commentsOpen(
  article: { comments: 'open' | 'closed'; publishedAt: string },
  autoCloseDays: number,
  now: Date,
): boolean {
  if (article.comments !== 'open') return false;
  if (autoCloseDays <= 0) return true;
  return now.getTime() < new Date(article.publishedAt).getTime() + autoCloseDays * 86_400_000;
}
