import { typeset } from '../web/typography.ts';
import { LISTS_KEY } from '../articles/article-keys.ts';
import { publicationAfterDe } from '../settings/publication-name.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findByline, listFeedArticles } from '../articles/article-index.queries.ts';
import type { LiveFilter } from '../articles/article.queries.ts';
import { authorIdOfKey, authorKey, authorPath } from '../authors/author.ts';
import type { SiteSnapshot } from '../cache/page-cache.ts';
import { sendCachedText } from '../http/cached-text.ts';
import type { RouteDeps } from '../http/deps.ts';
import type { MovedTo } from '../http/page.ts';
import { authorKeyParam, pathText, slugParam } from '../http/reader-input.ts';
import { findSectionIdByOldSlug } from '../sections/section.queries.ts';
import { normalizeTagParam, tagPath } from '../tags/tag.ts';
import { atomFeed } from './atom-feed.ts';
import {
  feedEntries,
  feedPaths,
  FEEDS_KEY,
  FEED_SIZE,
  latestUpdate,
  type FeedPaths,
} from './feed.ts';
import { feedStringsFor } from './feed.strings.ts';
import { rssFeed } from './rss-feed.ts';
import { liveFeedParts } from '../live/live-feed.ts';

type Format = 'rss' | 'atom';

const CONTENT_TYPES: Record<Format, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

/** What a feed is about: its titles, its HTML page and its articles. */
interface FeedSubject {
  title: string;
  description: string;
  page: string;
  paths: FeedPaths;
  filter: LiveFilter;
}

/** A feed's file name, `rss.xml` or `atom.xml`, as its format. */
const feedFile = z
  .enum(['rss.xml', 'atom.xml'])
  .transform((f): Format => (f === 'rss.xml' ? 'rss' : 'atom'));

/** Reader routes: RSS 2.0 and Atom 1.0 feeds of the site, each section, author and tag. */
export const feedRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const serve = (
    request: FastifyRequest,
    reply: FastifyReply,
    { format, key, surrogateKey }: { format: Format; key: string; surrogateKey: string },
    subject: (snapshot: SiteSnapshot) => Promise<FeedSubject | MovedTo | null>,
  ) =>
    // Keyed by what the feed is, not by how its URL was spelt (`/flux/rs%73.xml`).
    sendCachedText(deps, request, reply, {
      key: `/flux/${key}/${format}`,
      contentType: CONTENT_TYPES[format],
      keys: [LISTS_KEY, FEEDS_KEY, surrogateKey],
      render: async (snapshot) => {
        const s = await subject(snapshot);
        if (s === null || 'movedTo' in s) return s;
        return renderFeed(deps, snapshot, s, format);
      },
    });

  app.get('/flux/:file', { schema: { params: z.object({ file: feedFile }) } }, (request, reply) => {
    const format = request.params.file;
    return serve(
      request,
      reply,
      { format, key: 'site', surrogateKey: 'feed-site' },
      async ({ settings }) => ({
        title: settings.siteName,
        description:
          settings.tagline ||
          feedStringsFor(settings.locale).siteDescription({
            name: settings.siteName,
            de: publicationAfterDe(settings),
          }),
        page: '/',
        paths: feedPaths.site(),
        filter: {},
      }),
    );
  });

  app.get(
    '/flux/rubrique/:slug/:file',
    { schema: { params: z.object({ slug: slugParam, file: feedFile }) } },
    (request, reply) => {
      const { slug, file: format } = request.params;
      const feed = { format, key: `rubrique/${slug}`, surrogateKey: `feed-section-${slug}` };
      return serve(request, reply, feed, async ({ settings, sections }) => {
        const section = sections.find((s) => s.slug === slug);
        if (!section) {
          const id = await findSectionIdByOldSlug(deps.db, slug);
          const renamed = sections.find((s) => s.id === id);
          return renamed ? { movedTo: feedPaths.section(renamed.slug)[format] } : null;
        }
        const f = feedStringsFor(settings.locale);
        return {
          title: f.sectionTitle(section.name, settings.siteName),
          description: section.description || f.sectionDescription(section.name, settings.siteName),
          page: `/${section.slug}`,
          paths: feedPaths.section(section.slug),
          filter: { sectionId: section.id },
        };
      });
    },
  );

  app.get(
    '/flux/auteur/:key/:file',
    { schema: { params: z.object({ key: authorKeyParam, file: feedFile }) } },
    (request, reply) => {
      const { key, file: format } = request.params;
      const feed = { format, key: `auteur/${key}`, surrogateKey: 'authors' };
      return serve(request, reply, feed, async ({ settings }) => {
        const id = authorIdOfKey(key);
        const author = id === null ? undefined : await findByline(deps.db, id);
        if (!author) return null;
        if (authorKey(author) !== key)
          return { movedTo: feedPaths.author(authorKey(author))[format] };
        const f = feedStringsFor(settings.locale);
        return {
          title: f.authorTitle(author.name, settings.siteName),
          description: f.authorDescription(author.name, settings.siteName),
          page: authorPath(author),
          paths: feedPaths.author(authorKey(author)),
          filter: { authorId: author.id },
        };
      });
    },
  );

  app.get(
    '/flux/mot-cle/:tag/:file',
    { schema: { params: z.object({ tag: pathText, file: feedFile }) } },
    (request, reply) => {
      const { file: format } = request.params;
      const tag = normalizeTagParam(request.params.tag);
      if (!tag) return reply.callNotFound();
      if (tag !== request.params.tag) return reply.redirect(feedPaths.tag(tag)[format], 301);
      return serve(
        request,
        reply,
        { format, key: `mot-cle/${tag}`, surrogateKey: 'tags' },
        async ({ settings }) => {
          const f = feedStringsFor(settings.locale);
          return {
            title: f.tagTitle(tag, settings.siteName),
            description: f.tagDescription(tag, settings.siteName),
            page: tagPath(tag),
            paths: feedPaths.tag(tag),
            filter: { tag },
          };
        },
      );
    },
  );
};

async function renderFeed(
  deps: RouteDeps,
  { settings }: SiteSnapshot,
  subject: FeedSubject,
  format: Format,
): Promise<string | null> {
  const articles = await listFeedArticles(deps.db, { ...subject.filter, limit: FEED_SIZE });
  // A tag nobody uses (any more) has no page and no feed.
  if (!articles.length && subject.filter.tag !== undefined) return null;
  const { publicUrl } = deps.config;
  const entries = feedEntries(articles, {
    publicUrl,
    siteName: settings.siteName,
    fullText: settings.feedFullText,
    mediaBase: deps.config.mediaPublicUrl,
    locale: settings.locale,
    live: await liveFeedParts(deps.db, articles, {
      publicUrl,
      mediaBase: deps.config.mediaPublicUrl ?? publicUrl,
      site: settings,
    }),
  });
  const channel = {
    title: typeset(subject.title, settings.locale),
    description: typeset(subject.description, settings.locale),
    link: publicUrl + subject.page,
    self: { rss: publicUrl + subject.paths.rss, atom: publicUrl + subject.paths.atom },
    language: settings.locale,
    siteName: settings.siteName,
    updated: latestUpdate(entries),
  };
  return format === 'rss'
    ? rssFeed(channel, entries)
    : atomFeed(channel, entries, deps.clock.now());
}
