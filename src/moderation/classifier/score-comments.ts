import { findEmailHistories } from '../../comments/comment-queue.queries.ts';
import type { Db } from '../../db/database.ts';
import {
  findLatestModelVersion,
  findModel,
  listUnscoredPending,
  upsertScores,
} from './classifier.queries.ts';
import { commentFeatures } from './features.ts';
import { score, scorerOf, type Scorer } from './naive-bayes.ts';

/** The model in use: its version and its ready-to-score weights. */
export interface ActiveModel {
  version: number;
  scorer: Scorer;
}

/** An instance's copy of the newest model, reloaded when the stored version changes. */
export interface ModelCache {
  /** The newest model, or undefined while none was trained (the classifier is inactive). */
  current(): Promise<ActiveModel | undefined>;
}

/**
 * A per-instance model cache: each use asks the database for the newest version (one indexed
 * row) and parses the model only when that version changed, so every instance scores with the
 * model the last training stored.
 */
export function createModelCache(db: Db): ModelCache {
  let held: ActiveModel | undefined;
  return {
    async current() {
      const version = await findLatestModelVersion(db);
      if (version === undefined) return undefined;
      if (held?.version !== version) {
        const row = await findModel(db, version);
        if (!row) return held;
        held = { version, scorer: scorerOf(JSON.parse(row.model)) };
      }
      return held;
    },
  };
}

/**
 * Scores the pending comments the current model has not scored yet (up to `limit`, oldest
 * first): what each weighs and why, kept in comment_scores. Returns how many it scored.
 */
export async function scorePendingComments(
  db: Db,
  model: ActiveModel,
  { now, limit = 2000 }: { now: Date; limit?: number },
): Promise<number> {
  const rows = await listUnscoredPending(db, model.version, limit);
  if (!rows.length) return 0;
  const histories = await findEmailHistories(
    db,
    rows.map((r) => r.author_email),
  );
  const at = now.toISOString();
  await upsertScores(
    db,
    rows.map((r) => {
      const { features, words } = commentFeatures({
        body: r.body,
        history: histories.get(r.author_email) ?? { approved: 0, rejected: 0 },
        fillMs: r.fill_ms,
      });
      const s = score(model.scorer, features);
      // A stem is shown as the comment's own word; marks and domains as they are.
      const reasons = s.top.map(([f, w]) => [words.get(f) ?? f, Math.round(w * 100) / 100]);
      return {
        comment_id: r.id,
        model_version: model.version,
        score: s.unwanted,
        reasons: JSON.stringify(reasons),
        scored_at: at,
      };
    }),
  );
  return rows.length;
}
