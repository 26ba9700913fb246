import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Live coverage (« En direct »): types and pure rules. */

const { unescapeAll } = new MarkdownIt().utils;

/** An article's live state: when its coverage began, and ended (« Terminé ») if it has. */
export interface LiveState {
  startedAt: string;
  endedAt: string | null;
}

/** One live entry as reader pages show it. */
export interface LiveEntryView {
  id: number;
  /** Sanitized HTML with photo and embed markers, rendered for an edition when shown. */
  bodyHtml: string;
  /** The Markdown source (the newsroom's edit form; feeds' and JSON-LD's plain text come from the HTML). */
  body: string;
  pinned: boolean;
  createdAt: string;
  updatedAt: string | null;
  /** How its author signs (their byline, else their name); null for a deleted account. */
  authorName: string | null;
  authorId: number | null;
}

/** The longest entry, in characters of Markdown: a live entry is a few paragraphs at most. */
export const LIVE_ENTRY_MAX = 6_000;

/** The most entries a poll fragment carries, and the most pinned ones a page shows. */
export const LIVE_ENTRIES_SHOWN = 300;

/**
 * How many of the newest entries the article page shows (and its JSON-LD lists), older pinned
 * ones (« L'essentiel ») aside, always shown: a live page stays an article page, under 50 KB of
 * HTML and CSS, and the older entries are a link away (« Entrées précédentes »).
 */
export const LIVE_PAGE_ENTRIES = 3;

/** How many entries a page of older entries shows. */
export const LIVE_OLDER_ENTRIES = 20;

/** How often, in seconds, an open page asks for new entries. */
export const LIVE_POLL_SECONDS = 15;

/** The anchor of the live block on the article page. */
export const LIVE_ANCHOR = 'direct';

/** The anchor of one entry on the article page (its own link). */
export function entryAnchor(id: number): string {
  return `entree-${id}`;
}

/** The address the page polls for entries after `lastId` (a small cached fragment). */
export function livePollPath(articleId: number, lastId: number): string {
  return `/direct/${articleId}/depuis/${lastId}`;
}

/** The page of the entries posted before `beforeId` (pinned ones aside), newest first. */
export function liveOlderPath(articleId: number, beforeId: number): string {
  return `/direct/${articleId}/avant/${beforeId}`;
}

/** The « Actualiser » address: it redirects to the article's live block, always reloading it. */
export function liveRefreshPath(articleId: number): string {
  return `/direct/${articleId}`;
}

/** The newsroom's entry form for an article. */
export function liveAdminPath(articleId: number): string {
  return `/admin/articles/${articleId}/direct`;
}

export type LiveEntryError = 'empty' | 'tooLong';

/** What is wrong with an entry's text, if anything. */
export function validateLiveEntry(body: string): LiveEntryError | null {
  if (!body.trim()) return 'empty';
  if (body.length > LIVE_ENTRY_MAX) return 'tooLong';
  return null;
}

/** Whether coverage is still going on (the « EN DIRECT » badge and the polling). */
export function isOngoing(live: LiveState | undefined): boolean {
  return !!live && live.endedAt === null;
}

/** Pinned entries first (« L'essentiel », newest first), then the others, newest first. */
export function splitEntries(entries: LiveEntryView[]): {
  pinned: LiveEntryView[];
  others: LiveEntryView[];
} {
  const newestFirst = [...entries].sort((a, b) => b.id - a.id);
  return {
    pinned: newestFirst.filter((e) => e.pinned),
    others: newestFirst.filter((e) => !e.pinned),
  };
}

/** The plain text of an entry's HTML (headline and articleBody in JSON-LD, feed titles). */
export function entryText(html: string): string {
  const withoutFigures = html
    .replace(/<figure[\s\S]*?<\/figure>/g, ' ')
    .replace(/<\/(p|li|h\d)>/g, ' ');
  return unescapeAll(sanitizeHtml(withoutFigures, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s+/g, ' ')
    .trim();
}

/** An entry's headline: its first sentence or its first 110 characters, cut at a word. */
export function entryHeadline(text: string): string {
  const first = /^(.{20,110}?[.!?…])(?:\s|$)/.exec(text)?.[1];
  if (first) return first;
  if (text.length <= 110) return text;
  const cut = text.slice(0, 110);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}
