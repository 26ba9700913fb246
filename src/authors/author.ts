import { slugify } from '../articles/slug.ts';
import { pagedPath } from '../web/paging.ts';

/** The address key of an author page: the member's id, then their name as a slug. */
export function authorKey(author: { id: number; name: string }): string {
  return `${author.id}-${slugify(author.name)}`;
}

/** The id an author key starts with; null when the key does not start with one. */
export function authorIdOfKey(key: string): number | null {
  const m = /^(\d{1,9})(?:-|$)/.exec(key);
  return m ? Number(m[1]) : null;
}

/** The path of an author page, optionally at a given page number. */
export function authorPath(author: { id: number; name: string }, page = 1): string {
  return pagedPath(`/auteurs/${authorKey(author)}`, page);
}

/**
 * Whether the article's signature is its author's own name or byline, so the byline can link to
 * their page (an agency signature on a member's article is not theirs).
 */
export function isSignedByAuthor(article: {
  signature: string;
  authorId: number | null;
  authorName: string | null;
  authorByline?: string | null;
}): boolean {
  if (article.authorId === null || !article.authorName || !article.signature) return false;
  return article.signature === article.authorName || article.signature === article.authorByline;
}
