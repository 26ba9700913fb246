/**
 * The page-cache keys of what articles appear on (see cache/page-cache.ts): a page records the
 * keys of what it shows, a change bumps the keys of what it touched.
 */

/** The home page's lists. */
export const HOME_KEY = 'home';

/** Every other list of articles: tag and author pages, feeds, sitemaps. */
export const LISTS_KEY = 'lists';

/** An article: its own pages, and the cards that show it on others (« À lire aussi »). */
export function articleKey(id: number): string {
  return `article-${id}`;
}

/** A section's page (its list of articles). */
export function sectionKey(id: number): string {
  return `section-${id}`;
}

/**
 * What a reader-visible change to an article touches: the article, the home, the lists, and
 * its section's page — both sections' when it moved.
 */
export function articleChangeKeys(id: number, sectionIds: readonly number[]): string[] {
  return [articleKey(id), HOME_KEY, LISTS_KEY, ...new Set(sectionIds.map(sectionKey))];
}
