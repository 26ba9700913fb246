/**
 * A multinomial naive Bayes over the distinct features of each comment (binarized counts, which
 * suit short texts), two classes: acceptable (0) and unwanted (1). Pure: counting and scoring.
 */

/** One decided comment, as features. */
export interface Example {
  features: string[];
  unwanted: boolean;
  /** How much the example counts (a correction of the previous model counts more). */
  weight: number;
}

/** The trained model, as stored (JSON). */
export interface NaiveBayesModel {
  /** Weighted number of examples per class: [acceptable, unwanted]. */
  docs: [number, number];
  /** Weighted number of feature occurrences per class. */
  totals: [number, number];
  /** Per feature, its weighted occurrences per class. */
  counts: Record<string, [number, number]>;
}

/** A model ready to score: the log-likelihood ratio of each feature, computed once. */
export interface Scorer {
  prior: number;
  weights: Map<string, number>;
}

/** A comment's score: the probability it is unwanted, and the features that weighed most. */
export interface Score {
  unwanted: number;
  /** Up to five features, largest weight first (positive: towards unwanted). */
  top: [string, number][];
}

const ALPHA = 1;
// A feature seen fewer times than this (weighted, both classes) is noise and is dropped.
const MIN_COUNT = 2;

/** Counts the examples into a model. */
export function train(examples: Iterable<Example>): NaiveBayesModel {
  const docs: [number, number] = [0, 0];
  const totals: [number, number] = [0, 0];
  const all = new Map<string, [number, number]>();
  for (const ex of examples) {
    const c = ex.unwanted ? 1 : 0;
    docs[c] += ex.weight;
    for (const f of ex.features) {
      let pair = all.get(f);
      if (!pair) all.set(f, (pair = [0, 0]));
      pair[c] += ex.weight;
      totals[c] += ex.weight;
    }
  }
  const counts: Record<string, [number, number]> = {};
  for (const [f, pair] of all) if (pair[0] + pair[1] >= MIN_COUNT) counts[f] = pair;
  return { docs, totals, counts };
}

/** Turns a stored model into log-likelihood ratios (unwanted over acceptable) per feature. */
export function scorerOf(model: NaiveBayesModel): Scorer {
  const vocab = Object.keys(model.counts).length;
  const denomA = model.totals[0] + ALPHA * vocab;
  const denomU = model.totals[1] + ALPHA * vocab;
  const weights = new Map<string, number>();
  for (const [f, [a, u]] of Object.entries(model.counts))
    weights.set(f, Math.log((u + ALPHA) / denomU) - Math.log((a + ALPHA) / denomA));
  const prior = Math.log((model.docs[1] + 1) / (model.docs[0] + 1));
  return { prior, weights };
}

/** Scores a comment's distinct features. */
export function score(scorer: Scorer, features: string[]): Score {
  let logOdds = scorer.prior;
  const seen: [string, number][] = [];
  for (const f of features) {
    const w = scorer.weights.get(f);
    if (w === undefined) continue;
    logOdds += w;
    seen.push([f, w]);
  }
  seen.sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
  return { unwanted: 1 / (1 + Math.exp(-logOdds)), top: seen.slice(0, 5) };
}

/** Precision and recall of the « unwanted » class at the 0.5 threshold. */
export function evaluate(
  scorer: Scorer,
  examples: Iterable<{ features: string[]; unwanted: boolean }>,
): { precision: number; recall: number; n: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let n = 0;
  for (const ex of examples) {
    n++;
    const said = score(scorer, ex.features).unwanted >= 0.5;
    if (said && ex.unwanted) tp++;
    else if (said) fp++;
    else if (ex.unwanted) fn++;
  }
  return { precision: tp + fp ? tp / (tp + fp) : 0, recall: tp + fn ? tp / (tp + fn) : 0, n };
}
