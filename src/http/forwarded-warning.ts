import type { FastifyInstance } from 'fastify';

/**
 * Warns once when requests come through a proxy (they carry X-Forwarded-For) while TRUST_PROXY is
 * off: every reader then has the proxy's address, so the per-client limits on logins and comments
 * count all readers as one.
 */
export function warnOnUntrustedProxy(app: FastifyInstance, trustProxy: boolean): void {
  if (trustProxy) return;
  let warned = false;
  app.addHook('onRequest', (request, _reply, done) => {
    if (!warned && request.headers['x-forwarded-for'] !== undefined) {
      warned = true;
      request.log.warn(
        { setting: 'TRUST_PROXY' },
        'Requests carry X-Forwarded-For but TRUST_PROXY is off: every reader counts as the ' +
          'proxy’s address, so per-client limits (logins, comments) lump readers together. ' +
          'Set TRUST_PROXY=true behind a reverse proxy or CDN.',
      );
    }
    done();
  });
}
