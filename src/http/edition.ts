import type { FastifyRequest } from 'fastify';
import type { SiteSettings } from '../settings/site-settings.ts';

/** The path prefix of the data-light edition: `/lite/…` serves the light page of `/…`. */
export const LITE_PREFIX = '/lite';

/** The query parameter that asks for the full edition even with Save-Data on. */
export const FULL_EDITION_PARAM = 'complet';

// Paths that are not reader pages: their light twin does not exist (a 404), and links to them
// stay as they are in light pages.
const NOT_PAGES =
  /^\/(?:admin|media|assets|ads\/click|flux|og|healthz|sitemaps|sitemap\.xml|robots\.txt)(?:[/?.]|$)/;
const ASKS_FULL = /[?&]complet=1(?:&|#|$)/;

/**
 * Fastify's `rewriteUrl`: routes `/lite/x` as `/x` (request.originalUrl keeps the prefix, which is
 * how pages know their edition); non-page paths keep the prefix and so find no route.
 */
export function stripLitePrefix(url: string): string {
  if (url !== LITE_PREFIX && !/^\/lite[/?]/.test(url)) return url;
  const rest = url.slice(LITE_PREFIX.length);
  const stripped = rest.startsWith('/') ? rest : `/${rest}`;
  return NOT_PAGES.test(stripped) ? url : stripped;
}

/** Whether the request came in under `/lite`. */
export function isLitePath(request: FastifyRequest): boolean {
  return request.originalUrl !== request.url && /^\/lite(?:[/?]|$)/.test(request.originalUrl);
}

/** Whether this page's answer at its normal address depends on the Save-Data header. */
export function variesOnSaveData(request: FastifyRequest, site: SiteSettings): boolean {
  return site.liteForSaveData && !isLitePath(request);
}

/**
 * The edition a reader page is served in: light under `/lite`, and at the normal address for a
 * browser sending `Save-Data: on` when the setting says so, unless the reader asked for the full
 * edition (`?complet=1`, the light footer's link: a distinct URL, so shared caches stay right).
 */
export function readerEdition(request: FastifyRequest, site: SiteSettings): 'lite' | 'full' {
  if (isLitePath(request)) return 'lite';
  if (!variesOnSaveData(request, site)) return 'full';
  if (!/^on$/i.test(String(request.headers['save-data'] ?? '').trim())) return 'full';
  // Read from the URL: each route's query schema keeps only the keys its page uses.
  const at = request.url.indexOf('?');
  const query = new URLSearchParams(at < 0 ? '' : request.url.slice(at + 1));
  return query.get(FULL_EDITION_PARAM) === '1' ? 'full' : 'lite';
}

/**
 * Keeps a light page's own links in the light edition: `href="/x"` becomes `href="/lite/x"`,
 * except links to non-pages (media, assets, newsroom, ad clicks, feeds, share images) and the
 * link back to the full edition. Run once over the rendered page, before it is cached, so that
 * every component (ours and future ones) stays unaware of editions. Form actions go the same
 * way: the search form's results and a comment's answer (its redirect or its form errors, see
 * inReaderEdition) then come back in the light edition too.
 */
export function keepLinksLite(html: string): string {
  return html.replace(
    /(\s(?:href|action)=")(\/(?!\/)[^"]*)"/g,
    (whole, attr: string, url: string) =>
      NOT_PAGES.test(url) ||
      url.startsWith(`${LITE_PREFIX}/`) ||
      url === LITE_PREFIX ||
      ASKS_FULL.test(url)
        ? whole
        : `${attr}${LITE_PREFIX}${url === '/' ? '' : url}"`,
  );
}

/**
 * For an answer built outside the page pipeline (a form's redirect or its errors): a reader
 * page's path, or a rendered page, in the edition the request came in (`/lite/…` stays light).
 */
export const inReaderEdition = {
  path: (request: FastifyRequest, path: string): string =>
    isLitePath(request) ? `${LITE_PREFIX}${path === '/' ? '' : path}` : path,
  html: (request: FastifyRequest, html: string): string =>
    isLitePath(request) ? keepLinksLite(html) : html,
};
