import { bodyMediaIds } from '../articles/body-media-render.ts';
import type { Db } from '../db/database.ts';
import { listImagesByIds } from '../media/media.queries.ts';
import type { LiveState } from './live.ts';
import type { LiveCoverageData } from './live.pages.tsx';
import { listLiveEntries } from './live.queries.ts';

/** A live article's entries and the library photos they show, for its page. */
export async function loadLiveCoverage(
  db: Db,
  articleId: number,
  state: LiveState,
): Promise<LiveCoverageData> {
  const entries = await listLiveEntries(db, articleId);
  const media = await listImagesByIds(db, [
    ...new Set(entries.flatMap((e) => bodyMediaIds(e.bodyHtml))),
  ]);
  return { state, entries, media };
}
