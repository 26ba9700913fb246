import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { RateLimit } from '../http/rate-limit.ts';
import type { EditionKind } from './newsletter.table.ts';

/** The public subscription page. */
export const NEWSLETTER_PATH = '/newsletter';
/** The public archive of sent editions. */
export const ARCHIVE_PATH = '/newsletter/archives';

/** How long a confirmation link works. */
export const CONFIRM_TTL_MS = 7 * 24 * 60 * 60_000;
/** One confirmation mail per address within this window, however often it is asked for. */
export const CONFIRM_MAIL_WINDOW_MS = 15 * 60_000;
/** How many addresses one client may ask to subscribe per window (flood control). */
export const SUBSCRIBE_PER_CLIENT = 5;
export const SUBSCRIBE_WINDOW_MS = 60 * 60_000;
/** The limit on subscription requests, counted per client across every instance. */
export const subscribeRateLimit: RateLimit = {
  scope: 'newsletter-subscribe',
  max: SUBSCRIBE_PER_CLIENT,
  windowMs: SUBSCRIBE_WINDOW_MS,
};

export const SUBJECT_MAX = 150;
export const INTRO_MAX = 3_000;
/** The most articles one letter lists. */
export const EDITION_ARTICLES_MAX = 12;

/** The page-cache key of the public archive pages (see articles/article-keys.ts). */
export const NEWSLETTER_ARCHIVE_KEY = 'newsletter';

/** The public address of a sent edition's web version. */
export function editionPath(id: number): string {
  return `${ARCHIVE_PATH}/${id}`;
}

/** One article of a letter, as it was sent (frozen at « Envoyer », so the archive shows what readers got). */
export interface EditionItem {
  id: number;
  kicker: string;
  title: string;
  standfirst: string;
  /** The article's path on the site (`/section/slug`). */
  path: string;
}

/** What a letter shows: its subject, intro and articles. */
export interface EditionContent {
  kind: EditionKind;
  subject: string;
  intro: string;
  items: EditionItem[];
}

const emailSchema = z.email();

/** The address as stored (trimmed, lower-cased), or null when it is not one. */
export function normalizeEmail(input: string): string | null {
  const address = input.trim().toLowerCase();
  if (!address || address.length > 254 || !emailSchema.safeParse(address).success) return null;
  return address;
}

/** A JSON list of article ids as stored, read back defensively (bad JSON counts as none). */
export function readIdList(json: string): number[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter((v): v is number => Number.isInteger(v) && (v as number) > 0);
  } catch {
    return [];
  }
}

/** The frozen items of a sent edition, read back defensively. */
export function readItems(json: string): EditionItem[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (v): v is EditionItem =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as EditionItem).title === 'string' &&
        typeof (v as EditionItem).path === 'string',
    );
  } catch {
    return [];
  }
}

function sign(secret: string, purpose: string, payload: string): string {
  return createHmac('sha256', secret)
    .update(`newsletter-${purpose}:${payload}`)
    .digest('base64url')
    .slice(0, 32);
}

function matches(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token of a confirmation link: subscriber id, expiry and an HMAC of both (no address in it). */
export function signConfirmToken(secret: string, subscriberId: number, expiresAt: Date): string {
  const payload = `${subscriberId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${sign(secret, 'confirm', payload)}`;
}

/** The subscriber a confirmation token names, or null if forged, altered or expired. */
export function verifyConfirmToken(secret: string, token: string, now: Date): number | null {
  const [id, exp, mac, extra] = token.split('.');
  if (extra !== undefined || !id || !exp || !mac || !/^\d{1,10}$/.test(id) || !/^\d+$/.test(exp))
    return null;
  if (!matches(mac, sign(secret, 'confirm', `${id}.${exp}`))) return null;
  if (Number(exp) * 1000 <= now.getTime()) return null;
  return Number(id);
}

/**
 * The token of an unsubscribe link: the subscriber id and an HMAC. It does not expire: a letter
 * read months later must still unsubscribe in one click.
 */
export function signUnsubscribeToken(secret: string, subscriberId: number): string {
  return `${subscriberId}.${sign(secret, 'unsubscribe', String(subscriberId))}`;
}

/** The subscriber an unsubscribe token names, or null if forged or altered. */
export function verifyUnsubscribeToken(secret: string, token: string): number | null {
  const [id, mac, extra] = token.split('.');
  if (extra !== undefined || !id || !mac || !/^\d{1,10}$/.test(id)) return null;
  if (!matches(mac, sign(secret, 'unsubscribe', id))) return null;
  return Number(id);
}

/** The path of a confirmation link. */
export function confirmPath(token: string): string {
  return `${NEWSLETTER_PATH}/confirmation/${encodeURIComponent(token)}`;
}

/** The path of an unsubscribe link (the one-click POST goes to the same address, RFC 8058). */
export function unsubscribePath(token: string): string {
  return `${NEWSLETTER_PATH}/desabonnement/${encodeURIComponent(token)}`;
}

/**
 * One CSV cell: quoted when it holds a separator, a quote or a line break, and defused when a
 * spreadsheet would read it as a formula (a leading = + - @, tab or carriage return gets a quote).
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text (RFC 4180: comma-separated, CRLF line ends). */
export function toCsv(rows: (string | number | null)[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A delivery's state in the report: the outbox's, with permanent refusals told apart as bounces. */
export type DeliveryState = 'queued' | 'sent' | 'failed' | 'bounced' | 'cancelled';

/** The report's states, in the order the chart and the table show them. */
export const DELIVERY_STATES: readonly DeliveryState[] = [
  'queued',
  'sent',
  'failed',
  'bounced',
  'cancelled',
];

/**
 * How a delivery reads in the report, from its outbox mail: still queued (or being sent), sent,
 * bounced (the receiving server refused it for good: a 5xx answer, given up at once), failed
 * (given up after its retries) or cancelled (the reader unsubscribed before it left).
 */
export function deliveryState(mail: {
  status: string | null;
  last_error: string | null;
}): DeliveryState {
  switch (mail.status) {
    case 'sent':
      return 'sent';
    case 'failed':
      return /\b5\d\d\b/.test(mail.last_error ?? '') ? 'bounced' : 'failed';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'queued';
  }
}

/** The counts of an edition's delivery report. */
export type DeliveryCounts = Record<DeliveryState, number>;

/** Adds up delivery states into the report's counts, zeros included. */
export function countDeliveries(states: DeliveryState[]): DeliveryCounts {
  const counts: DeliveryCounts = { queued: 0, sent: 0, failed: 0, bounced: 0, cancelled: 0 };
  for (const s of states) counts[s]++;
  return counts;
}
