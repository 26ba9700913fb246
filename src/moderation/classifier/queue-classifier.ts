import { z } from 'zod';
import type { CommentStatus } from '../../comments/comment.table.ts';
import type { Db } from '../../db/database.ts';
import { dbId, optionalDbId } from '../../http/schemas.ts';
import { countDecidedComments, findScores, listPendingIdsInBand } from './classifier.queries.ts';
import { scorePendingComments, type ModelCache } from './score-comments.ts';
import { MIN_PER_CLASS } from './train-classifier.ts';

/** How the queue may be sorted by score (`?tri=`). */
export const scoreSorts = ['indesirable', 'acceptable'] as const;
export type ScoreSort = (typeof scoreSorts)[number];

/** The score band the bulk checkboxes select: 90 % sure or more. */
export const BAND_THRESHOLD = 0.9;

/** What the queue shows of the classifier. */
export type QueueClassifier =
  | {
      active: true;
      version: number;
      sort: ScoreSort | undefined;
      scores: Map<number, { score: number; reasons: [string, number][] }>;
      bands: { unwanted: number; acceptable: number };
      /** The page's moment: a band selects only comments written before it. */
      before: string;
      articleId: number | undefined;
    }
  | { active: false; acceptable: number; unwanted: number; needed: number };

/**
 * Gets the queue's classifier view ready: scores any pending comment the newest model has not
 * scored yet, and says how to order the page; `withScores` then fetches the shown items' scores.
 */
export async function prepareQueueClassifier(
  db: Db,
  models: ModelCache,
  q: {
    status: CommentStatus;
    articleId: number | undefined;
    now: Date;
    sort: ScoreSort | undefined;
  },
): Promise<{
  byScore: { version: number; order: 'asc' | 'desc' } | undefined;
  withScores(ids: number[]): Promise<QueueClassifier>;
}> {
  const model = await models.current();
  if (!model) {
    const counts = await countDecidedComments(db);
    const view: QueueClassifier = { active: false, ...counts, needed: MIN_PER_CLASS };
    return { byScore: undefined, withScores: async () => view };
  }
  const pending = q.status === 'pending';
  if (pending) await scorePendingComments(db, model, { now: q.now });
  const before = q.now.toISOString();
  const band = (b: 'unwanted' | 'acceptable') =>
    listPendingIdsInBand(db, {
      version: model.version,
      band: b,
      threshold: BAND_THRESHOLD,
      before,
      articleId: q.articleId,
    });
  return {
    byScore:
      pending && q.sort
        ? { version: model.version, order: q.sort === 'indesirable' ? 'desc' : 'asc' }
        : undefined,
    async withScores(ids) {
      const [scores, unwanted, acceptable] = await Promise.all([
        findScores(db, ids, model.version),
        pending ? band('unwanted') : [],
        pending ? band('acceptable') : [],
      ]);
      return {
        active: true,
        version: model.version,
        sort: pending ? q.sort : undefined,
        scores,
        bands: { unwanted: unwanted.length, acceptable: acceptable.length },
        before,
        articleId: q.articleId,
      };
    },
  };
}

const bandForm = z.object({
  bande: z.union([z.enum(['unwanted', 'acceptable']), z.array(z.enum(['unwanted', 'acceptable']))]),
  'bande-version': dbId,
  'bande-avant': z.string().datetime(),
  'bande-article': optionalDbId,
});

/**
 * The comments a bulk decision's band checkboxes selected: pending ones scored by the model the
 * moderator saw, in the band, written before the page was shown (never one they could not see).
 */
export async function bandSelection(db: Db, body: Record<string, unknown>): Promise<number[]> {
  const form = bandForm.safeParse(body);
  if (!form.success) return [];
  const f = form.data;
  const ids = new Set<number>();
  for (const band of new Set(([] as ('unwanted' | 'acceptable')[]).concat(f.bande)))
    for (const id of await listPendingIdsInBand(db, {
      version: f['bande-version'],
      band,
      threshold: BAND_THRESHOLD,
      before: f['bande-avant'],
      articleId: f['bande-article'],
    }))
      ids.add(id);
  return [...ids];
}
