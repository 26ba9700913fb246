import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { articleKey } from '../articles/article-keys.ts';
import { articlePath } from '../articles/article.ts';
import { bodyMediaIds } from '../articles/body-media-render.ts';
import { sendCachedText } from '../http/cached-text.ts';
import type { RouteDeps } from '../http/deps.ts';
import { inReaderEdition } from '../http/edition.ts';
import { notFound } from '../http/errors.ts';
import { sendCachedPage } from '../http/page.ts';
import { dbId } from '../http/schemas.ts';
import { mediaKey } from '../media/media-keys.ts';
import { listImagesByIds } from '../media/media.queries.ts';
import { renderFragment } from '../web/render.ts';
import { frenchSpacingHtml } from '../web/typography.ts';
import { LIVE_ANCHOR } from './live.ts';
import { LiveFragment, LiveOlderPage } from './live.pages.tsx';
import { loadOlderLiveEntries } from './live-coverage.ts';
import { findArticleLiveState, listLiveEntriesAfter, liveEntryExists } from './live.queries.ts';

// The poll's id: 0 (a page without entries yet) or an entry's.
const lastEntry = z.union([z.literal('0').transform(() => 0), dbId]);

// Browsers revalidate (a 304 when nothing is new); a CDN keeps a fragment a few seconds, and the
// purge by the article's key drops it at once when an entry is posted.
const FRAGMENT_CDN_CACHE_CONTROL = 'max-age=10, stale-while-revalidate=10';

/**
 * Reader routes of live coverage: the poll fragment of a live page (the entries after a given
 * one), the pages of older entries (those before a given one), and the « Actualiser » link's
 * redirect to the page's live block.
 */
export const liveRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  async function liveArticle(id: number) {
    const a = await findArticleLiveState(deps.db, id);
    return a && a.live && a.status === 'published' ? a : undefined;
  }

  app.get(
    '/direct/:id/depuis/:last',
    { schema: { params: z.object({ id: dbId, last: lastEntry }) } },
    (request, reply) => {
      const { id, last } = request.params;
      return sendCachedText(deps, request, reply, {
        // One entry per article and entry id that exists: no one can fill the cache with ids of
        // their own (a made-up one is a 404, never kept).
        key: `/direct/${id}/depuis/${last}`,
        contentType: 'text/html; charset=utf-8',
        keys: [articleKey(id)],
        cdnCacheControl: FRAGMENT_CDN_CACHE_CONTROL,
        render: async ({ settings }) => {
          const a = await liveArticle(id);
          if (!a) return null;
          if (last !== 0 && !(await liveEntryExists(deps.db, { articleId: id, id: last })))
            return null;
          const entries = await listLiveEntriesAfter(deps.db, { articleId: id, afterId: last });
          const media = await listImagesByIds(deps.db, [
            ...new Set(entries.flatMap((e) => bodyMediaIds(e.bodyHtml))),
          ]);
          const html = await renderFragment(
            LiveFragment({
              site: settings,
              mediaBase: deps.config.mediaPublicUrl ?? '',
              path: articlePath({ slug: a.slug, section: { slug: a.sectionSlug } }),
              state: { startedAt: a.startedAt ?? '', endedAt: a.endedAt },
              entries,
              media,
              lastId: Math.max(last, ...entries.map((e) => e.id)),
            }),
          );
          return settings.locale === 'fr' ? frenchSpacingHtml(html) : html;
        },
      });
    },
  );

  app.get(
    '/direct/:id/avant/:entry',
    { schema: { params: z.object({ id: dbId, entry: dbId }) } },
    (request, reply) => {
      const { id, entry } = request.params;
      return sendCachedPage(deps, request, reply, {
        // Like the poll fragment: one page per article and entry that exists, dropped with the
        // article's pages (its key) when an entry is posted, edited, pinned or deleted.
        key: `/direct/${id}/avant/${entry}`,
        keys: [articleKey(id)],
        render: async (ctx) => {
          const a = await liveArticle(id);
          if (!a || !(await liveEntryExists(deps.db, { articleId: id, id: entry }))) return null;
          const older = await loadOlderLiveEntries(deps.db, { articleId: id, beforeId: entry });
          return {
            node: LiveOlderPage({
              ctx,
              older: {
                article: {
                  id,
                  title: a.title,
                  path: articlePath({ slug: a.slug, section: { slug: a.sectionSlug } }),
                },
                state: { startedAt: a.startedAt ?? '', endedAt: a.endedAt },
                ...older,
              },
            }),
            keys: older.media.map((m) => mediaKey(m.id)),
          };
        },
      });
    },
  );

  app.get('/direct/:id', { schema: { params: z.object({ id: dbId }) } }, async (request, reply) => {
    const a = await liveArticle(request.params.id);
    if (!a) throw notFound();
    const path = articlePath({ slug: a.slug, section: { slug: a.sectionSlug } });
    // A new address every time, so the browser reloads the page (a link to the page's own
    // address with an anchor would only scroll), landing on the coverage.
    return reply
      .header('cache-control', 'no-store')
      .redirect(`${inReaderEdition.path(request, path)}#${LIVE_ANCHOR}`, 302);
  });
};
