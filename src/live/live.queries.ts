import type { Db, DbOrTrx } from '../db/database.ts';
import { LIVE_ENTRIES_SHOWN, type LiveEntryView } from './live.ts';
import type { LiveEntryRow } from './live.table.ts';

function entries(db: DbOrTrx) {
  return db
    .selectFrom('live_entries as e')
    .leftJoin('users as u', 'u.id', 'e.author_id')
    .select([
      'e.id',
      'e.body',
      'e.body_html',
      'e.pinned',
      'e.created_at',
      'e.updated_at',
      'e.author_id',
      'u.name as author_name',
      'u.byline as author_byline',
    ])
    .where('e.deleted_at', 'is', null);
}

type EntryRow = Pick<
  LiveEntryRow,
  'id' | 'body' | 'body_html' | 'pinned' | 'created_at' | 'updated_at' | 'author_id'
> & { author_name: string | null; author_byline: string | null };

function toView(r: EntryRow): LiveEntryView {
  return {
    id: r.id,
    body: r.body,
    bodyHtml: r.body_html,
    pinned: r.pinned === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    authorId: r.author_id,
    authorName: r.author_byline || r.author_name || null,
  };
}

/** Some entries and where older ones begin: the id to ask for the entries before, if any. */
export interface LiveEntriesPage {
  entries: LiveEntryView[];
  /** The oldest entry shown when older ones (pinned ones aside) exist; null when none do. */
  olderFrom: number | null;
}

// The newest `limit` entries not pinned, before `beforeId` if given, and whether there are more.
async function listUnpinned(
  db: DbOrTrx,
  { articleId, beforeId, limit }: { articleId: number; beforeId?: number; limit: number },
): Promise<LiveEntriesPage> {
  let q = entries(db).where('e.article_id', '=', articleId).where('e.pinned', '=', 0);
  if (beforeId !== undefined) q = q.where('e.id', '<', beforeId);
  const rows = (await q
    .orderBy('e.id', 'desc')
    .limit(limit + 1)
    .execute()) as EntryRow[];
  const shown = rows.slice(0, limit).map(toView);
  return { entries: shown, olderFrom: rows.length > limit ? shown[limit - 1]!.id : null };
}

/**
 * A live article's entries as its page shows them, newest first: the newest `newest` entries and
 * every pinned one (« L'essentiel », LIVE_ENTRIES_SHOWN at most); older ones are on their own
 * pages, from the oldest of the newest on.
 */
export async function listLiveEntries(
  db: DbOrTrx,
  { articleId, newest }: { articleId: number; newest: number },
): Promise<LiveEntriesPage> {
  const [latest, pinned] = await Promise.all([
    entries(db)
      .where('e.article_id', '=', articleId)
      .orderBy('e.id', 'desc')
      .limit(newest)
      .execute() as Promise<EntryRow[]>,
    entries(db)
      .where('e.article_id', '=', articleId)
      .where('e.pinned', '=', 1)
      .orderBy('e.id', 'desc')
      .limit(LIVE_ENTRIES_SHOWN)
      .execute() as Promise<EntryRow[]>,
  ]);
  const ids = new Set(latest.map((r) => r.id));
  const all = [...latest, ...pinned.filter((r) => !ids.has(r.id))]
    .sort((x, y) => y.id - x.id)
    .map(toView);
  // Every entry not pinned from the oldest of the newest on is shown: older pages begin there.
  const oldest = latest.length === newest ? latest[newest - 1]!.id : null;
  const older =
    oldest === null ? null : await listUnpinned(db, { articleId, beforeId: oldest, limit: 1 });
  return { entries: all, olderFrom: older?.entries.length ? oldest : null };
}

/** The entries (pinned ones aside, shown on the article page) posted before `beforeId`, newest first. */
export async function listLiveEntriesBefore(
  db: DbOrTrx,
  page: { articleId: number; beforeId: number; limit: number },
): Promise<LiveEntriesPage> {
  return listUnpinned(db, page);
}

/** The entries posted after `afterId`, newest first (what an open page has not shown yet). */
export async function listLiveEntriesAfter(
  db: Db,
  { articleId, afterId }: { articleId: number; afterId: number },
): Promise<LiveEntryView[]> {
  const rows = (await entries(db)
    .where('e.article_id', '=', articleId)
    .where('e.id', '>', afterId)
    .orderBy('e.id', 'desc')
    .limit(LIVE_ENTRIES_SHOWN)
    .execute()) as EntryRow[];
  return rows.map(toView);
}

/** The newest entries of each of these articles (feeds), newest first, `perArticle` at most. */
export async function listLatestLiveEntries(
  db: Db,
  { articleIds, perArticle }: { articleIds: number[]; perArticle: number },
): Promise<Map<number, LiveEntryView[]>> {
  const out = new Map<number, LiveEntryView[]>();
  if (!articleIds.length) return out;
  const rows = (await entries(db)
    .select('e.article_id')
    .where('e.article_id', 'in', articleIds)
    .orderBy('e.id', 'desc')
    .execute()) as (EntryRow & { article_id: number })[];
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    if (list.length < perArticle) list.push(toView(r));
    out.set(r.article_id, list);
  }
  return out;
}

/** Whether this id names an entry of the article (deleted ones too: a page may still show it). */
export async function liveEntryExists(
  db: Db,
  { articleId, id }: { articleId: number; id: number },
): Promise<boolean> {
  const row = await db
    .selectFrom('live_entries')
    .select('id')
    .where('id', '=', id)
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  return !!row;
}

/** One entry, not deleted, of this article. */
export async function findLiveEntry(
  db: DbOrTrx,
  { articleId, id }: { articleId: number; id: number },
): Promise<LiveEntryRow | undefined> {
  return db
    .selectFrom('live_entries')
    .selectAll()
    .where('id', '=', id)
    .where('article_id', '=', articleId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Stores a new entry; returns its id. */
export async function insertLiveEntry(
  db: DbOrTrx,
  e: {
    articleId: number;
    authorId: number | null;
    body: string;
    bodyHtml: string;
    pinned: boolean;
    at: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto('live_entries')
    .values({
      article_id: e.articleId,
      author_id: e.authorId,
      body: e.body,
      body_html: e.bodyHtml,
      pinned: e.pinned ? 1 : 0,
      created_at: e.at.toISOString(),
      updated_at: null,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes an entry's text, pin or deletion; returns whether an entry was changed. */
export async function updateLiveEntry(
  db: DbOrTrx,
  id: number,
  values: {
    body?: string;
    body_html?: string;
    pinned?: number;
    deleted_at?: string;
    updated_at?: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('live_entries')
    .set(values)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Whether an article is a live page (and since when, and until when), by id. */
export async function findArticleLiveState(
  db: DbOrTrx,
  articleId: number,
): Promise<
  | {
      id: number;
      live: boolean;
      startedAt: string | null;
      endedAt: string | null;
      sectionId: number;
      status: string;
      authorId: number | null;
      submittedAt: string | null;
      title: string;
      slug: string;
      sectionSlug: string;
    }
  | undefined
> {
  const row = await db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select([
      'a.id',
      'a.live',
      'a.live_started_at',
      'a.live_ended_at',
      'a.section_id',
      'a.status',
      'a.author_id',
      'a.submitted_at',
      'a.title',
      'a.slug',
      's.slug as section_slug',
    ])
    .where('a.id', '=', articleId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    live: row.live === 1,
    startedAt: row.live_started_at,
    endedAt: row.live_ended_at,
    sectionId: row.section_id,
    status: row.status,
    authorId: row.author_id,
    submittedAt: row.submitted_at,
    title: row.title,
    slug: row.slug,
    sectionSlug: row.section_slug,
  };
}

/** Sets an article's live flag and coverage times. */
export async function updateArticleLiveState(
  db: DbOrTrx,
  articleId: number,
  state: { live: boolean; startedAt: string | null; endedAt: string | null },
): Promise<void> {
  await db
    .updateTable('articles')
    .set({
      live: state.live ? 1 : 0,
      live_started_at: state.startedAt,
      live_ended_at: state.endedAt,
    })
    .where('id', '=', articleId)
    .execute();
}
