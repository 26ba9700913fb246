import { findEmailHistories } from '../../comments/comment-queue.queries.ts';
import type { Db } from '../../db/database.ts';
import {
  claimTrainingLease,
  countDecidedComments,
  findLatestModelSummary,
  insertModel,
  listTrainingRows,
  releaseTrainingLease,
  type TrainingRow,
} from './classifier.queries.ts';
import { commentFeatures } from './features.ts';
import { evaluate, scorerOf, train, type Example } from './naive-bayes.ts';

/** The classifier stays inactive until it has this many decisions of each class. */
export const MIN_PER_CLASS = 200;
/** A new model is trained once this many decisions were taken since the last one. */
export const NEW_DECISIONS = 50;
/** At most one training in this interval, across instances. */
export const TRAIN_INTERVAL_MS = 10 * 60_000;
/** Decisions are counted at most this often (a query over the decided comments), across instances. */
export const CHECK_INTERVAL_MS = 60_000;
/** A decision that contradicted the score counts this many times. */
export const CORRECTION_WEIGHT = 3;
const LEASE_MS = 5 * 60_000;

/** Why training did or did not happen. */
export type TrainOutcome =
  | { trained: true; version: number; precision: number; recall: number }
  | { trained: false; reason: 'busy' | 'too-few' | 'up-to-date' };

/** Every fifth decision (by comment id) is held out to measure the model, never trained on. */
export const isHeldOut = (id: number): boolean => id % 5 === 0;

/**
 * Trains a new model from the newsroom's decisions when there are enough of each class and
 * enough new ones, one instance at a time: measured on held-out decisions first, then trained on
 * them all and stored as the next version (which every instance picks up on its next check).
 */
export async function trainClassifier(
  db: Db,
  { now, force = false }: { now: Date; force?: boolean },
): Promise<TrainOutcome> {
  const lease = await claimTrainingLease(db, {
    now,
    leaseMs: LEASE_MS,
    intervalMs: force ? 0 : TRAIN_INTERVAL_MS,
    checkMs: force ? 0 : CHECK_INTERVAL_MS,
  });
  if (!lease) return { trained: false, reason: 'busy' };
  let trainedAt: Date | undefined;
  try {
    const counts = await countDecidedComments(db);
    if (counts.acceptable < MIN_PER_CLASS || counts.unwanted < MIN_PER_CLASS)
      return { trained: false, reason: 'too-few' };
    const latest = await findLatestModelSummary(db);
    const total = counts.acceptable + counts.unwanted;
    if (!force && latest && total - latest.decisions_seen < NEW_DECISIONS)
      return { trained: false, reason: 'up-to-date' };
    const started = performance.now();
    const rows = await listTrainingRows(db);
    const examples = await examplesOf(db, rows);
    const heldOut = examples.filter((_, i) => isHeldOut(rows[i]!.id));
    const measured = evaluate(
      scorerOf(train(examples.filter((_, i) => !isHeldOut(rows[i]!.id)))),
      heldOut,
    );
    const model = train(examples);
    const version = (latest?.version ?? 0) + 1;
    await insertModel(db, {
      version,
      model: JSON.stringify(model),
      trained_at: now.toISOString(),
      acceptable_examples: examples.filter((e) => !e.unwanted).length,
      unwanted_examples: examples.filter((e) => e.unwanted).length,
      corrections: rows.filter((r) => r.correctedTo !== null).length,
      decisions_seen: total,
      held_out: measured.n,
      precision: measured.precision,
      recall: measured.recall,
      train_ms: Math.round(performance.now() - started),
    });
    trainedAt = now;
    return { trained: true, version, precision: measured.precision, recall: measured.recall };
  } finally {
    await releaseTrainingLease(db, lease, { now, trainedAt });
  }
}

/**
 * Features of each decided comment. The author's history leaves out the comment's own
 * decision, or the model would learn the answer from it.
 */
async function examplesOf(db: Db, rows: TrainingRow[]): Promise<Example[]> {
  const histories = new Map<string, { approved: number; rejected: number }>();
  const emails = [...new Set(rows.map((r) => r.email))];
  for (let i = 0; i < emails.length; i += 500)
    for (const [k, v] of await findEmailHistories(db, emails.slice(i, i + 500)))
      histories.set(k, v);
  return rows.map((r) => {
    const unwanted = r.status !== 'approved';
    const h = histories.get(r.email) ?? { approved: 0, rejected: 0 };
    const history = {
      approved: h.approved - (unwanted ? 0 : 1),
      rejected: h.rejected - (unwanted ? 1 : 0),
    };
    const { features } = commentFeatures({ body: r.body, history, fillMs: r.fillMs });
    return { features, unwanted, weight: r.correctedTo ? CORRECTION_WEIGHT : 1 };
  });
}
