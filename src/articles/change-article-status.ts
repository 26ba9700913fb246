import { articleChangeKeys } from './article-keys.ts';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import type { Db } from '../db/database.ts';
import type { CurrentUser } from '../users/user.ts';
import {
  allowedTransitions,
  applyTransition,
  wasPublished,
  type Transition,
} from './article-workflow.ts';
import { syncArticleSearch } from '../search/sync-article-search.ts';
import type { RevisionNote } from './revision-notes.ts';
import type { ArticleRow } from './article.table.ts';
import {
  findArticleById,
  insertArticleRevision,
  updateArticleIfVersion,
} from './article.queries.ts';

export type StatusResult =
  | { ok: true; article: ArticleRow }
  | { ok: false; reason: 'not_found' | 'forbidden' | 'bad_time' }
  | { ok: false; reason: 'conflict'; current: ArticleRow };

/** Moves an article through the workflow, if the member may, with the version check and a revision note. */
export async function changeArticleStatus(
  db: Db,
  input: {
    id: number;
    expectedVersion: number;
    transition: Transition;
    at?: Date;
    /** Publishing again: take today's date instead of keeping the first publication's. */
    newDate?: boolean;
    user: CurrentUser;
    now: Date;
  },
): Promise<StatusResult> {
  return db.transaction().execute(async (trx): Promise<StatusResult> => {
    const article = await findArticleById(trx, input.id);
    if (!article) return { ok: false, reason: 'not_found' };
    const subject = {
      status: article.status,
      authorId: article.author_id,
      submittedAt: article.submitted_at,
    };
    if (!allowedTransitions(input.user, subject).includes(input.transition))
      return { ok: false, reason: 'forbidden' };
    let next;
    try {
      next = applyTransition(input.transition, {
        now: input.now,
        at: input.at,
        republish: wasPublished(
          { status: article.status, publishedAt: article.published_at },
          input.now,
        ),
        newDate: input.newDate ?? false,
      });
    } catch {
      return { ok: false, reason: 'bad_time' };
    }
    const saved = await updateArticleIfVersion(trx, {
      id: article.id,
      version: input.expectedVersion,
      values: {
        status: next.status,
        ...(next.submittedAt !== undefined ? { submitted_at: next.submittedAt } : {}),
        ...(next.publishedAt !== undefined ? { published_at: next.publishedAt } : {}),
        ...(next.updatedAt !== undefined ? { updated_at: next.updatedAt } : {}),
        saved_at: input.now.toISOString(),
      },
    });
    const current = (await findArticleById(trx, article.id))!;
    if (!saved) return { ok: false, reason: 'conflict', current };
    await insertArticleRevision(trx, {
      articleId: article.id,
      version: current.version,
      snapshot: { status: current.status, publishedAt: current.published_at },
      editedBy: input.user.id,
      editorName: input.user.name,
      note: `status:${input.transition}` satisfies RevisionNote,
      editedAt: input.now,
    });
    await syncArticleSearch(trx, article.id);
    // Anything entering or leaving the public site changes what readers see.
    if (article.status === 'published' || current.status === 'published')
      await bumpContentVersion(trx, articleChangeKeys(article.id, [current.section_id]));
    return { ok: true, article: current };
  });
}
