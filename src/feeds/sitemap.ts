import { rfc3339 } from './feed.ts';
import { xmlDocument, xmlText } from './rss-feed.ts';

/** The most URLs one sitemap file may list (sitemaps.org protocol). */
export const MAX_SITEMAP_URLS = 50_000;

/** How far back the Google News sitemap looks, and how many articles it may list. */
export const NEWS_WINDOW_MS = 2 * 86_400_000;
export const MAX_NEWS_URLS = 1_000;

const NS = {
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  image: 'http://www.google.com/schemas/sitemap-image/1.1',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
};

/** A sitemap index naming the site's sitemap files. */
export function renderSitemapIndex(sitemaps: { loc: string; lastmod?: string }[]): string {
  const root = xmlDocument().ele(NS.sitemap, 'sitemapindex');
  for (const s of sitemaps) {
    const el = root.ele('sitemap');
    el.ele('loc').txt(xmlText(s.loc));
    if (s.lastmod) el.ele('lastmod').txt(rfc3339(s.lastmod));
  }
  return root.end({ prettyPrint: false });
}

/** One page of a sitemap, with its lead image when it has one. */
export interface SitemapUrl {
  loc: string;
  lastmod?: string;
  image?: { loc: string; caption: string };
}

/** A sitemap of pages (with Google's image extension); refuses more than the protocol allows. */
export function renderUrlSet(urls: SitemapUrl[]): string {
  assertUnderCap(urls.length, MAX_SITEMAP_URLS);
  const root = xmlDocument().ele(NS.sitemap, 'urlset', { 'xmlns:image': NS.image });
  for (const u of urls) {
    const el = root.ele('url');
    el.ele('loc').txt(xmlText(u.loc));
    if (u.lastmod) el.ele('lastmod').txt(rfc3339(u.lastmod));
    if (u.image) {
      const image = el.ele('image:image');
      image.ele('image:loc').txt(xmlText(u.image.loc));
      if (u.image.caption) image.ele('image:caption').txt(xmlText(u.image.caption));
    }
  }
  return root.end({ prettyPrint: false });
}

/** One article of the Google News sitemap. */
export interface NewsUrl {
  loc: string;
  title: string;
  published: string;
}

/** A Google News sitemap: the publication's name and language, and each article's date and title. */
export function renderNewsSitemap(
  urls: NewsUrl[],
  publication: { name: string; language: string },
): string {
  assertUnderCap(urls.length, MAX_NEWS_URLS);
  const root = xmlDocument().ele(NS.sitemap, 'urlset', { 'xmlns:news': NS.news });
  for (const u of urls) {
    const el = root.ele('url');
    el.ele('loc').txt(xmlText(u.loc));
    const news = el.ele('news:news');
    const pub = news.ele('news:publication');
    pub.ele('news:name').txt(xmlText(publication.name));
    pub.ele('news:language').txt(xmlText(publication.language));
    news.ele('news:publication_date').txt(rfc3339(u.published));
    news.ele('news:title').txt(xmlText(u.title));
  }
  return root.end({ prettyPrint: false });
}

function assertUnderCap(count: number, cap: number): void {
  if (count > cap) throw new RangeError(`a sitemap may list at most ${cap} URLs, not ${count}`);
}

/** The month (YYYY-MM) of a month sitemap's file name, or null for any other name. */
export function monthOfSitemapFile(file: string): string | null {
  const m = /^articles-(\d{4})-(0[1-9]|1[0-2])\.xml$/.exec(file);
  return m ? `${m[1]}-${m[2]}` : null;
}

/** The first instant of a month (YYYY-MM, UTC) and of the next one. */
export function monthBounds(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: new Date(Date.UTC(y, m - 1, 1)), to: new Date(Date.UTC(y, m, 1)) };
}

/** What robots.txt says: where the sitemaps are, and what crawlers have no business in. */
export function renderRobots(publicUrl: string): string {
  const disallowed = [
    '/admin',
    '/login',
    '/compte',
    '/ads/',
    '/recherche',
    '/commentaires',
    '/annonceurs/',
  ];
  return [
    'User-agent: *',
    ...disallowed.map((p) => `Disallow: ${p}`),
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    `Sitemap: ${publicUrl}/sitemaps/news.xml`,
    '',
  ].join('\n');
}
