import { articleChangeKeys } from '../articles/article-keys.ts';
import {
  insertArticleRevision,
  updateDueScheduledToPublished,
} from '../articles/article.queries.ts';
import type { RevisionNote } from '../articles/revision-notes.ts';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import type { PageCache } from '../cache/page-cache.ts';
import type { Db } from '../db/database.ts';
import { syncArticleSearch } from '../search/sync-article-search.ts';
import type { Job } from './worker.ts';

/** Publishes scheduled articles whose time has come, even ones missed while the server was down. */
export function publishScheduledJob({ db, cache }: { db: Db; cache?: PageCache }): Job {
  return {
    name: 'publish-scheduled',
    async run(now) {
      const published = await db.transaction().execute(async (trx) => {
        const due = await updateDueScheduledToPublished(trx, now);
        // The history shows when each went live, by the scheduler (no editor name).
        for (const article of due) {
          await syncArticleSearch(trx, article.id);
          await insertArticleRevision(trx, {
            articleId: article.id,
            version: article.version,
            snapshot: { status: 'published', publishedAt: article.publishedAt },
            editedBy: null,
            editorName: '',
            note: 'scheduled-publish' satisfies RevisionNote,
            editedAt: now,
          });
        }
        await bumpContentVersion(
          trx,
          due.flatMap((article) => articleChangeKeys(article.id, [article.sectionId])),
        );
        return due.length;
      });
      if (published > 0) cache?.invalidate();
      return published;
    },
  };
}
