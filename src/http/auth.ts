import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, sessionIdFromToken } from '../users/session.ts';
import type { CurrentUser } from '../users/user.ts';
import { findSessionUser } from '../users/user.queries.ts';
import type { RouteDeps } from './deps.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in newsroom member; only resolved inside newsroom contexts. */
    user: CurrentUser | null;
  }
}

/** An onRequest hook that resolves the session cookie to the signed-in user, if any. */
export function resolveUser(deps: RouteDeps) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = request.cookies[SESSION_COOKIE];
    request.user = token
      ? ((await findSessionUser(deps.db, sessionIdFromToken(token), deps.clock.now())) ?? null)
      : null;
  };
}

/** An onRequest hook that sends visitors without a session to the login page. */
export async function requireUser(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.user) {
    const next = encodeURIComponent(request.url);
    await reply.redirect(`/login?next=${next}`, 303);
  }
}

/** Whether a cookie must carry the Secure flag: behind HTTPS, always. */
export function secureCookies(deps: RouteDeps, request: FastifyRequest): boolean {
  return deps.config.publicUrl.startsWith('https:') || request.protocol === 'https';
}

/** Sets the session cookie. */
export function setSessionCookie(
  deps: RouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  { token, expiresAt }: { token: string; expiresAt: Date },
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(deps, request),
    expires: expiresAt,
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Keeps a post-login redirect on this site: `next` is resolved against the public URL as a
 * browser would, and only a path of the same origin is kept (ASCII, as URLs serialize); anything
 * else, or anything with control characters or backslashes, which browsers read loosely, gives
 * the newsroom home.
 */
export function safeNextPath(next: unknown, publicUrl: string): string {
  const fallback = '/admin';
  if (typeof next !== 'string' || next === '' || /[\p{Cc}\\]/u.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, publicUrl);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//host` resolves to the path `//host`, which a browser would read as another site.
  if (url.origin !== new URL(publicUrl).origin || !path.startsWith('/') || path.startsWith('//'))
    return fallback;
  return path;
}
