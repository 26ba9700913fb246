import { adFiller } from './ads/ad-filler.ts';
import { commentFiller } from './comments/comment-filler.ts';
import { createArticleViews, VIEWS_FLUSH_MS, type ArticleViews } from './articles/article-views.ts';
import { mostReadFiller } from './articles/most-read-filler.ts';
import { createPagePipeline } from './http/page-pipeline.ts';
import { liteEdition } from './web/lite-variant.ts';
import { loadSiteLayout } from './web/site-layout.ts';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RouteOptions,
} from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { newsroomRoutes } from './admin/newsroom.routes.ts';
import { articleRoutes } from './articles/article.routes.ts';
import { commentRoutes } from './comments/comment.routes.ts';
import { commentReportRoutes } from './comments/comment-report.routes.ts';
import { createPageCache, type PageCache } from './cache/page-cache.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { DialectName } from './db/connect.ts';
import type { Db } from './db/database.ts';
import { ErrorPage } from './http/error.pages.tsx';
import { warnOnUntrustedProxy } from './http/forwarded-warning.ts';
import { frontDoorAccessLog, logAccess, requestId } from './http/access-log.ts';
import { answerClientError } from './http/client-error.ts';
import { createFrontDoor, type FrontDoor } from './http/front-door.ts';
import { createServer, type Server, type ServerOptions } from 'node:http';
import { healthRoute } from './http/health.ts';
import type { Heartbeat } from './jobs/heartbeat.ts';
import type { RouteDeps } from './http/deps.ts';
import { classifyError, errorMessage, notFound } from './http/errors.ts';
import { pageContext } from './http/page.ts';
import { encodeAsset, sendAsset } from './http/static-assets.ts';
import { isLitePath, keepLinksLite, stripLitePrefix } from './http/edition.ts';
import {
  applySecurityHeaders,
  isHttpsSite,
  markPrivateSide,
  pageCspFor,
  securityHeaders,
} from './http/security-headers.ts';
import { mediaFileRoutes } from './media/media-file.routes.ts';
import type { MediaStore } from './media/media-store.ts';
import { openMediaStore } from './media/open-media-store.ts';
import { ogImageRoutes } from './media/og-image.routes.ts';
import { searchRoutes } from './search/search.routes.ts';
import { sectionRoutes } from './sections/section.routes.ts';
import { authorRoutes } from './authors/author.routes.ts';
import { correctionRoutes } from './corrections/correction.routes.ts';
import { liveRoutes } from './live/live.routes.ts';
import { newsletterRoutes } from './newsletter/newsletter.routes.ts';
import { feedRoutes } from './feeds/feed.routes.ts';
import { sitemapRoutes } from './feeds/sitemap.routes.ts';
import { tagRoutes } from './tags/tag.routes.ts';
import { defaultSiteSettings } from './settings/site-settings.ts';
import { loginRoutes } from './users/login.routes.ts';
import { AD_FLUSH_MS, createAdDelivery, type AdDelivery } from './ads/ad-delivery.ts';
import { adRoutes } from './ads/ad.routes.ts';
import { accountLinkRoutes } from './users/account-link.routes.ts';
import { advertiserReportRoutes } from './ads/ad-report.routes.ts';
import {
  createShortLinkCounter,
  SHORT_LINK_FLUSH_MS,
  type ShortLinkCounter,
} from './whatsapp/short-link-visits.ts';
import { legacyPathTarget, sendLegacyRedirect } from './redirects/legacy-redirect.ts';
import { shortLinkRoutes } from './whatsapp/short-link.routes.ts';
import { inlineStyleSheet, loadAssets, type Asset } from './web/assets.ts';
import type { PageContext } from './web/page-context.ts';
import { renderDocument } from './web/render.ts';
import { stringsFor } from './web/strings.ts';

/** What buildApp() needs; everything the app touches comes through here. */
export interface AppOptions {
  config: Config;
  db: Db;
  dialect: DialectName;
  clock?: Clock;
  /** Shared with the worker, so its writes invalidate this instance's pages at once. */
  cache?: PageCache;
  /** Ad delivery; tests pass one with a seeded random source. */
  ads?: AdDelivery;
  /** Counting of visits through short links (`/a/<id>`); tests pass one to flush it. */
  shortLinks?: ShortLinkCounter;
  /** Article view counting (« Les plus lus »); tests pass one to flush it when they want. */
  views?: ArticleViews;
  /** The media store; by default the one the configuration names, closed with the app. */
  media?: MediaStore;
  /** Sees every route as it is registered: the route census test lists them with it. */
  onRoute?: (route: RouteOptions) => void;
  /** This instance's worker heartbeat, checked by /healthz (absent: no worker to check). */
  heartbeat?: Heartbeat;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Serves cached reader pages again before routing (http/front-door.ts). */
    frontDoor: FrontDoor;
  }
}

// What Fastify hands a serverFactory: its options, defaults filled in.
interface ServerFactoryOptions {
  http?: ServerOptions;
  keepAliveTimeout: number;
  requestTimeout: number;
  connectionTimeout: number;
  maxRequestsPerSocket: number;
}

/** Builds the HTTP application: plugins, reader routes, newsroom routes and error pages. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, db } = options;
  const clock = options.clock ?? systemClock;
  const cache =
    options.cache ??
    createPageCache({
      db,
      clock,
      ttlMs: config.cacheVersionTtlMs,
      loadLayout: loadSiteLayout,
      maxBytes: config.pageCacheMb * 1024 * 1024,
    });
  const assets = await loadAssets();
  // Article pages carry the theme's style sheet inline (see web/layout.tsx).
  const inlineSheets = [inlineStyleSheet(assets.css)];
  const media = options.media ?? (await openMediaStore(config));
  const deps: RouteDeps = {
    config,
    db,
    dialect: options.dialect,
    clock,
    cache,
    assets,
    buildId: assets.css.url.split('.')[1] ?? 'dev',
    pages: createPagePipeline(),
    ads: options.ads ?? createAdDelivery({ db, cache, clock, secret: config.sessionSecret }),
    media,
    pageCsp: pageCspFor(config, inlineSheets),
  };
  // The features that fill reader pages per view, and the light edition of every page.
  deps.pages.addFiller(adFiller(deps.ads));
  deps.pages.addFiller(commentFiller(deps));
  const views = options.views ?? createArticleViews({ db, cache, clock });
  deps.pages.addFiller(mostReadFiller(views));
  deps.pages.addVariant(liteEdition);

  const headers = await securityHeaders(config, inlineSheets);
  const beforeRouting = Object.fromEntries(headers.reader);
  // Cached reader pages are served again before routing (see http/front-door.ts), each with its
  // own Content-Security-Policy rather than the side's.
  const frontDoor = createFrontDoor({
    deps,
    defaultHeaders: headers.reader.filter(([name]) => name !== 'content-security-policy').flat(),
    requestId,
    onServed: frontDoorAccessLog(() => app.log, config.logLevel),
  });
  const app: FastifyInstance = Fastify({
    // Fastify's own HTTP server, as it makes it (lib/server.js), with the front door before it.
    serverFactory: (handler, options): Server => {
      const o = options as unknown as ServerFactoryOptions;
      // Once the server stops listening (the app is closing), requests go to the routes, which
      // answer 503 and close the connection.
      const server = createServer(o.http ?? {}, (req, res) =>
        server.listening ? frontDoor.handle(req, res, handler) : handler(req, res),
      );
      server.keepAliveTimeout = o.keepAliveTimeout;
      server.requestTimeout = o.requestTimeout;
      server.setTimeout(o.connectionTimeout);
      if (o.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = o.maxRequestsPerSocket;
      return server;
    },
    logger: { level: config.logLevel },
    // One access-log line per request (http/access-log.ts) instead of Fastify's two: they cost
    // more than a cached page. The id is a proxy's X-Request-Id when well formed.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    genReqId: requestId,
    trustProxy: config.trustProxy,
    // A peer that dribbles its request is cut after 5 minutes, as Node does by default (Fastify
    // turns it off): time for a 15 MB photo on a slow uplink. Headers must come within 60 s.
    requestTimeout: 300_000,
    // A request the HTTP parser refused: a short answer in both languages, then the socket closes.
    clientErrorHandler: answerClientError,
    // Let in-flight requests finish on shutdown, but drop idle keep-alive sockets at once.
    forceCloseConnections: 'idle',
    bodyLimit: 1024 * 1024,
    // `/lite/x` is the light edition of `/x`: one set of routes serves both (see http/edition.ts).
    rewriteUrl: (request) => stripLitePrefix(request.url ?? '/'),
    // A path that is not valid URL encoding is refused before any hook runs: the reader side's
    // security headers are added here, and the error handler renders the 400 page.
    frameworkErrors: (error, request, reply: FastifyReply) =>
      app.errorHandler(error, request, reply.headers(beforeRouting)),
  });
  app.decorateRequest('user', null);
  app.decorate('frontDoor', frontDoor);
  logAccess(app, config.logLevel);
  warnOnUntrustedProxy(app, config.trustProxy);
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  // Every route declares its params, query and body as zod schemas (fastify-type-provider-zod);
  // what does not fit is a 400 (a 404 for a malformed id in the path) in the reader's language.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Ad counts are written in batches, off the page views' path; the last batch on close.
  const flushAds = () =>
    deps.ads.flush().catch((err: unknown) => app.log.error({ err }, 'writing ad counts failed'));
  const adTimer = setInterval(flushAds, AD_FLUSH_MS);
  adTimer.unref();
  app.addHook('onClose', async () => {
    clearInterval(adTimer);
    await flushAds();
  });
  // Short-link visits (WhatsApp) the same way: counted in memory, written in batches.
  const shortLinks = options.shortLinks ?? createShortLinkCounter({ db, cache, clock });
  const flushShortLinks = () =>
    shortLinks
      .flush()
      .catch((err: unknown) => app.log.error({ err }, 'writing short-link visits failed'));
  const shortLinkTimer = setInterval(flushShortLinks, SHORT_LINK_FLUSH_MS);
  shortLinkTimer.unref();
  app.addHook('onClose', async () => {
    clearInterval(shortLinkTimer);
    await flushShortLinks();
  });

  // Article views too: counted in memory, written in batches, the last one on close.
  const flushViews = () =>
    views.flush().catch((err: unknown) => app.log.error({ err }, 'writing view counts failed'));
  const viewTimer = setInterval(flushViews, VIEWS_FLUSH_MS);
  viewTimer.unref();
  app.addHook('onClose', async () => {
    clearInterval(viewTimer);
    await flushViews();
  });

  // Set before any plugin is registered: child contexts copy the handlers they find.
  app.setNotFoundHandler(() => {
    throw notFound();
  });
  app.setErrorHandler(async (error, request, reply) => {
    const { status, code } = classifyError(error);
    // An address none of our routes knows may be an old one (a WordPress import's): 301.
    if (status === 404 && (request.method === 'GET' || request.method === 'HEAD')) {
      const target = await legacyPathTarget(db, request.url).catch(() => undefined);
      if (target) return sendLegacyRedirect(reply, target);
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const ctx = await errorPageContext(deps, request);
    const message = errorMessage(ctx.t, code);
    return reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(lite(ctx, await renderDocument(ErrorPage({ ctx, ...message }))));
  });

  // First, so every response carries the security headers, error pages included. They are set
  // on the raw response, where pages written straight to the socket find them too.
  app.addHook('onRequest', applySecurityHeaders(headers));
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody);
  await app.register(fastifyCsrf, {
    cookieOpts: {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      // Like the session cookie (secureCookies in http/auth.ts): behind HTTPS, always.
      secure: isHttpsSite(config) ? true : 'auto',
    },
  });
  if (!options.media) app.addHook('onClose', () => media.close());
  if (!options.cache) app.addHook('onClose', () => cache.close());
  await app.register(mediaFileRoutes, deps);

  for (const asset of Object.values(assets) as Asset[]) {
    // Compressed once, in the thread pool: start-up does not wait for it (a first request may).
    const encoded = encodeAsset(asset);
    app.get(asset.url, async (request, reply) => sendAsset(request, reply, await encoded));
  }

  healthRoute(app, { db, dialect: options.dialect, clock, heartbeat: options.heartbeat });

  await app.register(adRoutes, deps);
  await app.register(shortLinkRoutes, { ...deps, shortLinks });
  await app.register(ogImageRoutes, deps);
  await app.register(articleRoutes, deps);
  await app.register(searchRoutes, deps);
  await app.register(sectionRoutes, deps);
  for (const routes of [feedRoutes, sitemapRoutes, authorRoutes, tagRoutes, correctionRoutes])
    await app.register(routes, deps);
  await app.register(liveRoutes, deps);
  await app.register(commentRoutes, deps);
  await app.register(commentReportRoutes, deps);
  await app.register(newsletterRoutes, deps);
  // The private side (newsroom, sign-in, account links, advertisers' reports): never framed.
  await app.register(async (privateSide) => {
    privateSide.addHook('onRoute', markPrivateSide);
    await privateSide.register(loginRoutes, deps);
    await privateSide.register(accountLinkRoutes, deps);
    await privateSide.register(advertiserReportRoutes, deps);
    await privateSide.register(newsroomRoutes, deps);
  });

  return app;
}

function lite(ctx: PageContext, html: string): string {
  return ctx.lite ? keepLinksLite(html) : html;
}

// The error page must render even when the database is what failed.
async function errorPageContext(deps: RouteDeps, request: FastifyRequest): Promise<PageContext> {
  try {
    return await pageContext(deps, request);
  } catch {
    return {
      site: defaultSiteSettings,
      sections: [],
      t: stringsFor(defaultSiteSettings.locale),
      assets: deps.assets,
      publicUrl: deps.config.publicUrl,
      path: '/',
      year: deps.clock.now().getFullYear(),
      lite: isLitePath(request),
    };
  }
}
