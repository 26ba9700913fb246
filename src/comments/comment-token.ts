import { createHmac, timingSafeEqual } from 'node:crypto';

export const COMMENT_LINK_TTL_MS = 30 * 24 * 60 * 60_000;

function sign(secret: string, purpose: string, payload: string): string {
  return createHmac('sha256', secret)
    .update(`${purpose}:${payload}`)
    .digest('base64url')
    .slice(0, 32);
}

function matches(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A token for the private « voir votre commentaire » link: id, expiry and an HMAC of both. */
export function signCommentToken(secret: string, commentId: number, expiresAt: Date): string {
  const payload = `${commentId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${sign(secret, 'comment', payload)}`;
}

/** The comment id a private-link token grants, or null if it is forged, altered or expired. */
export function verifyCommentToken(secret: string, token: string, now: Date): number | null {
  const [id, exp, mac] = token.split('.');
  if (!id || !exp || !mac || !/^\d+$/.test(id) || !/^\d+$/.test(exp)) return null;
  if (!matches(mac, sign(secret, 'comment', `${id}.${exp}`))) return null;
  if (Number(exp) * 1000 <= now.getTime()) return null;
  return Number(id);
}

/** A token for a one-click unsubscribe from reply notifications, for one address. */
export function signUnsubscribeToken(secret: string, email: string): string {
  const payload = Buffer.from(email).toString('base64url');
  return `${payload}.${sign(secret, 'unsubscribe', payload)}`;
}

/** The address an unsubscribe token names, or null if it was tampered with. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const [payload, mac] = token.split('.');
  if (!payload || !mac || !matches(mac, sign(secret, 'unsubscribe', payload))) return null;
  return Buffer.from(payload, 'base64url').toString();
}

/**
 * A stamp for the comment form, saying when the reader began it: fetched by the form's script at
 * the first keystroke (`GET /commentaires/tampon`), or carried by a form the server gives back.
 */
export function signFormStamp(secret: string, at: Date): string {
  const seconds = String(Math.floor(at.getTime() / 1000));
  return `${seconds}.${sign(secret, 'stamp', seconds)}`;
}

/** When the stamp was issued, or null if it is forged or altered. */
export function verifyFormStamp(secret: string, stamp: string): Date | null {
  const [seconds, mac] = stamp.split('.');
  if (!seconds || !mac || !/^\d+$/.test(seconds) || !matches(mac, sign(secret, 'stamp', seconds)))
    return null;
  return new Date(Number(seconds) * 1000);
}
