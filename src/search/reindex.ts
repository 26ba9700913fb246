import { dialectOf } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { deleteAllRelated } from './related.queries.ts';
import {
  deleteAllSearchDocuments,
  countPublished,
  listPublishedIds,
  listSearchSources,
} from './search.queries.ts';
import { indexDocument, refreshRelated } from './sync-article-search.ts';

/** Rebuilds the search index, then every article's related articles, in batches; returns how many articles. */
export async function reindexArticles(
  db: Db,
  {
    batchSize = 500,
    related = true,
    onProgress,
  }: {
    batchSize?: number;
    /** Also recompute related articles (the bench only needs the index). */
    related?: boolean;
    onProgress?: (step: 'index' | 'related', done: number, total: number) => void;
  } = {},
): Promise<number> {
  const dialect = dialectOf(db);
  const total = await countPublished(db);
  await db.transaction().execute(async (trx) => {
    await deleteAllSearchDocuments(trx, dialect);
    if (related) await deleteAllRelated(trx);
  });
  // Two passes: related articles are chosen from the whole index.
  for (const step of related ? (['index', 'related'] as const) : (['index'] as const)) {
    let done = 0;
    let afterId = 0;
    onProgress?.(step, 0, total);
    for (;;) {
      const ids = await listPublishedIds(db, { afterId, limit: batchSize });
      if (!ids.length) break;
      await db.transaction().execute(async (trx) => {
        if (step === 'index')
          for (const source of await listSearchSources(trx, ids))
            await indexDocument(trx, dialect, source);
        else for (const id of ids) await refreshRelated(trx, dialect, id);
      });
      afterId = ids.at(-1)!;
      done += ids.length;
      onProgress?.(step, Math.min(done, total), total);
    }
  }
  return total;
}
