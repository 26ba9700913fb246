import { createHash } from 'node:crypto';
import type { PageCache } from '../cache/page-cache.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { Locale } from '../settings/site-settings.ts';
import { isRobot, type Viewer } from '../ads/ad-delivery.ts';
import { SESSION_COOKIE } from '../users/session.ts';
import {
  countKey,
  pendingCounts,
  splitCountKey,
  writePendingCounts,
} from '../db/pending-counts.ts';
import { newsroomDayBounds, newsroomDayOf, nextDay } from '../web/dates.ts';
import { LISTS_KEY } from './article-keys.ts';
import {
  addArticleViews,
  countArticleViews,
  listArticleViewDays,
  listMostRead,
  type MostReadRow,
  type ViewCount,
} from './article-views.queries.ts';

/** Pending views are written at least this often (like the ad counts). */
export const VIEWS_FLUSH_MS = 5_000;

/**
 * « Les plus lus » is ranked again at most this often; when an article changes, the listed
 * ones are read again in the same order.
 */
export const MOST_READ_TTL_MS = 5 * 60_000;

/** How many articles « Les plus lus » shows, and over how many hours. */
export const MOST_READ_LIMIT = 5;
export const MOST_READ_HOURS = 24;

/**
 * The most-read list as of one computation; `version` names it (for the page's ETag). `rows`
 * holds one more than is shown, for the pages of the listed articles (`shownRows`).
 */
export interface MostRead {
  version: string;
  rows: MostReadRow[];
  locale: Locale;
}

/** The rows « Les plus lus » shows on a page: never the article the reader is on. */
export function shownRows(list: MostRead, articleId: number | undefined): MostReadRow[] {
  return list.rows.filter((r) => r.id !== articleId).slice(0, MOST_READ_LIMIT);
}

/** Per-instance view counting and the most-read list it feeds. */
export interface ArticleViews {
  /** Counts one view of an article page, unless a robot, a prefetch or a newsroom member asks. */
  count(articleId: number, viewer: Viewer & { cookies?: Record<string, string | undefined> }): void;
  /** The current most-read list: at once when this instance has one, else after loading it. */
  mostRead(): MostRead | Promise<MostRead>;
  /** Writes the views counted so far (on a timer, and when the app closes). */
  flush(): Promise<void>;
}

const QUARTER_MS = 15 * 60_000;
// Keys kept for a quarter at most (a crawler reading the whole archive starts the list again).
const MAX_KEYS = 10_000;

/** The UTC hour of an instant, `YYYY-MM-DDTHH`. */
export function hourKey(at: Date): string {
  return at.toISOString().slice(0, 13);
}

/** The first hour « Les plus lus » counts at `now`: this hour and the 24 before it, at most. */
export function mostReadSince(now: Date): string {
  return hourKey(new Date(now.getTime() - MOST_READ_HOURS * 3_600_000));
}

/** Creates the view counter of one app instance. */
export function createArticleViews({
  db,
  cache,
  clock,
}: {
  db: Db;
  cache: PageCache;
  clock: Clock;
}): ArticleViews {
  const pending = pendingCounts();
  let list: (MostRead & { at: number; generation: number }) | undefined;
  let loading: Promise<MostRead> | undefined;

  const newsroomDay = newsroomDayOf();
  // Each article's key in the pending counts this quarter of an hour, made once (every view
  // counts); forgotten when the quarter turns.
  let keys = { quarter: -1, of: new Map<number, string>() };
  const keyOf = (articleId: number, now: number) => {
    const quarter = Math.floor(now / QUARTER_MS);
    if (keys.quarter !== quarter || keys.of.size >= MAX_KEYS) keys = { quarter, of: new Map() };
    let key = keys.of.get(articleId);
    if (key === undefined) keys.of.set(articleId, (key = countKey(articleId, String(quarter))));
    return key;
  };

  /**
   * Ranks the articles again (`rerank`), or reads the listed ones afresh in the same order: an
   * edit shows its new title at once, but the ranking moves only every MOST_READ_TTL_MS, so a
   * news day's edits don't make a new block (and a new body for every article page) each time.
   */
  async function load(generation: number, rerank: boolean): Promise<MostRead> {
    const now = clock.now();
    const { settings } = await cache.snapshot();
    const sinceHour = mostReadSince(now);
    const previous = list;
    let rows: MostReadRow[] | undefined;
    if (!rerank && previous?.rows.length) {
      const among = previous.rows.map((r) => r.id);
      const fresh = await listMostRead(db, { sinceHour, limit: among.length, among });
      // One of them unpublished (or out of the window): the list is ranked again.
      if (fresh.length === among.length) rows = among.map((id) => fresh.find((r) => r.id === id)!);
    }
    const reranked = rows === undefined;
    // One more than shown: an article's own page leaves itself out and shows the next one.
    rows ??= await listMostRead(db, { sinceHour, limit: MOST_READ_LIMIT + 1 });
    // Named by what it shows, so every instance with the same list sends the same ETag, and a
    // recomputation that changes nothing on the page makes no new body.
    const shown = rows.map((r) => [r.id, r.title, r.slug, r.section.slug, r.section.name]);
    const version = createHash('sha1')
      .update(JSON.stringify([settings.locale, shown]))
      .digest('base64url')
      .slice(0, 12);
    const at = reranked || !previous ? now.getTime() : previous.at;
    list = { version, rows, locale: settings.locale, at, generation };
    return list;
  }

  return {
    count(articleId, viewer) {
      if (viewer.cookies?.[SESSION_COOKIE] || isRobot(viewer)) return;
      // Views are kept per quarter of an hour, which falls on one side of any time zone's
      // midnight; the hour and the newsroom day are worked out when they are written.
      pending.add(keyOf(articleId, clock.nowMs()));
    },

    mostRead() {
      // An edit, an unpublication or a new article moves the lists' key: the titles and the
      // articles shown then follow at once, without touching any cached page.
      const generation = cache.generation(LISTS_KEY);
      const age = list ? clock.nowMs() - list.at : Infinity;
      const same = list?.generation === generation;
      const ranked = age >= 0 && age < MOST_READ_TTL_MS;
      if (same && ranked) return list!;
      if (!loading) {
        loading = load(generation, !ranked).finally(() => (loading = undefined));
        // A failed refresh in the background is retried on a later view.
        loading.catch(() => undefined);
      }
      // A list a little old is served while the next one loads; one from before a quiet spell
      // (or before an article changed) is not.
      return same && age >= 0 && age < 2 * MOST_READ_TTL_MS ? list! : loading;
    },

    async flush() {
      if (!pending.size) return;
      const { timeZone } = (await cache.snapshot()).settings;
      await writePendingCounts([pending], ([batch]) => {
        const byHour = new Map<string, ViewCount>();
        for (const [key, views] of batch!) {
          const [articleId, quarter] = splitCountKey(key);
          const at = new Date(Number(quarter) * QUARTER_MS);
          const row = { articleId, day: newsroomDay(at, timeZone), hour: hourKey(at) };
          const k = `${row.articleId}|${row.day}|${row.hour}`;
          const seen = byHour.get(k);
          if (seen) seen.views += views;
          else byHour.set(k, { ...row, views });
        }
        const rows = [...byHour.values()];
        return db.transaction().execute((trx) => addArticleViews(trx, rows));
      });
    },
  };
}

/** An article's views per newsroom day over the last `days` days (zeros included), and in all. */
export async function loadArticleViewDays(
  db: Db,
  {
    articleId,
    now,
    timeZone,
    days,
  }: { articleId: number; now: Date; timeZone: string; days: number },
): Promise<{ days: { day: string; views: number }[]; total: number }> {
  const first = newsroomDayBounds(new Date(now.getTime() - (days - 1) * 86_400_000), timeZone).day;
  const today = newsroomDayBounds(now, timeZone).day;
  const [rows, total] = await Promise.all([
    listArticleViewDays(db, articleId, first),
    countArticleViews(db, articleId),
  ]);
  const byDay = new Map(rows.map((r) => [r.day, r.views]));
  const out = [];
  for (let day = first; day <= today; day = nextDay(day))
    out.push({ day, views: byDay.get(day) ?? 0 });
  return { days: out, total };
}

/** The dashboard's « Les plus lus », read fresh from the database. */
export function listMostReadNow(db: Db, now: Date): Promise<MostReadRow[]> {
  return listMostRead(db, { sinceHour: mostReadSince(now), limit: MOST_READ_LIMIT });
}
