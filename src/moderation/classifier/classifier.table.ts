import type { Selectable } from 'kysely';

/** The `moderation_models` table: each trained classifier, newest version in use. */
export interface ModerationModelTable {
  version: number;
  /** The model as JSON (see naive-bayes.ts). */
  model: string;
  trained_at: string;
  acceptable_examples: number;
  unwanted_examples: number;
  /** Decisions that had contradicted the previous model's score, weighed more. */
  corrections: number;
  /** How many decisions existed when it was trained (the next training waits for more). */
  decisions_seen: number;
  /** How many past decisions were held out to measure it. */
  held_out: number;
  /** On the held-out decisions, for the « unwanted » class. */
  precision: number;
  recall: number;
  train_ms: number;
}

/** The `comment_scores` table: what the classifier said of a comment, and any correction. */
export interface CommentScoreTable {
  comment_id: number;
  model_version: number;
  /** Probability that the comment is unwanted, 0 to 1. */
  score: number;
  /** JSON list of the features that weighed most: [feature, weight][]. */
  reasons: string;
  scored_at: string;
  /** The moderator's decision when it contradicted the score. */
  corrected_to: string | null;
  corrected_at: string | null;
}

/** The `moderation_classifier_lease` table: one training at a time across instances. */
export interface ClassifierLeaseTable {
  name: string;
  locked_until: string | null;
  /** When a model was last trained. */
  last_run_at: string | null;
  /** When an instance last counted the decisions (trained or not). */
  checked_at: string | null;
}

export type ModerationModelRow = Selectable<ModerationModelTable>;
