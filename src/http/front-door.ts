import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServedLine } from './access-log.ts';
import type { RouteDeps } from './deps.ts';
import { fillView, sharedResponse, varyValues, type SharedResponse, type View } from './page.ts';
import type { ViewRequest } from './page-pipeline.ts';

/**
 * The front door: serves a cached reader page again before any routing, the way a page-cache
 * drop-in answers before WordPress loads. It takes only a GET without cookies, at an address a
 * route has served shared before (remembered by sendCachedPage) whose page is still cached, while
 * the change log was read within its TTL; everything else, and anything it cannot finish,
 * goes to Fastify. The view is the same as through the route: the same fillers (ads picked and
 * counted, views counted), ETag, 304, compression and headers, the security headers included.
 *
 * Why: on a cache hit, Fastify's routing, hooks, schema validation and reply objects cost more
 * than the page (see README, « The front door »).
 */
export interface FrontDoor {
  /** Answers the request if it can, else hands it to the app (Fastify's handler). */
  handle(req: IncomingMessage, res: ServerResponse, app: Handler): void;
  /** How many responses it wrote, for tests and the bench. */
  served(): number;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

// Nothing written yet when anything fails: the route answers, or reports the error on its error
// page.
function fallBack(req: IncomingMessage, res: ServerResponse, app: Handler) {
  if (!res.headersSent) app(req, res);
  else res.destroy();
}

const NO_COOKIES: Readonly<Record<string, string | undefined>> = Object.freeze({});

/**
 * Creates the front door of an app. `defaultHeaders` are those every reader response carries
 * (the security headers, but for the Content-Security-Policy: each page sends its own),
 * `requestId` names each request (X-Request-Id), `onServed` logs it.
 */
export function createFrontDoor({
  deps,
  defaultHeaders,
  requestId,
  onServed,
}: {
  deps: Pick<RouteDeps, 'cache' | 'clock' | 'pages'>;
  defaultHeaders: readonly string[];
  requestId: (req: IncomingMessage) => string;
  onServed?: ((served: ServedLine) => void) | undefined;
}): FrontDoor {
  let count = 0;
  // A kept response's headers with the defaults before them, listed once.
  const withDefaults = new WeakMap<string[], string[]>();

  function write(req: IncomingMessage, res: ServerResponse, out: SharedResponse, started: number) {
    const id = requestId(req);
    let all = out.kept ? withDefaults.get(out.headers) : undefined;
    if (!all) {
      all = ['x-request-id', id, ...defaultHeaders, ...out.headers];
      if (out.kept) withDefaults.set(out.headers, all);
    }
    // The list is kept for the next views of the body: writeHead reads it at once.
    all[1] = id;
    res.writeHead(out.status, all);
    res.end(out.body);
    count++;
    onServed?.({ req, id, status: out.status, bytes: out.body?.length ?? 0, started });
  }

  // A view that waits for a filler or a compression: written once it is ready.
  async function later(
    req: IncomingMessage,
    res: ServerResponse,
    app: Handler,
    out: Promise<SharedResponse>,
    started: number,
  ) {
    try {
      write(req, res, await out, started);
    } catch {
      fallBack(req, res, app);
    }
  }

  return {
    handle(req, res, app) {
      if (req.method !== 'GET' || req.headers.cookie !== undefined) return app(req, res);
      const url = req.url;
      const known = url === undefined ? undefined : deps.pages.knownAddress(url);
      if (!known) return app(req, res);
      const snapshot = deps.cache.freshSnapshot();
      if (!snapshot || snapshot.settings !== known.settings) return app(req, res);
      if (varyValues(known.varyHeaders, req.headers) !== known.varyValues) return app(req, res);
      const page = deps.cache.get(known.key);
      // (A page without its own policy would go out without one: the route sends the side's.)
      if (!page?.csp) return app(req, res);
      const started = onServed ? performance.now() : 0;
      const viewer: ViewRequest = { method: 'GET', headers: req.headers, cookies: NO_COOKIES };
      const respond = (view: View) => {
        // Only a reader's cookie makes a view personal: never here, but never shared if so.
        if (view.personal) throw new Error('a personal view at the front door');
        return sharedResponse(deps, page, known, view, req.headers);
      };
      // At once when the fillers and the body are ready (a hot page): no promise to wait for.
      try {
        const view = fillView(deps.pages, page, viewer);
        const out = view instanceof Promise ? view.then(respond) : respond(view);
        if (out instanceof Promise) void later(req, res, app, out, started);
        else write(req, res, out, started);
      } catch {
        fallBack(req, res, app);
      }
    },
    served: () => count,
  };
}
