import { sql } from 'kysely';
import type { CommentStatus } from '../../comments/comment.table.ts';
import type { Db, DbOrTrx, Trx } from '../../db/database.ts';
import type { ModerationModelRow } from './classifier.table.ts';

const LEASE = 'train';

/** The version of the newest model, if any was trained: the cheap check each use makes. */
export async function findLatestModelVersion(db: Db): Promise<number | undefined> {
  const row = await db
    .selectFrom('moderation_models')
    .select('version')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.version;
}

/** One model with its serialized counts. */
export function findModel(db: Db, version: number): Promise<ModerationModelRow | undefined> {
  return db
    .selectFrom('moderation_models')
    .selectAll()
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The newest model's figures, without its counts (the desk's page). */
export function findLatestModelSummary(
  db: Db,
): Promise<Omit<ModerationModelRow, 'model'> | undefined> {
  return db
    .selectFrom('moderation_models')
    .select([
      'version',
      'trained_at',
      'acceptable_examples',
      'unwanted_examples',
      'corrections',
      'decisions_seen',
      'held_out',
      'precision',
      'recall',
      'train_ms',
    ])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Stores a newly trained model. */
export async function insertModel(db: Db, row: ModerationModelRow): Promise<void> {
  await db.insertInto('moderation_models').values(row).execute();
}

/** Comments a person decided (they have an audit event), approved or refused, by class. */
export async function countDecidedComments(
  db: Db,
): Promise<{ acceptable: number; unwanted: number }> {
  const rows = await db
    .selectFrom('comments as c')
    .select(['c.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('c.status', 'in', ['approved', 'rejected', 'spam'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('moderation_events as e')
          .select('e.id')
          .whereRef('e.comment_id', '=', 'c.id')
          // A person's: not the rules' automatic approval of a habitué (no actor).
          .where('e.actor_id', 'is not', null),
      ),
    )
    .groupBy('c.status')
    .execute();
  let acceptable = 0;
  let unwanted = 0;
  for (const r of rows) {
    if (r.status === 'approved') acceptable += Number(r.n);
    else unwanted += Number(r.n);
  }
  return { acceptable, unwanted };
}

/** A decided comment as training reads it. */
export interface TrainingRow {
  id: number;
  body: string;
  email: string;
  status: CommentStatus;
  correctedTo: string | null;
  fillMs: number | null;
}

/** Every comment a person decided, oldest first, with any correction of its score. */
export async function listTrainingRows(db: Db): Promise<TrainingRow[]> {
  const rows = await db
    .selectFrom('comments as c')
    .leftJoin('comment_scores as s', 's.comment_id', 'c.id')
    .select(['c.id', 'c.body', 'c.author_email', 'c.status', 's.corrected_to', 'c.fill_ms'])
    .where('c.status', 'in', ['approved', 'rejected', 'spam'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('moderation_events as e')
          .select('e.id')
          .whereRef('e.comment_id', '=', 'c.id')
          // A person's: not the rules' automatic approval of a habitué (no actor).
          .where('e.actor_id', 'is not', null),
      ),
    )
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    email: r.author_email,
    status: r.status,
    correctedTo: r.corrected_to,
    fillMs: r.fill_ms,
  }));
}

/**
 * Takes the training lease for `leaseMs` when no other instance holds it, the last training is
 * at least `intervalMs` old and the last check `checkMs` old; undefined otherwise.
 */
export async function claimTrainingLease(
  db: Db,
  {
    now,
    leaseMs,
    intervalMs,
    checkMs,
  }: { now: Date; leaseMs: number; intervalMs: number; checkMs: number },
): Promise<string | undefined> {
  await db
    .insertInto('moderation_classifier_lease')
    .values({ name: LEASE, locked_until: null, last_run_at: null, checked_at: null })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const due = new Date(now.getTime() - intervalMs).toISOString();
  const checkDue = new Date(now.getTime() - checkMs).toISOString();
  const result = await db
    .updateTable('moderation_classifier_lease')
    .set({ locked_until: until })
    .where('name', '=', LEASE)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
    .where((eb) => eb.or([eb('last_run_at', 'is', null), eb('last_run_at', '<=', due)]))
    .where((eb) => eb.or([eb('checked_at', 'is', null), eb('checked_at', '<=', checkDue)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0 ? until : undefined;
}

/** Gives the lease back after a check at `now`; `trainedAt` when a model was trained. */
export async function releaseTrainingLease(
  db: Db,
  lease: string,
  { now, trainedAt }: { now: Date; trainedAt: Date | undefined },
): Promise<void> {
  await db
    .updateTable('moderation_classifier_lease')
    .set({
      locked_until: null,
      checked_at: now.toISOString(),
      ...(trainedAt ? { last_run_at: trainedAt.toISOString() } : {}),
    })
    .where('name', '=', LEASE)
    .where('locked_until', '=', lease)
    .execute();
}

/** Pending comments not yet scored by this model version, oldest first. */
export function listUnscoredPending(
  db: Db,
  version: number,
  limit: number,
): Promise<{ id: number; body: string; author_email: string; fill_ms: number | null }[]> {
  return db
    .selectFrom('comments as c')
    .leftJoin('comment_scores as s', 's.comment_id', 'c.id')
    .select(['c.id', 'c.body', 'c.author_email', 'c.fill_ms'])
    .where('c.status', '=', 'pending')
    .where((eb) => eb.or([eb('s.model_version', 'is', null), eb('s.model_version', '<>', version)]))
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

/** A comment's score by one model. */
export interface ScoreRow {
  comment_id: number;
  model_version: number;
  score: number;
  reasons: string;
  scored_at: string;
}

/** Writes scores, replacing older models' scores of the same comments. */
export async function upsertScores(db: Db, rows: ScoreRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('comment_scores')
      .values(rows.slice(i, i + 200).map((r) => ({ ...r, corrected_to: null, corrected_at: null })))
      .onConflict((oc) =>
        oc.column('comment_id').doUpdateSet((eb) => ({
          model_version: eb.ref('excluded.model_version'),
          score: eb.ref('excluded.score'),
          reasons: eb.ref('excluded.reasons'),
          scored_at: eb.ref('excluded.scored_at'),
        })),
      )
      .execute();
  }
}

/** These comments' scores by one model version. */
export async function findScores(
  db: Db,
  ids: number[],
  version: number,
): Promise<Map<number, { score: number; reasons: [string, number][] }>> {
  const scores = new Map<number, { score: number; reasons: [string, number][] }>();
  if (!ids.length) return scores;
  const rows = await db
    .selectFrom('comment_scores')
    .select(['comment_id', 'score', 'reasons'])
    .where('comment_id', 'in', ids)
    .where('model_version', '=', version)
    .execute();
  for (const r of rows)
    scores.set(r.comment_id, {
      score: Number(r.score),
      reasons: JSON.parse(r.reasons) as [string, number][],
    });
  return scores;
}

/** Above this the score says « probablement indésirable », below its complement « acceptable ». */
export const CONFIDENT = 0.8;

/**
 * Records a decision that contradicts the comment's score (approved when the score said
 * unwanted, refused when it said acceptable); in the decision's transaction.
 */
export async function recordCorrection(
  trx: Trx,
  { commentId, to, now }: { commentId: number; to: CommentStatus; now: Date },
): Promise<void> {
  if (to === 'pending') return;
  await trx
    .updateTable('comment_scores')
    .set({ corrected_to: to, corrected_at: now.toISOString() })
    .where('comment_id', '=', commentId)
    .where(
      to === 'approved'
        ? sql<boolean>`score >= ${CONFIDENT}`
        : sql<boolean>`score <= ${1 - CONFIDENT}`,
    )
    .execute();
}

/** Pending comments in a score band, written before `before` (what the moderator saw). */
export async function listPendingIdsInBand(
  db: DbOrTrx,
  q: {
    version: number;
    band: 'unwanted' | 'acceptable';
    threshold: number;
    before: string;
    articleId?: number | undefined;
  },
): Promise<number[]> {
  let query = db
    .selectFrom('comments as c')
    .innerJoin('comment_scores as s', 's.comment_id', 'c.id')
    .select('c.id')
    .where('c.status', '=', 'pending')
    .where('s.model_version', '=', q.version)
    .where('c.created_at', '<=', q.before)
    .where(
      's.score',
      q.band === 'unwanted' ? '>=' : '<=',
      q.band === 'unwanted' ? q.threshold : 1 - q.threshold,
    );
  if (q.articleId !== undefined) query = query.where('c.article_id', '=', q.articleId);
  return (await query.orderBy('c.id').execute()).map((r) => r.id);
}
