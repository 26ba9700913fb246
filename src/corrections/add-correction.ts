import { bumpContentVersion } from '../cache/content-version.queries.ts';
import type { Db } from '../db/database.ts';
import { articleChangeKeys } from '../articles/article-keys.ts';
import {
  findArticleById,
  insertArticleRevision,
  updateArticleIfVersion,
} from '../articles/article.queries.ts';
import type { CurrentUser } from '../users/user.ts';
import { CORRECTIONS_KEY, validateCorrection, type CorrectionError } from './correction.ts';
import { insertCorrection } from './correction.queries.ts';

export type AddCorrectionResult =
  | { ok: true }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'invalid'; error: CorrectionError };

/**
 * Adds a dated correction to a published article: in one transaction, the correction, the
 * article's « mis à jour » date, a revision note, and the content change that drops the article's
 * pages, the lists and the corrections page on every instance.
 */
export async function addCorrection(
  db: Db,
  input: { articleId: number; text: string; user: CurrentUser; now: Date },
): Promise<AddCorrectionResult> {
  const error = validateCorrection(input.text);
  if (error) return { ok: false, reason: 'invalid', error };
  return db.transaction().execute(async (trx): Promise<AddCorrectionResult> => {
    const article = await findArticleById(trx, input.articleId);
    if (!article) return { ok: false, reason: 'not_found' };
    if (article.status !== 'published')
      return { ok: false, reason: 'invalid', error: 'notPublished' };
    const now = input.now;
    // A new version, so the history records the correction and an editor who had the article
    // open is told someone changed it before their save goes through.
    const saved = await updateArticleIfVersion(trx, {
      id: article.id,
      version: article.version,
      values: { updated_at: now.toISOString() },
    });
    if (!saved) return { ok: false, reason: 'invalid', error: 'busy' };
    await insertCorrection(trx, {
      articleId: article.id,
      text: input.text.trim(),
      publishedAt: now,
      addedBy: input.user.id,
    });
    await insertArticleRevision(trx, {
      articleId: article.id,
      version: article.version + 1,
      snapshot: { status: article.status },
      editedBy: input.user.id,
      editorName: input.user.name,
      note: 'correction-added',
      editedAt: now,
    });
    await bumpContentVersion(trx, [
      ...articleChangeKeys(article.id, [article.section_id]),
      CORRECTIONS_KEY,
    ]);
    return { ok: true };
  });
}
