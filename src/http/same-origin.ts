import type { FastifyRequest } from 'fastify';

/**
 * CSRF protection for forms on cached pages, which cannot carry a per-visitor token: the
 * browser must say the form was sent from this site (Sec-Fetch-Site, else Origin, else
 * Referer). Browsers set these headers on every cross-site POST; a forged form fails here.
 */
export function isSameOriginPost(request: FastifyRequest, publicUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const allowed = new Set([new URL(publicUrl).origin, `${request.protocol}://${request.host}`]);
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') return allowed.has(origin);
  const referer = request.headers.referer;
  if (typeof referer === 'string') {
    try {
      return allowed.has(new URL(referer).origin);
    } catch {
      return false;
    }
  }
  return false;
}
