import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { can, type Action } from '../users/policy.ts';
import { AppError, forbidden } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The newsroom action a route needs (`can(user, policy)`), or `'signed-in'` for pages every
     * newsroom member may open. Every route in the newsroom context must declare one.
     */
    policy?: Action | 'signed-in';
  }
}

/** An onRoute hook: a newsroom route that declares no policy is refused when the app is built. */
export function requireDeclaredPolicy(route: RouteOptions): void {
  const policy = (route.config as { policy?: unknown } | undefined)?.policy;
  if (typeof policy !== 'string')
    throw new Error(`newsroom route ${String(route.method)} ${route.url} declares no policy`);
}

/**
 * An onRequest hook for the newsroom context: visitors without a session go to the login page,
 * members go through the policy their route declared. The route is matched by Fastify on the
 * decoded path, so `%61rticles` meets the same policy as `articles`.
 */
export async function enforceRoutePolicy(request: FastifyRequest, reply: FastifyReply) {
  if (!request.user) {
    const next = encodeURIComponent(request.url);
    return reply.redirect(`/login?next=${next}`, 303);
  }
  const policy = request.routeOptions.config.policy;
  if (!policy) throw forbidden();
  if (policy !== 'signed-in' && !can(request.user, policy)) throw forbidden();
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * An onRequest hook for the newsroom context, behind its CSRF tokens: a state-changing request a
 * browser marks as sent from another site (Sec-Fetch-Site, else a foreign Origin) is refused.
 * `Origin: null` (sent under a no-referrer policy) is left to the token.
 */
export function refuseCrossSiteWrites(publicUrl: string) {
  const own = new URL(publicUrl).origin;
  return async (request: FastifyRequest): Promise<void> => {
    if (SAFE_METHODS.has(request.method)) return;
    const site = request.headers['sec-fetch-site'];
    if (typeof site === 'string') {
      if (site !== 'same-origin' && site !== 'none') throw new AppError('csrf');
      return;
    }
    const origin = request.headers.origin;
    if (typeof origin !== 'string' || origin === 'null') return;
    if (origin !== own && origin !== `${request.protocol}://${request.host}`)
      throw new AppError('csrf');
  };
}
