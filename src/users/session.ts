import { createHash, createHmac, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'griot_session';
export const SESSION_TTL_MS = 14 * 24 * 60 * 60_000;

/** A new random session token for the cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The id a session is stored under: a hash of its token, so a database leak yields no cookie. */
export function sessionIdFromToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A keyed hash of a client address, so throttling works without storing IP addresses. */
export function clientKey(secret: string, ip: string): string {
  return createHmac('sha256', secret).update(`client:${ip}`).digest('base64url').slice(0, 32);
}
