import type { Coauthor } from '../authors/byline.ts';
import type { CorrectionView } from '../corrections/correction.ts';
import type { ImageVariant } from '../media/image-variants.ts';
import type { CommentsMode } from './article.table.ts';
import type { BodyMediaItem } from './body-media-render.ts';
import type { LiveState } from '../live/live.ts';
import { pagedPath } from '../web/paging.ts';

/** A featured photo as pages show it: variants plus the article's credit, caption and alt. */
export interface ImageView {
  width: number;
  height: number;
  variants: ImageVariant[];
  alt: string;
  credit: string;
  caption: string;
  /** An illustration, not a picture of the event: readers are told (caption, alt text). */
  illustration?: boolean;
  /** The media item, for its share image (`/og/<id>.jpg`). */
  mediaId?: number;
}

/** What lists of articles (home, sections) show of each one. */
export interface ArticleSummary {
  id: number;
  slug: string;
  kicker: string;
  title: string;
  standfirst: string;
  signature: string;
  publishedAt: string;
  updatedAt: string | null;
  section: { slug: string; name: string };
  image: ImageView | null;
  /** Set when the article is a live page (« En direct »), ended or not. */
  live?: LiveState;
}

/** Everything the article page shows. */
export interface ArticleView extends ArticleSummary {
  bodyHtml: string;
  /** The library photos the body shows (see body-media.ts); those since deleted are missing. */
  bodyMedia?: BodyMediaItem[];
  authorName: string | null;
  /** How the author signs (empty for a shared desk account). */
  authorByline: string | null;
  /** The newsroom member the article belongs to, if any (the signature may be an agency's). */
  authorId: number | null;
  /** Its tags, lower-case, alphabetically. */
  tags: string[];
  comments: CommentsMode;
  version: number;
  /** The newsroom members who sign it, in order (see authors/byline.ts for the precedence). */
  coauthors: Coauthor[];
  /** The agency credited after them (« avec AFP »); empty when none. */
  agency: string;
  /** Its dated corrections, newest first. */
  corrections: CorrectionView[];
  sectionId: number;
  /** « Sans publicité »: the page carries no ad slot at all. */
  noAds: boolean;
}

/** The path of an article page. */
export function articlePath(article: { slug: string; section: { slug: string } }): string {
  return `/${article.section.slug}/${article.slug}`;
}

/** The path of a section page, optionally at a given page number. */
export function sectionPath(section: { slug: string }, page = 1): string {
  return pagedPath(`/${section.slug}`, page);
}

/** Word count of an article body, for reading time. */
export function readingMinutes(html: string): number {
  const words = html
    .replace(/<[^>]+>/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
  return Math.max(1, Math.round(words / 230));
}
