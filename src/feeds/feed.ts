import { typeset } from '../web/typography.ts';
import type { FeedArticle } from '../articles/article-index.queries.ts';
import { articlePath, type ImageView } from '../articles/article.ts';
import { articleDescription } from '../articles/article-description.ts';
import { renderBodyMedia } from '../articles/body-media-render.ts';
import type { Locale } from '../settings/site-settings.ts';
import { mediaUrl } from '../web/components.tsx';

/** The page-cache key every feed shows (a live article's new entry changes the feeds only). */
export const FEEDS_KEY = 'feeds';

/** How many articles a feed carries. */
export const FEED_SIZE = 25;

/** The RSS and Atom paths of a feed. */
export interface FeedPaths {
  rss: string;
  atom: string;
}

/** Feed addresses: the site's, a section's, an author's (by key) and a tag's. */
export const feedPaths = {
  site: (): FeedPaths => ({ rss: '/flux/rss.xml', atom: '/flux/atom.xml' }),
  section: (slug: string): FeedPaths => under(`/flux/rubrique/${slug}`),
  author: (key: string): FeedPaths => under(`/flux/auteur/${key}`),
  tag: (tag: string): FeedPaths => under(`/flux/mot-cle/${encodeURIComponent(tag)}`),
};

function under(base: string): FeedPaths {
  return { rss: `${base}/rss.xml`, atom: `${base}/atom.xml` };
}

/** What a feed says about itself. */
export interface FeedChannel {
  title: string;
  description: string;
  /** The absolute URL of the HTML page the feed follows. */
  link: string;
  /** Absolute URLs of the feed in both formats (each format's self link). */
  self: FeedPaths;
  language: string;
  /** Who signs what has no signature, and the feed's author: the publication. */
  siteName: string;
  /** The latest change among its entries (ISO); null for an empty feed. */
  updated: string | null;
}

/** A lead image as feeds carry it (Media RSS): one JPEG rendition with its credit and caption. */
export interface FeedImage {
  url: string;
  type: string;
  width: number;
  height: number;
  credit: string;
  caption: string;
}

/** One article as feeds carry it, format-neutral. */
export interface FeedEntry {
  /** Stable for the article's life, whatever its slug or section becomes. */
  id: string;
  title: string;
  link: string;
  summary: string;
  /** The sanitized body, when the site publishes full-text feeds. */
  contentHtml: string | null;
  author: string;
  published: string;
  updated: string;
  categories: { term: string; label: string; scheme: string }[];
  image: FeedImage | null;
}

/** Turns articles into feed entries, absolute URLs and all. */
export function feedEntries(
  articles: FeedArticle[],
  {
    publicUrl,
    siteName,
    fullText,
    mediaBase = publicUrl,
    locale,
    live,
  }: {
    publicUrl: string;
    siteName: string;
    fullText: boolean;
    /** The site's language: typography of titles and summaries, body photo credits. */
    locale: Locale;
    /** Where media files are: this site, or MEDIA_PUBLIC_URL. */
    mediaBase?: string | undefined;
    /** What live articles' items get from their newest entries (live/live-feed.ts). */
    live?: Map<number, { updated: string; summary: string; html: string }>;
  },
): FeedEntry[] {
  return articles.map((a) => feedEntry(a, live?.get(a.id)));

  function feedEntry(
    a: FeedArticle,
    extra: { updated: string; summary: string; html: string } | undefined,
  ): FeedEntry {
    return {
      id: articleTagUri(publicUrl, a.id),
      title: typeset(a.title, locale),
      link: publicUrl + articlePath(a),
      summary: typeset(extra?.summary ?? articleDescription(a), locale),
      // Photos at absolute addresses, embeds as plain links: feed readers run no script.
      contentHtml: fullText
        ? renderBodyMedia(a.bodyHtml, {
            edition: 'feed',
            media: a.bodyMedia,
            base: mediaBase,
            locale,
          }) + (extra?.html ? `\n${extra.html}` : '')
        : null,
      author: a.signature || siteName,
      published: a.publishedAt,
      updated: extra?.updated ?? a.updatedAt ?? a.publishedAt,
      categories: [
        { term: a.section.slug, label: a.section.name, scheme: `${publicUrl}/` },
        ...a.tags.map((tag) => ({ term: tag, label: tag, scheme: `${publicUrl}/mots-cles/` })),
      ],
      image: a.image ? feedImage(a.image, mediaBase, locale) : null,
    };
  }
}

/** The newest change among entries, for a feed's updated / lastBuildDate. */
export function latestUpdate(entries: FeedEntry[]): string | null {
  let latest: string | null = null;
  for (const e of entries)
    if (latest === null || Date.parse(e.updated) > Date.parse(latest)) latest = e.updated;
  return latest;
}

/** The JPEG rendition a feed or a sitemap names: the smallest at least `minWidth` wide, else the largest. */
export function pickJpeg(image: ImageView, minWidth = 1024) {
  const jpegs = image.variants.filter((v) => v.format === 'jpeg').sort((x, y) => x.width - y.width);
  return jpegs.find((v) => v.width >= minWidth) ?? jpegs[jpegs.length - 1];
}

function feedImage(image: ImageView, mediaBase: string, locale: string): FeedImage | null {
  const jpeg = pickJpeg(image);
  if (!jpeg) return null;
  return {
    url: mediaUrl(jpeg.file, mediaBase),
    type: 'image/jpeg',
    width: jpeg.width,
    height: jpeg.height,
    credit: image.credit,
    caption: typeset(image.caption, locale),
  };
}

// A tag URI (RFC 4151) names the article by id, so a new slug or section never makes readers'
// apps show it twice. 2026 is when these names were minted; it never changes.
function articleTagUri(publicUrl: string, id: number): string {
  return `tag:${new URL(publicUrl).hostname},2026:article:${id}`;
}

/** A date as RSS wants it (RFC 822, in GMT). */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/** A date as Atom and sitemaps want it (RFC 3339 / W3C, in UTC, to the second). */
export function rfc3339(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
