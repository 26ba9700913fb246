import { typeset } from '../web/typography.ts';
import { LISTS_KEY } from '../articles/article-keys.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  listBylines,
  listLiveArticlesBetween,
  listLiveMonths,
  listLiveTags,
} from '../articles/article-index.queries.ts';
import { articlePath } from '../articles/article.ts';
import { ADVERTISE_PATH } from '../ads/default-slots.ts';
import { authorPath } from '../authors/author.ts';
import { sendCachedText } from '../http/cached-text.ts';
import type { RouteDeps } from '../http/deps.ts';
import { tagPath } from '../tags/tag.ts';
import { mediaUrl } from '../web/components.tsx';
import { pickJpeg } from './feed.ts';
import { correctionsPath } from '../corrections/correction.ts';
import {
  MAX_NEWS_URLS,
  MAX_SITEMAP_URLS,
  NEWS_WINDOW_MS,
  monthBounds,
  monthOfSitemapFile,
  renderNewsSitemap,
  renderRobots,
  renderSitemapIndex,
  renderUrlSet,
} from './sitemap.ts';

const XML = 'application/xml; charset=utf-8';

/** A month's sitemap file, `articles-2026-11.xml`, as its month (`2026-11`). */
const monthFile = z.string().transform(monthOfSitemapFile).pipe(z.string());

/** Reader routes: the sitemap index, month, page and Google News sitemaps, and robots.txt. */
export const sitemapRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { publicUrl } = deps.config;

  app.get('/robots.txt', (request, reply) =>
    sendCachedText(deps, request, reply, {
      key: '/robots.txt',
      contentType: 'text/plain; charset=utf-8',
      keys: ['robots'],
      render: async () => renderRobots(publicUrl),
    }),
  );

  app.get('/sitemap.xml', (request, reply) =>
    sendCachedText(deps, request, reply, {
      key: '/sitemap.xml',
      contentType: XML,
      keys: [LISTS_KEY, 'sitemaps'],
      render: async () => {
        const months = await listLiveMonths(deps.db, deps.dialect);
        return renderSitemapIndex([
          { loc: `${publicUrl}/sitemaps/news.xml`, lastmod: months[0]?.lastChange },
          { loc: `${publicUrl}/sitemaps/pages.xml` },
          ...months.map((m) => ({
            loc: `${publicUrl}/sitemaps/articles-${m.month}.xml`,
            lastmod: m.lastChange,
          })),
        ]);
      },
    }),
  );

  app.get('/sitemaps/news.xml', (request, reply) =>
    sendCachedText(deps, request, reply, {
      key: '/sitemaps/news.xml',
      contentType: XML,
      keys: [LISTS_KEY, 'sitemaps'],
      render: async ({ settings }) => {
        const now = deps.clock.now();
        const articles = await listLiveArticlesBetween(deps.db, {
          from: new Date(now.getTime() - NEWS_WINDOW_MS),
          // Nothing dated in the future, should an article carry such a date.
          to: new Date(now.getTime() + 1),
          limit: MAX_NEWS_URLS,
        });
        return renderNewsSitemap(
          articles.map((a) => ({
            loc: publicUrl + articlePath(a),
            title: typeset(a.title, settings.locale),
            published: a.publishedAt,
          })),
          { name: settings.siteName, language: settings.locale },
        );
      },
    }),
  );

  app.get('/sitemaps/pages.xml', (request, reply) =>
    sendCachedText(deps, request, reply, {
      key: '/sitemaps/pages.xml',
      contentType: XML,
      keys: [LISTS_KEY, 'sitemaps'],
      render: async ({ sections }) => {
        const [bylines, tags] = await Promise.all([listBylines(deps.db), listLiveTags(deps.db)]);
        const paths = [
          '/',
          ...sections.map((s) => `/${s.slug}`),
          ...bylines.map((b) => authorPath(b)),
          ...tags.map((tag) => tagPath(tag)),
          ADVERTISE_PATH,
          correctionsPath(),
        ];
        // Tags are the one list that grows without bound; the protocol's cap comes first.
        return renderUrlSet(paths.slice(0, MAX_SITEMAP_URLS).map((p) => ({ loc: publicUrl + p })));
      },
    }),
  );

  const schema = { params: z.object({ file: monthFile }) };
  app.get('/sitemaps/:file', { schema }, (request, reply) => {
    const month = request.params.file;
    return sendCachedText(deps, request, reply, {
      key: `/sitemaps/articles-${month}.xml`,
      contentType: XML,
      keys: [LISTS_KEY, 'sitemaps'],
      render: async () => {
        const { from, to } = monthBounds(month);
        // One more than the cap, so a month that breaks it fails loudly rather than losing URLs.
        const articles = await listLiveArticlesBetween(deps.db, {
          from,
          to,
          limit: MAX_SITEMAP_URLS + 1,
        });
        if (!articles.length) return null;
        return renderUrlSet(
          articles.map((a) => {
            const jpeg = a.image ? pickJpeg(a.image, 1600) : undefined;
            return {
              loc: publicUrl + articlePath(a),
              lastmod: a.updatedAt ?? a.publishedAt,
              ...(jpeg && a.image
                ? {
                    image: {
                      loc: mediaUrl(jpeg.file, deps.config.mediaPublicUrl ?? publicUrl),
                      caption: a.image.caption,
                    },
                  }
                : {}),
            };
          }),
        );
      },
    });
  });
};
