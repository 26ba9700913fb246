import MarkdownIt from 'markdown-it';
import { articlePath, type ArticleSummary } from '../articles/article.ts';
import { renderBodyMedia, bodyMediaIds } from '../articles/body-media-render.ts';
import type { Db } from '../db/database.ts';
import { listImagesByIds } from '../media/media.queries.ts';
import type { SiteSettings } from '../settings/site-settings.ts';
import { formatDateTime } from '../web/dates.ts';
import { entryAnchor, entryHeadline, entryText } from './live.ts';
import { listLatestLiveEntries } from './live.queries.ts';
import { liveStringsFor } from './live.strings.ts';

const { escapeHtml } = new MarkdownIt().utils;

/** How many of a live article's newest entries its feed item carries. */
export const FEED_LIVE_ENTRIES = 10;

/** What a live article's feed item gets from its entries. */
export interface LiveFeedPart {
  /** Its latest change: the newest entry's time (or edit), when later than the article's. */
  updated: string;
  /** The summary: the newest entry's headline after the coverage's state. */
  summary: string;
  /** The newest entries as HTML, after the body (full-text feeds). */
  html: string;
}

/**
 * The entries the feeds carry for the live articles among `articles`: one item per article,
 * updated with each entry, rather than an item per entry. Feed readers show an item once by its
 * id and most ignore later updates, so items per entry would flood a subscriber with one-line
 * items (and push the other articles out of the 25 a feed holds); the live article's item keeps
 * its place, its `updated` (Atom) and its content move with the coverage, and each entry in it
 * links to its own anchor on the page.
 */
export async function liveFeedParts(
  db: Db,
  articles: ArticleSummary[],
  opts: { publicUrl: string; mediaBase: string; site: SiteSettings },
): Promise<Map<number, LiveFeedPart>> {
  const live = articles.filter((a) => a.live);
  const out = new Map<number, LiveFeedPart>();
  if (!live.length) return out;
  const entries = await listLatestLiveEntries(db, {
    articleIds: live.map((a) => a.id),
    perArticle: FEED_LIVE_ENTRIES,
  });
  const media = await listImagesByIds(db, [
    ...new Set([...entries.values()].flat().flatMap((e) => bodyMediaIds(e.bodyHtml))),
  ]);
  const s = liveStringsFor(opts.site.locale);
  for (const a of live) {
    const list = entries.get(a.id) ?? [];
    const state = a.live?.endedAt ? s.ended : s.live;
    const link = opts.publicUrl + articlePath(a);
    const newest = list[0];
    const times = [a.updatedAt ?? a.publishedAt, ...list.map((e) => e.updatedAt ?? e.createdAt)];
    const updated = times.reduce((x, y) => (Date.parse(y) > Date.parse(x) ? y : x));
    const html = list
      .map(
        (e) =>
          `<h3><a href="${escapeHtml(`${link}#${entryAnchor(e.id)}`)}">${escapeHtml(
            formatDateTime(e.createdAt, opts.site),
          )}</a>${e.authorName ? ` — ${escapeHtml(e.authorName)}` : ''}</h3>\n` +
          renderBodyMedia(e.bodyHtml, {
            edition: 'feed',
            media,
            base: opts.mediaBase,
            locale: opts.site.locale,
          }),
      )
      .join('\n');
    out.set(a.id, {
      updated,
      summary: newest ? `${state} — ${entryHeadline(entryText(newest.bodyHtml))}` : state,
      html: html ? `<h2>${escapeHtml(state)}</h2>\n${html}` : '',
    });
  }
  return out;
}
