import { bodyMediaIds, type BodyMediaItem } from '../articles/body-media-render.ts';
import type { Db } from '../db/database.ts';
import { listImagesByIds } from '../media/media.queries.ts';
import {
  LIVE_OLDER_ENTRIES,
  LIVE_PAGE_ENTRIES,
  type LiveEntryView,
  type LiveState,
} from './live.ts';
import type { LiveCoverageData } from './live.pages.tsx';
import { listLiveEntries, listLiveEntriesBefore, type LiveEntriesPage } from './live.queries.ts';

function mediaOf(db: Db, entries: LiveEntryView[]): Promise<BodyMediaItem[]> {
  return listImagesByIds(db, [...new Set(entries.flatMap((e) => bodyMediaIds(e.bodyHtml)))]);
}

/**
 * A live article's entries on its page (the pinned ones and the newest LIVE_PAGE_ENTRIES others)
 * and the library photos they show.
 */
export async function loadLiveCoverage(
  db: Db,
  articleId: number,
  state: LiveState,
): Promise<LiveCoverageData> {
  const { entries, olderFrom } = await listLiveEntries(db, {
    articleId,
    newest: LIVE_PAGE_ENTRIES,
  });
  return { state, entries, olderFrom, media: await mediaOf(db, entries) };
}

/** A page of older entries (those before `beforeId`, pinned ones aside) and their photos. */
export async function loadOlderLiveEntries(
  db: Db,
  { articleId, beforeId }: { articleId: number; beforeId: number },
): Promise<LiveEntriesPage & { media: BodyMediaItem[] }> {
  const page = await listLiveEntriesBefore(db, { articleId, beforeId, limit: LIVE_OLDER_ENTRIES });
  return { ...page, media: await mediaOf(db, page.entries) };
}
