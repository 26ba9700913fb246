import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/** The header that carries a request's id, both ways (from a proxy, and back to the client). */
export const REQUEST_ID_HEADER = 'x-request-id';

// What a proxy's id may look like (nginx's $request_id, a UUID, a trace id); anything else,
// a log-injection attempt or a header of a kilobyte, is replaced.
const WELL_FORMED_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/**
 * Fastify's genReqId: the incoming X-Request-Id when it is well formed, so a line in the proxy's
 * log and one in ours share the id; a fresh UUID otherwise.
 */
export function requestId(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && WELL_FORMED_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Sends each request's id back as X-Request-Id (on the raw response, so pages written straight
 * to the socket carry it too) and writes one access-log line per request at level info (so not
 * with LOG_LEVEL=warn or quieter), with
 * the id. The line names the path without its query, and a route's pattern instead of a path
 * that carries a secret token (account links, ad clicks), so the log holds no secrets.
 */
export function logAccess(app: FastifyInstance, logLevel: string): void {
  const logged = logsAccess(logLevel);
  app.addHook('onRequest', (request, reply, done) => {
    reply.raw.setHeader(REQUEST_ID_HEADER, request.id);
    if (!logged) return done();
    const res = reply.raw;
    res.once('close', () => {
      const route = request.routeOptions.url;
      const path = route?.includes(':token') ? route : request.originalUrl.split('?', 1)[0];
      request.log.info(
        {
          method: request.method,
          path,
          status: res.statusCode,
          ms: Math.round(reply.elapsedTime * 10) / 10,
          bytes: Number(res.getHeader('content-length') ?? 0) || undefined,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        'request',
      );
    });
    done();
  });
}

/**
 * The access-log line of a response the front door wrote (no Fastify request there): the same
 * fields as logAccess's, or undefined when lines are not logged.
 */
export function frontDoorAccessLog(
  log: () => FastifyBaseLogger,
  logLevel: string,
): ((served: ServedLine) => void) | undefined {
  if (!logsAccess(logLevel)) return undefined;
  return ({ req, id, status, bytes, started }) =>
    log().info(
      {
        reqId: id,
        method: req.method,
        path: (req.url ?? '/').split('?', 1)[0],
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        bytes: bytes || undefined,
      },
      'request',
    );
}

/** What the front door says of a response it wrote. */
export interface ServedLine {
  req: IncomingMessage;
  id: string;
  status: number;
  bytes: number;
  /** performance.now() when it took the request. */
  started: number;
}

// Access lines are written at level info.
const logsAccess = (logLevel: string) => ['info', 'debug', 'trace'].includes(logLevel);
